#pragma once
// Connector types: what each one is (its keys, what it can do, how to make one), declared in
// the connector's own folder (e.g. files/koxo/koxo_type.cpp) and gathered in a Registry. The
// configuration loader gets the key tables from it (key_tables()), the run creates one
// connector per configured item from it. Several instances of one type may coexist (two
// journals). The built-in types are registered in builtin.cpp, one line each.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "config/keys.hpp"
#include "connectors/connector.hpp"

namespace edusync::connectors {

struct ConnectorType {
  std::string type;                   // "koxo-csv"
  std::vector<config::KeySpec> keys;  // types, defaults, help (config/keys.hpp)
  Capabilities capabilities;          // known without constructing
  // Makes a connector from an item of this type. May throw (settings it refuses); must neither
  // connect nor write.
  std::function<std::unique_ptr<Connector>(const config::ConnectorConfig&)> create;
};

class Registry {
 public:
  // Throws std::logic_error for a type already added, a type without `create`, or a table that
  // config::check_connector_table refuses (bad type name, reserved key, inconsistent keys).
  void add(ConnectorType type);
  // nullptr for an unknown type.
  const ConnectorType* find(std::string_view type) const;
  std::vector<std::string> types() const;  // sorted
  // type -> keys, for the configuration loader.
  config::ConnectorTables key_tables() const;
  // Throws InvalidSettings (a std::invalid_argument with a message, error.hpp) for an unknown
  // type, and whatever the type's `create` throws (InvalidSettings for settings it refuses).
  std::unique_ptr<Connector> create(const config::ConnectorConfig& connector) const;

 private:
  std::vector<ConnectorType> types_;  // sorted by type
};

// Every built-in connector type (builtin.cpp).
const Registry& builtin_registry();

}  // namespace edusync::connectors
