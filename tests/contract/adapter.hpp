#pragma once
// Every call of the contract suite into the connector registry, the configuration loader and
// run/apply, in one place: the suite and its harnesses describe connectors as YAML items of
// `connectors` ("{name: koxo, type: koxo-csv, dir: /tmp/x}") and go through these functions
// only, so that a change of those APIs is ported here and nowhere else.
#include <memory>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/registry.hpp"
#include "report/run_report.hpp"
#include "run/apply.hpp"
#include "state/state_store.hpp"
#include "support/fake_connector.hpp"

namespace edusync::contract {

// Every built-in connector type, plus the fake (test::FakeConnector) under type "fake"; the
// fakes it makes share `fakes`, by name. Also declares the fake's keys to the configuration.
connectors::Registry registry_with_fake(const std::shared_ptr<test::FakeTargets>& fakes);

// The types of `registry`, sorted.
std::vector<std::string> registered_types(const connectors::Registry& registry);

// A connector made by `registry` from one YAML item of `connectors`, checked by the
// configuration loader as an item of edusync.yaml is (defaults filled in). Throws
// std::runtime_error with the first problem of the item.
std::unique_ptr<connectors::Connector> make_connector(const connectors::Registry& registry,
                                                      const std::string& yaml_item);

// The `name` of one YAML item of `connectors`, checked against `registry`'s types.
std::string connector_name(const connectors::Registry& registry, const std::string& yaml_item);

// run::apply_connectors over these connectors (YAML items, in order), made once by `registry`
// (run::Targets), on `store`.
std::vector<report::ConnectorOutcome> apply_through_run(state::StateStore& store,
                                                        const connectors::Registry& registry,
                                                        const std::vector<std::string>& yaml_items,
                                                        const run::ApplyRequest& request);

}  // namespace edusync::contract
