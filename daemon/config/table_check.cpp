#include "config/table_check.hpp"

#include <set>
#include <stdexcept>

#include "config/convert.hpp"

namespace edusync::config {
namespace {

void check_default(const KeySpec& key, const std::string& what) {
  if (key.required() || key.type.kind == Kind::kConnectorList) return;
  std::vector<NodeError> errors;
  try {
    const auto node = YAML::Load(key.default_yaml);
    if (!node.IsNull() && convert(node, key.type, errors)) return;
  } catch (const YAML::Exception&) {
  }
  throw std::logic_error(what + ": the default of " + key.path + " (" + key.default_yaml +
                         ") is not " + describe_type(key.type));
}

}  // namespace

void check_table(const std::vector<KeySpec>& keys, const std::string& what) {
  std::set<std::string, std::less<>> paths;
  for (const auto& key : keys) {
    if (key.path.empty() || key.path.front() == '.' || key.path.back() == '.' ||
        !paths.insert(key.path).second) {
      throw std::logic_error(what + ": empty or repeated key path \"" + key.path + "\"");
    }
    if (key.path.ends_with("_file") && key.type.kind != Kind::kPath) {
      throw std::logic_error(what + ": " + key.path + " names a secret file and must be a path");
    }
    check_default(key, what);
  }
  for (const auto& path : paths) {
    const auto prefix = path + ".";
    const auto child = paths.lower_bound(prefix);
    if (child != paths.end() && child->starts_with(prefix)) {
      auto message = what;
      message += ": " + path + " is both a value and the parent of ";
      message += *child;
      throw std::logic_error(message);
    }
  }
}

}  // namespace edusync::config
