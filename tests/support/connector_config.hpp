#pragma once
// A connector's configuration item built in a test from text values, the way connectors were
// configured before they got typed settings: every key of the type's table (builtin registry)
// gets the given text, else its default, converted to its key's kind. Lenient on purpose: a
// value the loader would refuse (an empty base_dn) is kept, so that a test can reach a
// connector's own checks. A required key left out stays absent.
#include <map>
#include <stdexcept>
#include <string>

#include "config/config.hpp"
#include "connectors/registry.hpp"

namespace edusync::test {

inline config::Value connector_value(const config::KeySpec& key, const std::string& text) {
  switch (key.type.kind) {
    case config::Kind::kInteger: return static_cast<std::int64_t>(std::stoll(text));
    case config::Kind::kNumber: return std::stod(text);
    case config::Kind::kBoolean: return text == "true";
    default: return text;
  }
}

inline config::ConnectorConfig connector_config(const std::string& name, const std::string& type,
                                                const std::map<std::string, std::string>& values) {
  const auto* entry = connectors::builtin_registry().find(type);
  if (entry == nullptr) throw std::invalid_argument("unknown connector type " + type);
  config::ConnectorConfig connector;
  connector.name = name;
  connector.type = type;
  for (const auto& key : entry->keys) {
    const auto given = values.find(key.path);
    if (given != values.end()) {
      connector.keys.emplace(key.path, connector_value(key, given->second));
    } else if (!key.required()) {
      connector.keys.emplace(key.path, connector_value(key, key.default_yaml));
    }
  }
  return connector;
}

}  // namespace edusync::test
