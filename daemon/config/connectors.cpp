#include "config/connectors.hpp"

#include <map>
#include <stdexcept>

namespace edusync::config {
namespace {

// The table of the item's type when it names a registered one. Otherwise only `name` and `type`
// are checked: the other keys cannot be judged without a type, and `type` gets the error.
const std::vector<KeySpec>* type_table(const YAML::Node& item) {
  const YAML::Node type = item["type"];
  if (!type.IsDefined() || !type.IsScalar()) return nullptr;
  return connector_keys(type.Scalar());
}

std::vector<KeySpec> item_table(const std::vector<KeySpec>* type_keys) {
  auto table = connector_common_keys();
  if (type_keys != nullptr) table.insert(table.end(), type_keys->begin(), type_keys->end());
  return table;
}

std::optional<ConnectorConfig> load_connector(const YAML::Node& item, const std::string& prefix,
                                              Problems& problems) {
  if (!item.IsMap()) {
    problems.add(item.Mark(),
                 prefix + ": expected a map with a name, a type and the keys of that type");
    return std::nullopt;
  }
  const auto* type_keys = type_table(item);
  auto walked = walk(item, item_table(type_keys), {prefix, type_keys != nullptr}, problems);
  const auto name = walked.values.find("name");
  if (type_keys == nullptr || name == walked.values.end()) return std::nullopt;
  ConnectorConfig connector;
  connector.name = std::get<std::string>(name->second);
  connector.type = std::get<std::string>(walked.values.at("type"));
  connector.where = problems.location(item.Mark());
  for (auto& [path, value] : walked.values) {
    if (path != "name" && path != "type") connector.keys.emplace(path, std::move(value));
  }
  return connector;
}

}  // namespace

std::vector<ConnectorConfig> load_connectors(const YAML::Node& list, Problems& problems) {
  std::vector<ConnectorConfig> connectors;
  std::map<std::string, int> lines;  // name -> line of its first use
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const auto prefix = "connectors[" + std::to_string(i) + "]";
    auto connector = load_connector(item, prefix, problems);
    if (!connector) continue;
    const auto [first, inserted] = lines.emplace(connector->name, connector->where.line);
    if (!inserted) {
      problems.add(item["name"].Mark(), prefix + ".name: connector name \"" + connector->name +
                                            "\" is already used by the connector on line " +
                                            std::to_string(first->second));
      continue;
    }
    connectors.push_back(std::move(*connector));
  }
  return connectors;
}

namespace {

const Value& find_value(const ConnectorConfig& connector, const std::string& key) {
  const auto found = connector.keys.find(key);
  if (found == connector.keys.end()) {
    throw std::logic_error("connector type " + connector.type + " declares no key " + key);
  }
  return found->second;
}

template <class T>
const T& get(const ConnectorConfig& connector, const std::string& key) {
  if (const auto* value = std::get_if<T>(&find_value(connector, key))) return *value;
  throw std::logic_error("connector key " + key + " of type " + connector.type +
                         " read as another type");
}

}  // namespace

const std::string& ConnectorConfig::string(const std::string& key) const {
  return get<std::string>(*this, key);
}
std::filesystem::path ConnectorConfig::path(const std::string& key) const {
  return get<std::string>(*this, key);
}
std::int64_t ConnectorConfig::integer(const std::string& key) const {
  return get<std::int64_t>(*this, key);
}
double ConnectorConfig::number(const std::string& key) const {
  return get<double>(*this, key);
}
bool ConnectorConfig::boolean(const std::string& key) const {
  return get<bool>(*this, key);
}

}  // namespace edusync::config
