// The command line (daemon/main.cpp, cli/, inspect's text): usage errors, outputs, --help.
// French is the text the commands always printed; the options, commands and file names are the
// same in both languages.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kClis[] = {
    // edusync itself (daemon/main.cpp, cli/suggest.cpp).
    {"cli.app", "edusync : synchronisation des annuaires des établissements scolaires",
     "edusync: directory synchronisation for schools"},
    {"cli.version_help", "Version d'edusync", "edusync's version"},
    {"cli.config_help", "Fichier de configuration", "Configuration file"},
    {"cli.language_help",
     "Langue des messages, fr ou en ; par défaut, report.language de la configuration quand la "
     "commande la lit (même si elle a d'autres problèmes), sinon fr",
     "Language of the messages, fr or en; by default the configuration's report.language when "
     "the command reads it (even when it has other problems), else fr"},
    {"cli.error", "edusync : {message}", "edusync: {message}"},
    {"cli.command_error", "edusync {command} : {message}", "edusync {command}: {message}"},
    {"cli.unknown_command",
     "commande inconnue « {typed} »{hint} Commandes : {commands} (edusync --help).",
     "unknown command \"{typed}\"{hint} Commands: {commands} (edusync --help)."},
    {"cli.unknown_command.hint", " : vouliez-vous dire « {name} » ?", ": did you mean \"{name}\"?"},
    // run, diff, report, runs, accounts (cli/run_commands.cpp).
    {"cli.run.help", "Synchronise depuis la boîte de dépôt", "Synchronises from the inbox"},
    {"cli.run.dry_run_help", "Calcule et affiche le plan sans rien modifier (état compris)",
     "Computes and prints the plan without changing anything (the state included)"},
    {"cli.run.confirm_help", "Applique le passage retenu si les exports n'ont pas changé",
     "Applies the held run if the exports have not changed"},
    {"cli.run.only_help", "N'applique que ce connecteur", "Applies this connector only"},
    {"cli.run.recompute_help",
     "Recalcule tout même si les exports sont ceux du dernier passage appliqué",
     "Recomputes everything even if the exports are those of the last applied run"},
    {"cli.today_help", "Date du jour AAAA-MM-JJ (tests)", "Today's date YYYY-MM-DD (tests)"},
    {"cli.settle_help", "Délai de stabilité des fichiers déposés (ms)",
     "How long a dropped file must stay unchanged (ms)"},
    {"cli.diff.help", "Comme run --dry-run", "Same as run --dry-run"},
    {"cli.report.help", "Affiche le rapport d'un passage (le dernier par défaut)",
     "Prints the report of a run (the last one by default)"},
    {"cli.run_id_help", "Identifiant du passage", "Id of the run"},
    {"cli.report.format_help", "text, json ou html", "text, json or html"},
    {"cli.runs.help", "Liste les derniers passages (état, comptes créés)",
     "Lists the last runs (status, accounts created)"},
    {"cli.runs.count_help", "Nombre de passages (20 par défaut)", "Number of runs (20 by default)"},
    {"cli.accounts.help",
     "Fiches des comptes créés par un passage (le dernier qui en a créé, par défaut)",
     "Sheets of the accounts a run created (by default the last run that created some)"},
    {"cli.accounts.format_help", "html ou csv", "html or csv"},
    {"cli.cannot_write", "impossible d'écrire {path}", "cannot write {path}"},
    {"cli.no_such_connector", "aucun connecteur nommé « {name} » dans {path}",
     "no connector named \"{name}\" in {path}"},
    {"cli.stage", "[{seconds} s] {stage}", "[{seconds} s] {stage}"},
    {"cli.stage_detail", "[{seconds} s] {stage} : {detail}", "[{seconds} s] {stage}: {detail}"},
    {"cli.reports", "Rapports : {path}", "Reports: {path}"},
    {"cli.no_run", "aucun passage enregistré", "no run recorded"},
    {"cli.unknown_run", "passage inconnu : {id}", "unknown run: {id}"},
    {"cli.run_without_report",
     "le passage {id} ({status}) n'a pas écrit de rapport ; « edusync report » sans argument "
     "montre le dernier passage, un identifiant un autre",
     "run {id} ({status}) wrote no report; \"edusync report\" without an argument shows the last "
     "run, with an id another one"},
    {"cli.report_removed",
     "le rapport du passage {id} ({dir}) a été supprimé par la rétention des rapports "
     "(report.keep_runs, report.keep_days)",
     "the report of run {id} ({dir}) was removed by the retention of reports (report.keep_runs, "
     "report.keep_days)"},
    {"cli.no_accounts", "aucun passage n'a créé de compte ; « edusync runs » liste les passages",
     "no run created an account; \"edusync runs\" lists the runs"},
    {"cli.accounts_written", "{count|compte|comptes} du passage {id} → {path} (mode 0600)",
     "{count|account|accounts} of run {id} → {path} (mode 0600)"},
    {"cli.passwords_expired",
     "{count|mot de passe initial a expiré|mots de passe initiaux ont expiré} "
     "(identity.password_retention_days)",
     "{count|initial password has|initial passwords have} expired "
     "(identity.password_retention_days)"},
    {"cli.runs.none", "Aucun passage enregistré", "No run recorded yet"},
    {"cli.runs.header", "passage                 début                 état        comptes créés",
     "run                     started               status      accounts"},
    {"cli.runs.no_report", "  (pas de rapport : jamais écrit ou supprimé par la rétention)",
     "  (no report: never written or removed by retention)"},
    // daemon and ctl (cli/service_commands.cpp).
    {"cli.daemon.help", "Le service : horaires, boîte de dépôt, socket de contrôle",
     "The service: schedule, inbox, control socket"},
    {"cli.daemon.today_help", "Date des passages (AAAA-MM-JJ), pour les essais",
     "Date of the runs (YYYY-MM-DD), for tests"},
    {"cli.ctl.help", "Parle au service en marche par son socket de contrôle",
     "Talks to the running service through its control socket"},
    {"cli.ctl.socket_help", "Socket de contrôle (par défaut : control_socket)",
     "Control socket (default: control_socket)"},
    {"cli.ctl.json_help", "Réponse JSON (schemas/control.schema.json)",
     "JSON answer (schemas/control.schema.json)"},
    {"cli.ctl.status_help", "État du service", "State of the service"},
    {"cli.ctl.runs_help", "Derniers passages", "Last runs"},
    {"cli.ctl.resync_help", "Lance un passage maintenant", "Starts a run now"},
    {"cli.ctl.confirm_help", "Applique un passage retenu", "Applies a held run"},
    {"cli.ctl.reload_help", "Recharge la configuration", "Reloads the configuration"},
    {"cli.ctl.pause_help", "Suspend les passages programmés et sur dépôt",
     "Suspends the scheduled runs and those of the inbox"},
    {"cli.ctl.resume_help", "Reprend après une pause", "Resumes after a pause"},
    {"cli.ctl.stop_help", "Arrête le service", "Stops the service"},
    {"cli.ctl.count_help", "Nombre de passages (10 par défaut)", "Number of runs (10 by default)"},
    {"cli.ctl.recompute_help", "Recalcule même si rien n'a changé",
     "Recomputes even if nothing changed"},
    {"cli.ctl.only_help", "Un seul connecteur", "One connector only"},
    {"cli.ctl.run_help", "Le passage retenu à appliquer", "The held run to apply"},
    {"cli.ctl.refused", "refusé", "refused"},
    // inspect (cli/inspect_command.cpp, inspect/text_report.cpp).
    // CLI11's own words in --help (main.cpp).
    {"cli.label.help_flag", "Affiche cette aide", "Print this help message and exit"},
    {"cli.label.options", "Options", "Options"},
    {"cli.label.usage", "Utilisation", "Usage"},
    {"cli.label.positionals", "Arguments", "Positionals"},
    {"cli.label.options_upper", "OPTIONS", "OPTIONS"},
    {"cli.label.required", "OBLIGATOIRE", "REQUIRED"},
    {"cli.label.needs", "Demande", "Needs"},
    {"cli.label.excludes", "Exclut", "Excludes"},
    {"cli.label.subcommands", "Commandes", "Subcommands"},
    {"cli.label.subcommand", "COMMANDE", "SUBCOMMAND"},
    {"cli.label.subcommands_upper", "COMMANDES", "SUBCOMMANDS"},
    {"cli.inspect.help", "Lit des exports SIECLE / STS-web et affiche ce qu'ils contiennent",
     "Reads SIECLE / STS-web exports and prints what they hold"},
    {"cli.inspect.files_help", "Fichiers .xml ou .zip", ".xml or .zip files"},
    {"cli.inspect.uai_help",
     "UAI attendu (une valeur par --uai, répétable pour une cité scolaire) ; par défaut celui "
     "du premier fichier",
     "Expected UAI (one value per --uai, repeated for a cité scolaire); by default the first "
     "file's"},
    {"cli.inspect.json_help", "Sortie JSON (sources, totals, warnings, model)",
     "JSON output (sources, totals, warnings, model)"},
    {"cli.inspect.edt_key_help",
     "Clé privée (PEM) de partenaire ENT qui ouvre un export chiffré d'EDT ou de PRONOTE "
     "(EXPORT_INDEX_EDUCATION)",
     "ENT partner private key (PEM) that opens an encrypted EDT or PRONOTE export "
     "(EXPORT_INDEX_EDUCATION)"},
    {"cli.inspect.edt_key_type", "FICHIER", "FILE"},
    {"cli.inspect.today_help",
     "Date du jour (AAAA-MM-JJ) pour un export sans date ; tests uniquement",
     "Today's date (YYYY-MM-DD) for an export without a date; tests only"},
    {"cli.inspect.bad_uai",
     "--uai « {uai} » n'est pas un UAI (7 chiffres et une lettre, par exemple 0140065T). Donnez "
     "--uai une fois par établissement : --uai 0140065T --uai 0141234K fichier.xml ...",
     "--uai \"{uai}\" is not a UAI (7 digits and a letter, e.g. 0140065T). Give --uai once per "
     "school: --uai 0140065T --uai 0141234K file.xml ..."},
    {"cli.inspect.no_file",
     "aucun fichier à lire : edusync inspect [--uai UAI]... [--json] FICHIER...",
     "no file to read: edusync inspect [--uai UAI]... [--json] FILE..."},
    {"cli.inspect.refused",
     "ligne de commande refusée ({reason}) : edusync inspect [--uai UAI]... [--json] FICHIER...",
     "command line refused ({reason}): edusync inspect [--uai UAI]... [--json] FILE..."},
    {"cli.inspect.files", "Fichiers lus :", "Files read:"},
    {"cli.inspect.source", ", UAI {uai}, année {year}{exported}, {records} enregistrements",
     ", UAI {uai}, year {year}{exported}, {records|record|records}"},
    {"cli.inspect.exported", ", exporté le {date}", ", exported on {date}"},
    {"cli.inspect.directory", "Annuaire (année {year}) :", "Directory (year {year}):"},
    {"cli.inspect.pupils", "  élèves            {count}", "  pupils            {count}"},
    {"cli.inspect.guardians", "  responsables      {count} (+ {others} autres contacts)",
     "  guardians         {count} (+ {others} other contacts)"},
    {"cli.inspect.staff", "  personnels        {count}", "  staff             {count}"},
    {"cli.inspect.divisions", "  divisions         {count}", "  divisions         {count}"},
    {"cli.inspect.groups", "  groupes           {count}", "  groups            {count}"},
    {"cli.inspect.subjects", "  matières          {count}", "  subjects          {count}"},
    {"cli.inspect.services", "  services          {count}", "  services          {count}"},
    {"cli.inspect.ignored",
     "  ignorés           {departed} élèves sortis, {unplaced} élèves sans division, {unlinked} "
     "personnes sans élève scolarisé, {roleless} individus STS sans fonction ni service",
     "  ignored           {departed} pupils who left, {unplaced} pupils without a division, "
     "{unlinked} persons without a pupil at school, {roleless} STS individuals without a "
     "function or a service"},
    {"cli.inspect.no_warnings", "Avertissements : aucun", "Warnings: none"},
    {"cli.inspect.warnings", "Avertissements : {count}", "Warnings: {count}"},
    {"cli.inspect.more", "    … et {count} autres (voir --json)",
     "    … and {count} more (see --json)"},
};

}  // namespace

std::span<const Entry> cli_entries() {
  return kClis;
}

}  // namespace edusync::text
