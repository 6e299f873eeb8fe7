#include "config/connectors.hpp"

#include <map>
#include <stdexcept>

#include "config/convert.hpp"
#include "config/table_check.hpp"

namespace edusync::config {
namespace {

// The table of the item's type when it names a known one. Otherwise only `name` and `type`
// are checked: the other keys cannot be judged without a type, and `type` gets the error.
const std::vector<KeySpec>* type_table(const YAML::Node& item, const ConnectorTables& tables) {
  const YAML::Node type = item["type"];
  if (!type.IsDefined() || !type.IsScalar()) return nullptr;
  const auto found = tables.find(type.Scalar());
  return found == tables.end() ? nullptr : &found->second;
}

// The common keys, `type` accepting the known types, then those of the item's type.
std::vector<KeySpec> item_table(const std::vector<KeySpec>* type_keys,
                                const ConnectorTables& tables) {
  auto table = connector_common_keys();
  for (auto& key : table) {
    if (key.type.kind != Kind::kConnectorType) continue;
    for (const auto& entry : tables) key.type.choices.push_back(entry.first);
  }
  if (type_keys != nullptr) table.insert(table.end(), type_keys->begin(), type_keys->end());
  return table;
}

std::optional<ConnectorConfig> load_connector(const YAML::Node& item, const std::string& prefix,
                                              const ConnectorTables& tables, Problems& problems) {
  if (!item.IsMap()) {
    problems.add(item.Mark(),
                 text::message("config.connector_not_map", {text::arg("path", prefix)}));
    return std::nullopt;
  }
  const auto* type_keys = type_table(item, tables);
  auto walked = walk(item, item_table(type_keys, tables), {prefix, type_keys != nullptr}, problems);
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

bool is_reserved(const KeySpec& key) {
  return key.path == "name" || key.path == "type" || key.path.starts_with("name.") ||
         key.path.starts_with("type.");
}

}  // namespace

const std::vector<KeySpec>& connector_common_keys() {
  static const std::vector<KeySpec> keys = {
      {"name", name_type(), kRequired,
       "Name of this connector, unique, used in logs, reports and the state"},
      {"type",
       {Kind::kConnectorType},
       kRequired,
       "Type of the connector, which decides its other keys"},
      {"login_address", string_type(), "none",
       "Where the users of this target log in (https://ent.example.fr, \"le réseau du "
       "collège\"...), printed on the account sheets; none: not printed"},
  };
  return keys;
}

void check_connector_table(const std::string& type, const std::vector<KeySpec>& keys) {
  const auto what = "connector type " + type;
  std::vector<NodeError> errors;
  if (!convert(YAML::Node(type), name_type(), errors)) {
    throw std::logic_error(what + ": not a valid type name");
  }
  for (const auto& key : keys) {
    if (is_reserved(key)) throw std::logic_error(what + ": key " + key.path + " is reserved");
  }
  check_table(keys, what);
}

std::vector<ConnectorConfig> load_connectors(const YAML::Node& list, const ConnectorTables& tables,
                                             Problems& problems) {
  std::vector<ConnectorConfig> connectors;
  std::map<std::string, int> lines;  // name -> line of its first use
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const auto prefix = "connectors[" + std::to_string(i) + "]";
    auto connector = load_connector(item, prefix, tables, problems);
    if (!connector) continue;
    const auto [first, inserted] = lines.emplace(connector->name, connector->where.line);
    if (!inserted) {
      problems.add(item["name"].Mark(),
                   text::message("config.connector_name_taken",
                                 {text::arg("path", prefix), text::arg("name", connector->name),
                                  text::arg("line", std::to_string(first->second))}));
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
