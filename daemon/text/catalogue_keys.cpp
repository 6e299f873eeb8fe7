// The help of every configuration key (check-config --help), French and English. Ids:
// key.<table>.<path>, <table> being core (config::core_keys()), connector (the keys every
// connector item has) or the connector type; the English is the key's own KeySpec::help, word
// for word (tests/unit/config_key_help_test.cpp), as the example file says it.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kKeys[] = {
    // Headings and the type/default description after each help.
    {"key.heading.core",
     "Clés de configuration (YAML ; un chemin à points désigne des tables imbriquées) :",
     "Configuration keys (YAML; dotted paths are nested maps):"},
    {"key.heading.connector",
     "Clés de chaque élément de connectors (types enregistrés : {types}) :",
     "Keys of every item of connectors (registered types: {types}):"},
    {"key.heading.type",
     "Clés d'un connecteur de type {type} :", "Keys of a connector of type {type}:"},
    {"key.type.required", "{help} ({type} ; obligatoire)", "{help} ({type}; required)"},
    {"key.type.default", "{help} ({type} ; par défaut : {default})",
     "{help} ({type}; default: {default})"},

    // core: config::core_keys().
    {"key.core.school.uai",
     "UAI de l'établissement, 7 chiffres et une lettre majuscule, ou liste d'UAI pour une cité "
     "scolaire",
     "UAI of the school, 7 digits and a capital letter, or a list of them for a cité scolaire"},
    {"key.core.school.name",
     "Nom de l'établissement, imprimé sur les rapports et les fiches de comptes",
     "Name of the school, printed on reports and account sheets"},
    {"key.core.state_dir",
     "Répertoire de la base d'état, des rapports et des fiches de comptes, maintenu en mode 0700",
     "Directory of the state database, reports and account sheets, kept at mode 0700"},
    {"key.core.inbox",
     "Répertoire où sont déposés les exports SIECLE et STS-web, en .xml ou en .zip",
     "Directory where the SIECLE and STS-web exports, .xml or .zip, are dropped"},
    {"key.core.schedule",
     "Heures de départ des exécutions programmées, en heure locale : « HH:MM » chaque jour, ou "
     "des jours puis une heure, les jours étant une liste, séparée par des virgules, de noms "
     "courts ou de plages en français ou en anglais (« lun-ven 02:30 », « sam,dim 06:00 », "
     "« mon-fri 02:30 ») ; une liste de tels créneaux pour en avoir plusieurs, [] pour aucun. Un "
     "créneau manqué pendant l'arrêt du service s'exécute une fois à son redémarrage",
     "When the scheduled runs start, local time: \"HH:MM\" every day, or days then a time, the "
     "days a comma list of short names or ranges in French or English (\"lun-ven 02:30\", "
     "\"sam,dim 06:00\", \"mon-fri 02:30\"); a list of such slots for several, [] for none. A "
     "slot missed while the service was stopped runs once when it starts again"},
    {"key.core.safety.max_departure_ratio",
     "Suspendre l'exécution, en attente d'une décision humaine, quand plus de cette part d'une "
     "population (élèves, responsables, personnels) partirait",
     "Hold the run for a human when more than this share of a population (pupils, guardians, "
     "staff) would leave"},
    {"key.core.safety.grace_days",
     "Nombre de jours pendant lesquels un compte parti est conservé, désactivé, avant d'être "
     "supprimé",
     "Days an account that left is kept, disabled, before it is removed"},
    {"key.core.safety.login_reuse_days",
     "Nombre de jours pendant lesquels un identifiant supprimé n'est attribué à personne d'autre",
     "Days during which a removed login is not given to anyone else"},
    {"key.core.identity.login_policy",
     "Façon de former les identifiants à partir des noms, comme dans SambaEdu",
     "How logins are made from names, as in SambaEdu"},
    {"key.core.identity.password_policy",
     "Façon de former le mot de passe initial d'un nouveau compte",
     "How the initial password of a new account is made"},
    {"key.core.identity.password_retention_days",
     "Nombre de jours pendant lesquels les mots de passe initiaux sont conservés pour les fiches "
     "de comptes, avant d'être effacés partout (état, fiches de comptes, fichiers KOXO et Moodle)",
     "Days the initial passwords are kept for the account sheets, then erased everywhere "
     "(state, account sheets, KOXO and Moodle files)"},
    {"key.core.identity.uid_range.first", "Premier numéro d'uid attribué aux nouveaux comptes",
     "First uid number given to new accounts"},
    {"key.core.identity.uid_range.last",
     "Dernier numéro d'uid attribué aux nouveaux comptes, au moins égal à first",
     "Last uid number given to new accounts, not below first"},
    {"key.core.diff.rename_similarity",
     "Recouvrement de Jaccard des membres à partir duquel un groupe disparu et un groupe apparu "
     "lors de la même exécution sont tenus pour un seul groupe renommé",
     "Jaccard overlap of members from which a group that disappeared and one that appeared in "
     "the same run are taken as one renamed group"},
    {"key.core.timetable.partner_key_file",
     "Fichier PEM de la clé privée RSA de partenaire ENT fournie par Index Éducation, qui ouvre "
     "les exports chiffrés d'EDT et de PRONOTE (EXPORT_INDEX_EDUCATION) ; lu seulement quand "
     "l'un d'eux est dans la boîte de dépôt",
     "PEM file of the ENT partner's RSA private key supplied by Index Éducation, which opens "
     "the encrypted EDT/PRONOTE exports (EXPORT_INDEX_EDUCATION); read only when one is in "
     "the inbox"},
    {"key.core.timetable.memberships",
     "Membres d'un groupe que l'emploi du temps connaît : ceux de l'emploi du temps, ceux de "
     "SIECLE, ou les deux ; les divisions viennent toujours de SIECLE, les autres groupes "
     "gardent les membres de SIECLE",
     "Members of a group the timetable knows: the timetable's, SIECLE's, or both; divisions "
     "always come from SIECLE, other groups keep SIECLE's members"},
    {"key.core.timetable.stale_after_days",
     "Nombre de jours d'avance que l'export SIECLE peut avoir sur l'export d'emploi du temps "
     "avant que celui-ci soit signalé (TIMETABLE_STALE)",
     "Days by which a timetable export may be older than the SIECLE export before it is "
     "reported (TIMETABLE_STALE)"},
    {"key.core.report.language", "Langue des rapports et des fiches de comptes",
     "Language of reports and account sheets"},
    {"key.core.report.keep_runs",
     "Répertoires de rapports des dernières exécutions toujours conservés ; les plus anciens sont "
     "supprimés dès qu'ils ont aussi plus de keep_days jours (sont conservés ceux dont les fiches "
     "de comptes contiennent encore des mots de passe initiaux, celui de l'exécution en vigueur "
     "et celui d'une exécution suspendue en attente de confirmation)",
     "Report directories of the last runs always kept; older ones are removed once also older "
     "than keep_days (those whose account sheets still hold initial passwords, the one of the "
     "run in force and a held run awaiting its confirmation are kept)"},
    {"key.core.report.keep_days",
     "Nombre de jours pendant lesquels un répertoire de rapport est conservé, quoi que dise "
     "keep_runs",
     "Days a report directory is kept whatever keep_runs says"},
    {"key.core.control_socket",
     "Socket Unix sur laquelle `edusync daemon` reçoit les commandes de `edusync ctl`, créée en "
     "mode 0660",
     "Unix socket on which `edusync daemon` takes the commands of `edusync ctl`, created at "
     "mode 0660"},
    {"key.core.control_group",
     "Groupe dont les membres peuvent utiliser la socket de contrôle, en plus de root et de "
     "l'utilisateur sous lequel tourne le service ; none : ces deux-là seulement",
     "Group whose members may use the control socket, besides root and the user the service "
     "runs as; none: only those two"},
    {"key.core.connectors",
     "Cibles vers lesquelles l'annuaire est poussé : une liste de tables, chacune avec un nom, un "
     "type et les clés de ce type",
     "Targets the directory is pushed to: a list of maps, each with a name, a type and the keys "
     "of that type"},

    // connector: config::connector_common_keys().
    {"key.connector.name",
     "Nom de ce connecteur, unique, utilisé dans les journaux, les rapports et l'état",
     "Name of this connector, unique, used in logs, reports and the state"},
    {"key.connector.type", "Type du connecteur, qui détermine ses autres clés",
     "Type of the connector, which decides its other keys"},
    {"key.connector.login_address",
     "Où les utilisateurs de cette cible se connectent (https://ent.example.fr, « le réseau du "
     "collège »...), imprimé sur les fiches de comptes ; none : non imprimé",
     "Where the users of this target log in (https://ent.example.fr, \"le réseau du "
     "collège\"...), printed on the account sheets; none: not printed"},

    // elea-csv.
    {"key.elea-csv.dir", "Répertoire où sont écrits les fichiers, créé s'il manque",
     "Directory the files are written to, created when missing"},
    {"key.elea-csv.keep",
     "Nombre d'exécutions dont les fichiers sont conservés dans dir ; les plus anciens sont "
     "supprimés",
     "How many runs' files are kept in dir, older ones are removed"},
    {"key.elea-csv.format",
     "moodle : CSV d'import d'utilisateurs de Moodle (upload users) ; ent-export : le fichier "
     "« export classique » de l'ENT",
     "moodle: Moodle upload-users CSV; ent-export: the ENT \"export classique\" file"},
    {"key.elea-csv.auth",
     "format moodle : la colonne auth de chaque compte (cas, shibboleth, manual...)",
     "format moodle: the auth column of every account (cas, shibboleth, manual...)"},
    {"key.elea-csv.email_domain",
     "format moodle : domaine du mél donné aux comptes qui n'en ont pas (login@domaine) ; none "
     "le laisse vide",
     "format moodle: domain of the e-mail given to accounts without one (login@domain); none "
     "leaves it empty"},
    {"key.elea-csv.profile_field_division",
     "format moodle : nom court d'un champ de profil qui reçoit la division (élèves) ; none pour "
     "ne pas avoir cette colonne",
     "format moodle: short name of a profile field receiving the division (pupils); none for no "
     "such column"},
    {"key.elea-csv.delta",
     "format moodle : écrire aussi un fichier delta des lignes nouvelles et modifiées",
     "format moodle: also write a delta file of new and changed rows"},

    // ent-csv.
    {"key.ent-csv.dir", "Répertoire où sont écrits les fichiers, créé s'il manque",
     "Directory the files are written to, created when missing"},
    {"key.ent-csv.keep",
     "Nombre d'exécutions dont les fichiers sont conservés dans dir ; les plus anciens sont "
     "supprimés",
     "How many runs' files are kept in dir, older ones are removed"},
    {"key.ent-csv.encoding", "Encodage des fichiers CSV de l'ENT", "Encoding of the ENT CSV files"},
    {"key.ent-csv.zip", "Mettre aussi les quatre fichiers CSV dans un zip nommé d'après l'UAI",
     "Also put the four CSV files in one zip named with the UAI"},

    // journal.
    {"key.journal.path", "Le fichier d'audit JSON-lines, une ligne par modification poussée",
     "The JSON-lines audit file, one line per change pushed"},
    {"key.journal.rotate_bytes",
     "Taille à partir de laquelle le fichier est renouvelé avant qu'une exécution n'y ajoute : "
     "path devient path.1, path.1 devient path.2... ; 0 : jamais renouvelé",
     "Size from which the file is rotated before a run appends to it: path becomes "
     "path.1, path.1 becomes path.2...; 0: never rotated"},
    {"key.journal.keep",
     "Fichiers renouvelés conservés (path.1 à path.<keep>) ; le plus ancien est supprimé",
     "Rotated files kept (path.1 to path.<keep>); the oldest is removed"},

    // koxo-csv.
    {"key.koxo-csv.dir", "Répertoire où sont écrits les fichiers, créé s'il manque",
     "Directory the files are written to, created when missing"},
    {"key.koxo-csv.keep",
     "Nombre d'exécutions dont les fichiers sont conservés dans dir ; les plus anciens sont "
     "supprimés",
     "How many runs' files are kept in dir, older ones are removed"},
    {"key.koxo-csv.columns",
     "Colonnes du CSV de KOXO Synchro dans l'ordre du profil KOXO, séparées par des ;",
     "Columns of the KOXO Synchro CSV in the order of the KOXO profile, separated by ;"},
    {"key.koxo-csv.encoding",
     "Encodage du CSV ; latin1 translittère les caractères qui lui manquent, avec un "
     "avertissement",
     "Encoding of the CSV; latin1 transliterates the characters it lacks, with a warning"},
    {"key.koxo-csv.staff_group",
     "GroupeSecondaire des personnels (les élèves reçoivent leur division)",
     "GroupeSecondaire of staff members (pupils get their division)"},
    {"key.koxo-csv.delta",
     "Écrire aussi un fichier delta ne contenant que les lignes nouvelles et modifiées",
     "Also write a delta file holding only new and changed rows"},

    // ldap-sambaedu.
    {"key.ldap-sambaedu.uri",
     "Adresse du serveur LDAP : ldap://hôte:389, ldaps://hôte:636 ou ldapi:///",
     "LDAP server address: ldap://host:389, ldaps://host:636 or ldapi:///"},
    {"key.ldap-sambaedu.base_dn",
     "DN de base de l'annuaire SambaEdu, au-dessus de ou=People, ou=Groups et ou=Trash",
     "Base DN of the SambaEdu directory, above ou=People, ou=Groups and ou=Trash"},
    {"key.ldap-sambaedu.bind_dn",
     "DN sous lequel edusync se connecte ; none pour SASL EXTERNAL sur ldapi:// (l'identité "
     "propre du processus)",
     "DN edusync binds as; none for SASL EXTERNAL over ldapi:// (the process's own identity)"},
    {"key.ldap-sambaedu.bind_password_file",
     "Fichier contenant le mot de passe de bind_dn (lu à chaque exécution, jamais journalisé)",
     "File holding the password of bind_dn (read at each run, never logged)"},
    {"key.ldap-sambaedu.starttls",
     "Passer une connexion ldap:// en StartTLS ; le certificat est vérifié",
     "Upgrade an ldap:// connection with StartTLS; the certificate is verified"},
    {"key.ldap-sambaedu.ca_file",
     "Certificats d'autorité qui vérifient le certificat du serveur (StartTLS et ldaps://)",
     "CA certificates that verify the server's certificate (StartTLS and ldaps://)"},
    {"key.ldap-sambaedu.domain_sid",
     "SID du domaine Samba (S-1-5-21-...) ; auto le lit dans l'entrée sambaDomain sous base_dn",
     "Samba domain SID (S-1-5-21-...); auto reads it from the sambaDomain entry under base_dn"},
    {"key.ldap-sambaedu.mail_domain",
     "Domaine de l'attribut mail (login@domaine) ; none n'écrit aucun mail",
     "Domain of the mail attribute (login@domain); none writes no mail"},
    {"key.ldap-sambaedu.group_style",
     "Groupes Equipe_ et Matiere_ en posixGroup avec memberUid, ou en groupOfNames avec les DN "
     "des membres",
     "Equipe_ and Matiere_ groups as posixGroup with memberUid, or groupOfNames with member DNs"},
    {"key.ldap-sambaedu.prefix",
     "Préfixe SambaEdu des classes pour une cité scolaire (CLG_, LYC_...), placé après Classe_, "
     "Equipe_... ; none pour aucun préfixe",
     "SambaEdu class prefix for a cite scolaire (CLG_, LYC_...), put after Classe_, Equipe_...; "
     "none for no prefix"},
    {"key.ldap-sambaedu.password_hash",
     "Hachage de userPassword pour les nouveaux comptes : ssha, ou md5 tel que l'écrit "
     "SambaEdu 3",
     "Hash of userPassword for new accounts: ssha, or md5 as SambaEdu 3 writes it"},
    {"key.ldap-sambaedu.timeout",
     "Secondes d'attente de la connexion au serveur ou de sa réponse à une opération",
     "Seconds to wait for the server to connect or answer one operation"},

    // pix-orga.
    {"key.pix-orga.dir", "Répertoire où sont écrits les fichiers, créé s'il manque",
     "Directory the files are written to, created when missing"},
    {"key.pix-orga.keep",
     "Nombre d'exécutions dont les fichiers sont conservés dans dir ; les plus anciens sont "
     "supprimés",
     "How many runs' files are kept in dir, older ones are removed"},
    {"key.pix-orga.format",
     "siecle : un XML BEE_ELEVES au format de SIECLE (collèges, lycées) ; csv : le CSV à 15 "
     "colonnes",
     "siecle: a SIECLE-shaped BEE_ELEVES XML (collèges, lycées); csv: the 15-column CSV"},
    {"key.pix-orga.zip", "format siecle : mettre le XML dans un zip, comme SIECLE le livre",
     "format siecle: put the XML in a zip, as SIECLE delivers it"},
};

}  // namespace

std::span<const Entry> key_entries() {
  return kKeys;
}

}  // namespace edusync::text
