// The built-in connector types: one line per type, its entry declared in its own folder.
#include "connectors/files/elea/elea_type.hpp"
#include "connectors/files/ent/ent_type.hpp"
#include "connectors/files/koxo/koxo_type.hpp"
#include "connectors/files/pix/pix_type.hpp"
#include "connectors/journal/journal_type.hpp"
#include "connectors/ldap_sambaedu/sambaedu_type.hpp"
#include "connectors/registry.hpp"

namespace edusync::connectors {

const Registry& builtin_registry() {
  static const Registry builtins = [] {
    Registry registry;
    registry.add(journal_type());
    registry.add(ldap_sambaedu_type());
    registry.add(files::koxo_type());
    registry.add(files::ent_type());
    registry.add(files::pix_type());
    registry.add(files::elea_type());
    return registry;
  }();
  return builtins;
}

}  // namespace edusync::connectors
