// Today's APIs: Registry::add(ConnectorType) and create(ConnectorConfig); the loader given the
// registry's key tables; run::apply_connectors going through run::Targets made from a registry.
#include "contract/adapter.hpp"

#include <stdexcept>
#include <variant>

#include "config/config.hpp"

namespace edusync::contract {
namespace {

// A configuration holding `yaml_items` as its connectors; its other keys are never used.
config::Config configuration(const connectors::Registry& registry,
                             const std::vector<std::string>& yaml_items) {
  std::string text =
      "school: {uai: 0140065T, name: Contrat}\n"
      "state_dir: /tmp/edusync-contract-unused/state\n"
      "inbox: /tmp/edusync-contract-unused/inbox\n"
      "connectors:\n";
  for (const auto& item : yaml_items) text += "  - " + item + "\n";
  auto loaded = config::load_config_from_string(text, "contract.yaml", registry.key_tables());
  if (!loaded.ok())
    throw std::runtime_error(config::format_problem(loaded.problems.front()) + "\n" + text);
  return *loaded.config;
}

}  // namespace

connectors::Registry registry_with_fake(const std::shared_ptr<test::FakeTargets>& fakes) {
  connectors::Registry registry = connectors::builtin_registry();
  registry.add(test::fake_connector_type(fakes));
  return registry;
}

std::vector<std::string> registered_types(const connectors::Registry& registry) {
  return registry.types();
}

std::unique_ptr<connectors::Connector> make_connector(const connectors::Registry& registry,
                                                      const std::string& yaml_item) {
  return registry.create(configuration(registry, {yaml_item}).connectors.at(0));
}

std::string connector_name(const connectors::Registry& registry, const std::string& yaml_item) {
  return configuration(registry, {yaml_item}).connectors.at(0).name;
}

std::vector<report::ConnectorOutcome> apply_through_run(state::StateStore& store,
                                                        const connectors::Registry& registry,
                                                        const std::vector<std::string>& yaml_items,
                                                        const run::ApplyRequest& request) {
  const auto config = configuration(registry, yaml_items);
  run::Targets targets(config.connectors, registry);
  return run::apply_connectors(store, targets, config.diff, request);
}

}  // namespace edusync::contract
