#include "connectors/registry.hpp"

#include <algorithm>
#include <stdexcept>

namespace edusync::connectors {
namespace {

bool before(const ConnectorType& entry, std::string_view type) {
  return entry.type < type;
}

}  // namespace

void Registry::add(ConnectorType type) {
  const auto at = std::lower_bound(types_.begin(), types_.end(), type.type, before);
  if (at != types_.end() && at->type == type.type) {
    throw std::logic_error("connector type " + type.type + " is already registered");
  }
  if (!type.create) throw std::logic_error("connector type " + type.type + " has no factory");
  config::check_connector_table(type.type, type.keys);
  types_.insert(at, std::move(type));
}

const ConnectorType* Registry::find(std::string_view type) const {
  const auto at = std::lower_bound(types_.begin(), types_.end(), type, before);
  return at != types_.end() && at->type == type ? &*at : nullptr;
}

std::vector<std::string> Registry::types() const {
  std::vector<std::string> names;
  for (const auto& entry : types_) names.push_back(entry.type);
  return names;
}

config::ConnectorTables Registry::key_tables() const {
  config::ConnectorTables tables;
  for (const auto& entry : types_) tables.emplace(entry.type, entry.keys);
  return tables;
}

std::unique_ptr<Connector> Registry::create(const config::ConnectorConfig& connector) const {
  const auto* entry = find(connector.type);
  if (entry == nullptr) {
    throw InvalidSettings(
        text::message("connector.unknown_type", {text::arg("type", connector.type)}));
  }
  return entry->create(connector);
}

}  // namespace edusync::connectors
