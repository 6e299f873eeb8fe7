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
    {"login.empty_name",
     "Impossible de créer l'identifiant de « {name} » : le nom ne contient aucune lettre "
     "utilisable. Corrigez le nom dans l'application source (SIECLE ou STS-web).",
     "Cannot make a login for \"{name}\": the name holds no usable letter. Correct the name in "
     "the application it comes from (SIECLE or STS-web)."},
    {"login.no_leading_letter",
     "Impossible de créer l'identifiant de « {name} » : « {stem} » ne commence pas par une lettre "
     "(prénom absent ?). Complétez le prénom dans l'application source (SIECLE ou STS-web).",
     "Cannot make a login for \"{name}\": \"{stem}\" does not start with a letter (no given "
     "name?). Fill in the given name in the application it comes from (SIECLE or STS-web)."},
    {"login.collisions_exhausted",
     "Impossible de créer l'identifiant de « {name} » : « {stem} » et ses variantes « {first} » à "
     "« {last} » sont tous pris ou réservés. Des comptes partis retiennent peut-être ces "
     "identifiants : vérifiez-les, ou attendez la fin du délai de réutilisation "
     "(safety.login_reuse_days).",
     "Cannot make a login for \"{name}\": \"{stem}\" and its variants \"{first}\" to "
     "\"{last}\" are all taken or reserved. Accounts of leavers may be holding these logins: "
     "check them, or wait for the end of the reuse delay (safety.login_reuse_days)."},
    {"accounts.uid_range_exhausted",
     "Plus aucun numéro d'utilisateur libre dans la plage identity.uid_range ({first}-{last}) : "
     "élargissez la plage ; ce compte n'est pas créé.",
     "No free user number left in the range identity.uid_range ({first}-{last}): widen the "
     "range; this account is not created."},
    {"accounts.guessable_password",
     "Les mots de passe initiaux suivent la date de naissance (identity.password_policy: "
     "birthdate) : ils sont faciles à deviner. Faites-les changer à la première connexion, ou "
     "choisissez random8.",
     "The initial passwords follow the birth date (identity.password_policy: birthdate): they "
     "are easy to guess. Have them changed at first login, or choose random8."},
    {"adoption.unavailable",
     "comptes existants de « {connector} » illisibles, aucun n'est repris : {error}",
     "existing accounts of \"{connector}\" unreadable, none is taken over: {error}"},
    {"run.confirm_inputs_changed",
     "--confirm ne s'applique qu'à un passage retenu sur les mêmes exports : les exports ont "
     "changé depuis, le passage est de nouveau retenu. Relisez ce rapport puis confirmez à "
     "nouveau.",
     "--confirm only applies to a run held on the same exports: the exports have changed since, "
     "so the run is held again. Read this report again, then confirm again."},
    {"run.interrupted",
     "Le passage {run} (commencé le {started}) s'est arrêté sans se terminer (processus tué, "
     "arrêt de la machine) ; il est marqué « interrupted ». Ce passage-ci reprend là où il en "
     "était : rien à faire, sauf à chercher pourquoi il a été interrompu (journal système).",
     "Run {run} (started on {started}) stopped without finishing (process killed, machine shut "
     "down); it is marked \"interrupted\". This run takes over where it was: nothing to do, "
     "except finding out why it was interrupted (system journal)."},
    {"run.stopped_waiting",
     "arrêt demandé pendant l'attente de la boîte de dépôt : aucun export lu, rien appliqué ; le "
     "prochain passage les lira",
     "stop requested while waiting for the inbox: no export read, nothing applied; the next run "
     "will read them"},
    {"run.empty_inbox",
     "aucun export dans la boîte de dépôt : déposez-y les exports SIECLE et STS-web (.xml ou "
     ".zip)",
     "no export in the inbox: drop the SIECLE and STS-web exports in it (.xml or .zip)"},
    {"run.stage.inbox", "{chosen|export retenu|exports retenus}",
     "{chosen|export chosen|exports chosen}"},
    {"run.stage.inbox_ignored",
     "{chosen|export retenu|exports retenus}, {ignored|fichier ignoré|fichiers ignorés}",
     "{chosen|export chosen|exports chosen}, {ignored|file ignored|files ignored}"},
    {"run.stage.reading",
     "{pupils|élève|élèves}, {guardians|responsable|responsables}, {staff|personnel|personnels}, "
     "{warnings|avertissement|avertissements}",
     "{pupils|pupil|pupils}, {guardians|guardian|guardians}, {staff|staff member|staff}, "
     "{warnings|warning|warnings}"},
    {"run.stage.planning", "{changes|changement|changements}", "{changes|change|changes}"},
    {"run.stage.planning_held", "{changes|changement|changements}, retenu par un garde-fou",
     "{changes|change|changes}, held by a safety gate"},
    {"run.report_unwritten",
     "Le rapport n'a pas pu être écrit dans {dir} : {error}. Libérez de la place (ou rendez le "
     "répertoire accessible en écriture) puis relancez « edusync run --recompute » pour obtenir "
     "un rapport.",
     "The report could not be written in {dir}: {error}. Free some space (or make the directory "
     "writable), then run \"edusync run --recompute\" again to get a report."},
    {"run.report_unwritten_applied",
     "Le rapport n'a pas pu être écrit dans {dir} : {error}. Les cibles ont été traitées comme "
     "indiqué ci-dessous ; libérez de la place (ou rendez le répertoire accessible en écriture) "
     "puis relancez « edusync run --recompute » pour obtenir un rapport.",
     "The report could not be written in {dir}: {error}. The targets were processed as shown "
     "below; free some space (or make the directory writable), then run \"edusync run "
     "--recompute\" again to get a report."},
    {"run.state_unwritten", "base d'état non écrite : {error}", "state base not written: {error}"},
    {"lock.run_holder", "processus {pid}, passage {run}, commencé le {started}",
     "process {pid}, run {run}, started on {started}"},
    {"lock.service_holder", "processus {pid}, démarré le {started}",
     "process {pid}, started on {started}"},
    {"lock.dry_run_reading",
     "un calcul à blanc (edusync diff ou run --dry-run) lit en ce moment l'état de {dir} : ce "
     "passage n'a rien fait. Relancez-le quand le calcul à blanc aura fini.",
     "a dry computation (edusync diff or run --dry-run) is reading the state of {dir} right now: "
     "this run did nothing. Start it again once the dry computation has finished."},
    {"lock.run_busy",
     "un autre passage d'edusync est en cours sur l'état de {dir} ({holder}) : ce passage n'a rien "
     "fait. Attendez la fin de l'autre passage puis relancez si besoin. S'il semble bloqué, "
     "examinez ce processus (ps -p {pid}) ; le verrou {lock} se libère de lui-même quand le "
     "processus se termine, même tué : ne supprimez pas ce fichier.",
     "another edusync run is under way on the state of {dir} ({holder}): this run did nothing. "
     "Wait for the other run to end, then start again if needed. If it seems stuck, look at that "
     "process (ps -p {pid}); the lock {lock} frees itself when the process ends, even killed: do "
     "not delete this file."},
    {"lock.service_busy",
     "un autre service edusync tient déjà l'état de {dir} ({holder}) : ce service ne démarre pas. "
     "Un seul service par répertoire d'état ; arrêtez l'autre (systemctl stop edusync) au besoin.",
     "another edusync service already holds the state of {dir} ({holder}): this service does not "
     "start. One service per state directory; stop the other one (systemctl stop edusync) if "
     "needed."},
    {"lock.held_by_service",
     "le service edusync tient l'état de {dir} ({holder}) : ce passage n'a rien fait. "
     "Demandez-lui le passage : edusync ctl resync (ou edusync ctl resync --only NOM pour un "
     "connecteur) ; edusync ctl status montre où il en est.",
     "the edusync service holds the state of {dir} ({holder}): this run did nothing. Ask it for "
     "the run: edusync ctl resync (or edusync ctl resync --only NAME for one connector); edusync "
     "ctl status shows where it stands."},
    {"lock.diff_refused",
     "un passage d'edusync est en cours sur l'état de {dir} ({holder}) : le plan calculé "
     "maintenant décrirait un état en train de changer, rien n'est calculé. Relancez edusync diff "
     "quand ce passage aura fini.",
     "an edusync run is under way on the state of {dir} ({holder}): a plan computed now would "
     "describe a changing state, so nothing is computed. Run edusync diff again once that run "
     "has finished."},
    {"run.log.not_recorded",
     "edusync run : le passage {run} n'a pas pu être enregistré dans la base d'état : {error} ; le "
     "passage suivant le marquera « interrupted ».",
     "edusync run: run {run} could not be recorded in the state base: {error}; the next run will "
     "mark it \"interrupted\"."},
    {"run.log.report_not_pruned",
     "edusync run : rapport ancien non supprimé (report.keep_runs, report.keep_days), nouvel essai "
     "au prochain passage : {error}",
     "edusync run: old report not removed (report.keep_runs, report.keep_days), tried again at "
     "the next run: {error}"},
    {"run.log.retention_failed", "edusync run : rétention des rapports impossible : {error}",
     "edusync run: report retention impossible: {error}"},
    {"inbox.unreadable", "boîte de dépôt illisible : {error}", "inbox unreadable: {error}"},
};

}  // namespace

std::span<const Entry> run_entries() {
  return kRuns;
}

}  // namespace edusync::text
