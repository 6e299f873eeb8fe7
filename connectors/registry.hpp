#pragma once
// Connectors by type: a factory per `type` string, and named instances made from the
// configuration (several instances of one type may coexist, e.g. two journals).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "connectors/connector.hpp"

namespace edusync::connectors {

using Factory = std::function<std::unique_ptr<Connector>(const Settings&)>;

class Registry {
 public:
  void add(const std::string& type, Factory factory) { factories_[type] = std::move(factory); }
  bool knows(const std::string& type) const { return factories_.contains(type); }
  std::vector<std::string> types() const;
  // Throws std::invalid_argument for an unknown type.
  std::unique_ptr<Connector> create(const Settings& settings) const;

 private:
  std::map<std::string, Factory> factories_;
};

// The registry with every built-in connector type; the one place that names them.
const Registry& builtin_registry();

}  // namespace edusync::connectors
