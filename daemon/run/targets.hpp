#pragma once
// The configured connectors of a run, each made once from a registry and kept: adoption reads
// their existing accounts and apply goes through the same instances, so a connector is
// constructed once per run -- or once per configuration when its owner (a long-running service)
// keeps the Targets between runs, with whatever session the connector holds. A test builds them
// from a registry of its own (the fake connector of the contract suite) and runs a whole sync
// through them.
// A connector whose type refuses its settings (its factory threw) stays in the list with the
// reason: adoption warns that its accounts are unreadable, apply reports it failed, as they did
// when each made its own connector.
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "connectors/connector.hpp"
#include "connectors/registry.hpp"
#include "text/message.hpp"

namespace edusync::run {

struct Target {
  config::ConnectorConfig config;
  std::unique_ptr<connectors::Connector> connector;  // null when it could not be made
  text::Message error;                               // why, then

  // Its capabilities say it reconciles (connectors/connector.hpp); false when not made.
  bool reconciles() const { return connector && connector->capabilities().reconciles; }
};

class Targets {
 public:
  // One target per configured item, in configuration order.
  Targets(const std::vector<config::ConnectorConfig>& configured,
          const connectors::Registry& registry);

  std::vector<Target>& all() { return targets_; }
  const std::vector<Target>& all() const { return targets_; }

 private:
  std::vector<Target> targets_;
};

}  // namespace edusync::run
