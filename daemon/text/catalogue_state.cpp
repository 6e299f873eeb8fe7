// The state base (daemon/state/): it cannot be opened, written or read.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kState[] = {
    {"state.sqlite_failed", "base d'état : {what} : {error}", "state base: {what}: {error}"},
    {"state.opening", "ouverture de {path}", "opening {path}"},
    {"state.bad_query", "requête invalide « {sql} »", "invalid query \"{sql}\""},
    {"state.parameter", "paramètre", "parameter"},
    {"state.execution", "exécution", "execution"},
    {"state.statement_failed", "base d'état : {error} ({sql})", "state base: {error} ({sql})"},
    {"state.cannot_open",
     "base d'état : impossible d'ouvrir en écriture {path} ({error}) : le dossier d'état et ce "
     "fichier doivent être accessibles en écriture à l'utilisateur qui lance edusync",
     "state base: cannot open {path} for writing ({error}): the state directory and this file "
     "must be writable by the user who runs edusync"},
    {"state.cannot_create",
     "base d'état : impossible de créer {path} ({error}) : le dossier d'état et ce fichier "
     "doivent être accessibles en écriture à l'utilisateur qui lance edusync",
     "state base: cannot create {path} ({error}): the state directory and this file must be "
     "writable by the user who runs edusync"},
    {"state.newer_schema",
     "base d'état écrite par une version plus récente d'edusync (schéma {version}, celle-ci "
     "connaît le schéma {known}) : installez cette version ou une plus récente.",
     "state base written by a newer version of edusync (schema {version}, this one knows schema "
     "{known}): install that version or a newer one."},
    {"state.directory", "répertoire d'état : {error}", "state directory: {error}"},
    {"state.empty_store",
     "la base d'état {path} est vide (0 octet) : elle a été tronquée (disque plein, copie ou "
     "restauration interrompue ?). Rien n'a été fait. Restaurez-la depuis la dernière "
     "sauvegarde ; pour repartir volontairement d'un état vide, supprimez ce fichier (et ses "
     "compagnons -wal et -shm s'ils existent) : le passage suivant reprendra les comptes de "
     "l'annuaire et retiendra ceux qui ne sont plus dans les exports (ORPHAN_ACCOUNTS).",
     "the state base {path} is empty (0 bytes): it was truncated (full disk, interrupted copy or "
     "restore?). Nothing was done. Restore it from the last backup; to start deliberately from "
     "an empty state, delete this file (and its companions -wal and -shm if they exist): the "
     "next run will take over the accounts of the directory and hold those no longer in the "
     "exports (ORPHAN_ACCOUNTS)."},
    {"state.copy_failed", "base d'état : copie de {path} impossible",
     "state base: copy of {path} impossible"},
    {"state.snapshot_missing", "instantané {id} introuvable dans la base d'état",
     "snapshot {id} not found in the state base"},
};

}  // namespace

std::span<const Entry> state_entries() {
  return kState;
}

}  // namespace edusync::text
