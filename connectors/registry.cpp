#include "connectors/registry.hpp"

#include <stdexcept>

#include "connectors/journal/journal_connector.hpp"
#include "connectors/ldap_sambaedu/sambaedu_connector.hpp"

namespace edusync::connectors {

std::vector<std::string> Registry::types() const {
  std::vector<std::string> types;
  for (const auto& [type, factory] : factories_) types.push_back(type);
  return types;
}

std::unique_ptr<Connector> Registry::create(const Settings& settings) const {
  const auto found = factories_.find(settings.type);
  if (found == factories_.end()) throw std::invalid_argument("type de connecteur inconnu : " + settings.type);
  return found->second(settings);
}

const Registry& builtin_registry() {
  static const Registry registry = [] {
    Registry r;
    r.add("journal", [](const Settings& s) { return std::make_unique<JournalConnector>(s); });
    r.add("ldap-sambaedu", [](const Settings& s) { return std::make_unique<SambaEduConnector>(s); });
    return r;
  }();
  return registry;
}

}  // namespace edusync::connectors
