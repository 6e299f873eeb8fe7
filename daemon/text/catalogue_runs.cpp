// Messages of a run: the inbox, accounts and adoption, interrupted and confirmed runs.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kRuns[] = {
    {"inbox.stop_requested", "arrêt demandé avant la lecture : lu au prochain passage",
     "stop requested before it was read: read at the next run"},
    {"inbox.size_changing",
     "taille changeante : fichier en cours d'écriture, lu au prochain passage",
     "size changing: file being written, read at the next run"},
    {"inbox.not_an_export", "ni XML ni zip : ce n'est pas un export",
     "neither XML nor zip: this is not an export"},
    {"inbox.older_duplicate", "export « {kind} » plus ancien que {newer}, retenu à sa place",
     "\"{kind}\" export older than {newer}, which is read instead"},
    {"inbox.temporary_name", "nom temporaire : fichier en cours d'écriture, lu au prochain passage",
     "temporary name: file being written, read at the next run"},
};

}  // namespace

std::span<const Entry> run_entries() {
  return kRuns;
}

}  // namespace edusync::text
