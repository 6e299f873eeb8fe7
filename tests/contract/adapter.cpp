// Today's APIs: Registry::add(type, Factory) and create(Settings) with text values; the
// connector key tables global to config/ (config::register_connector_keys); run::apply_connectors
// (store, config, request) creating connectors from connectors::builtin_registry().
#include "contract/adapter.hpp"

#include <stdexcept>
#include <variant>

#include "config/config.hpp"

namespace edusync::contract {
namespace {

// A configuration holding `yaml_items` as its connectors; its other keys are never used.
config::Config configuration(const std::vector<std::string>& yaml_items) {
  std::string text =
      "school: {uai: 0140065T, name: Contrat}\n"
      "state_dir: /tmp/edusync-contract-unused/state\n"
      "inbox: /tmp/edusync-contract-unused/inbox\n"
      "connectors:\n";
  for (const auto& item : yaml_items) text += "  - " + item + "\n";
  auto loaded = config::load_config_from_string(text, "contract.yaml");
  if (!loaded.ok())
    throw std::runtime_error(config::format_problem(loaded.problems.front()) + "\n" + text);
  return *loaded.config;
}

// As run/apply converts a configured connector for Registry::create.
std::string as_text(const config::Value& value) {
  struct Visitor {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return std::to_string(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string joined;
      for (const auto& item : list) joined += (joined.empty() ? "" : ",") + item;
      return joined;
    }
  };
  return std::visit(Visitor{}, value);
}

connectors::Settings settings_of(const config::ConnectorConfig& connector) {
  connectors::Settings settings{connector.name, connector.type, {}};
  for (const auto& [key, value] : connector.keys) settings.values[key] = as_text(value);
  return settings;
}

}  // namespace

connectors::Registry registry_with_fake(const std::shared_ptr<test::FakeTargets>& fakes) {
  auto fake = test::fake_connector_type(fakes);
  if (config::connector_keys(fake.type) == nullptr)
    config::register_connector_keys(fake.type, fake.keys);
  connectors::Registry registry = connectors::builtin_registry();
  registry.add(fake.type, fake.create);
  return registry;
}

std::vector<std::string> registered_types(const connectors::Registry& registry) {
  return registry.types();
}

std::unique_ptr<connectors::Connector> make_connector(const connectors::Registry& registry,
                                                      const std::string& yaml_item) {
  return registry.create(settings_of(configuration({yaml_item}).connectors.at(0)));
}

std::string connector_name(const std::string& yaml_item) {
  return configuration({yaml_item}).connectors.at(0).name;
}

std::optional<std::vector<report::ConnectorOutcome>> apply_through_run(
    state::StateStore& store, const connectors::Registry& registry,
    const std::vector<std::string>& yaml_items, const run::ApplyRequest& request) {
  const auto config = configuration(yaml_items);
  for (const auto& connector : config.connectors) {
    if (!connectors::builtin_registry().knows(connector.type) || !registry.knows(connector.type))
      return std::nullopt;
  }
  return run::apply_connectors(store, config, request);
}

}  // namespace edusync::contract
