// Messages of Index Éducation's encrypted container (sources/timetable/index_container.cpp): a
// key missing or wrong, a container damaged or over its limits, each with what to do.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    {"input.container.no_key",
     "export chiffré d'Index Éducation (EXPORT_INDEX_EDUCATION) : aucune clé de partenaire n'est "
     "configurée pour l'ouvrir ; indiquez le fichier PEM de la clé privée fournie par Index "
     "Éducation dans timetable.partner_key_file (inspect : --edt-key FICHIER), ou exportez "
     "l'emploi du temps en clair",
     "Index Éducation encrypted export (EXPORT_INDEX_EDUCATION): no partner key is configured "
     "to open it; give the PEM file of the private key Index Éducation supplied in "
     "timetable.partner_key_file (inspect: --edt-key FILE), or export the timetable in clear"},
};

}  // namespace

std::span<const Entry> container_entries() {
  return kEntries;
}

}  // namespace edusync::text
