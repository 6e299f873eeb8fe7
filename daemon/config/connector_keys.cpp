// The registry of connector types and their key tables. The built-in types are registered here,
// in one place; the connectors of later issues register theirs at start-up.
#include <map>
#include <stdexcept>

#include "config/convert.hpp"
#include "config/keys.hpp"
#include "config/table_check.hpp"

namespace edusync::config {
namespace {

using Registry = std::map<std::string, std::vector<KeySpec>, std::less<>>;

std::vector<KeySpec> journal_keys() {
  return {
      {"path", path_type(), kRequired,
       "The JSON-lines audit file, one line per change pushed"},
  };
}

Registry& registry() {
  static Registry types = [] {
    Registry builtins;
    builtins.emplace("journal", journal_keys());
    for (const auto& [type, keys] : builtins) check_table(keys, "connector type " + type);
    return builtins;
  }();
  return types;
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
      {"type", {Kind::kConnectorType}, kRequired, "Type of the connector, which decides its other keys"},
  };
  return keys;
}

void register_connector_keys(const std::string& type, std::vector<KeySpec> keys) {
  const auto what = "connector type " + type;
  std::vector<NodeError> errors;
  if (!convert(YAML::Node(type), name_type(), errors)) {
    throw std::logic_error(what + ": not a valid type name");
  }
  if (registry().contains(type)) throw std::logic_error(what + " is already registered");
  for (const auto& key : keys) {
    if (is_reserved(key)) throw std::logic_error(what + ": key " + key.path + " is reserved");
  }
  check_table(keys, what);
  registry().emplace(type, std::move(keys));
}

const std::vector<KeySpec>* connector_keys(std::string_view type) {
  const auto found = registry().find(type);
  return found == registry().end() ? nullptr : &found->second;
}

std::vector<std::string> connector_types() {
  std::vector<std::string> types;
  for (const auto& entry : registry()) types.push_back(entry.first);
  return types;
}

}  // namespace edusync::config
