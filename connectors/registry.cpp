#include "connectors/registry.hpp"

#include <stdexcept>

#include "connectors/files/elea/elea_target.hpp"
#include "connectors/files/ent/ent_target.hpp"
#include "connectors/files/koxo/koxo_target.hpp"
#include "connectors/files/pix/pix_target.hpp"
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
  if (found == factories_.end())
    throw std::invalid_argument("type de connecteur inconnu : " + settings.type);
  return found->second(settings);
}

const Registry& builtin_registry() {
  static const Registry registry = [] {
    Registry r;
    r.add("journal", [](const Settings& s) { return std::make_unique<JournalConnector>(s); });
    r.add("ldap-sambaedu",
          [](const Settings& s) { return std::make_unique<SambaEduConnector>(s); });
    r.add("koxo-csv", [](const Settings& s) { return std::make_unique<files::KoxoTarget>(s); });
    r.add("ent-csv", [](const Settings& s) { return std::make_unique<files::EntTarget>(s); });
    r.add("pix-orga", [](const Settings& s) { return std::make_unique<files::PixTarget>(s); });
    r.add("elea-csv", [](const Settings& s) { return std::make_unique<files::EleaTarget>(s); });
    return r;
  }();
  return registry;
}

}  // namespace edusync::connectors
