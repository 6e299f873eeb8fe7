#include "run/targets.hpp"

#include <exception>

#include "connectors/error.hpp"

namespace edusync::run {

Targets::Targets(const std::vector<config::ConnectorConfig>& configured,
                 const connectors::Registry& registry) {
  targets_.reserve(configured.size());
  for (const auto& item : configured) {
    Target target{item, nullptr, {}};
    try {
      target.connector = registry.create(item);
    } catch (const std::exception& error) {
      target.error = connectors::message_of(error);
    }
    targets_.push_back(std::move(target));
  }
}

}  // namespace edusync::run
