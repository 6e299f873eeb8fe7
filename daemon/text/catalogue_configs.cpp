// Problems of edusync.yaml (config/), as `check-config`, the commands and the service print them
// after "file:line:column: ". English is the text these messages always had; keys, values and
// YAML terms (true, false) are the file's own words in both languages.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kConfigs[] = {
    // What the file holds where something else was expected ("got ...").
    {"config.got.map", "une table", "a map"},
    {"config.got.list", "une liste", "a list"},
    {"config.got.text", "« {text} »", "\"{text}\""},
    {"config.got.nothing", "rien", "nothing"},
    // The key types (config/keys.hpp, describe_type).
    {"config.type.string", "un texte non vide", "non-empty text"},
    {"config.type.path", "un chemin absolu", "absolute path"},
    {"config.type.integer", "un entier de {min} à {max}", "integer from {min} to {max}"},
    {"config.type.number", "un nombre de {min} à {max}", "number from {min} to {max}"},
    {"config.type.boolean", "true ou false", "true or false"},
    {"config.type.choice", "l'une des valeurs {choices}", "one of {choices}"},
    {"config.type.uai_list", "un UAI ou une liste d'UAI", "UAI or list of UAIs"},
    {"config.type.time_of_day", "une heure HH:MM", "time HH:MM"},
    {"config.type.schedule",
     "une heure HH:MM, des jours suivis d'une heure comme lun-ven 02:30, ou une liste de ces "
     "créneaux",
     "time HH:MM, days and a time such as lun-ven 02:30, or a list of them"},
    {"config.type.name", "un nom fait de minuscules, de chiffres, de _ et de -",
     "name of lower-case letters, digits, _ and -"},
    {"config.type.connector_type", "un type de connecteur enregistré", "registered connector type"},
    {"config.type.connector_list", "une liste de connecteurs", "list of connectors"},
    {"config.type.value", "une valeur", "value"},
    // Suggestions, appended to a message.
    {"config.did_you_mean", " (vouliez-vous dire « {name} » ?)", " (did you mean \"{name}\"?)"},
    {"config.did_you_mean_key", " (vouliez-vous dire {path} ?)", " (did you mean {path}?)"},
    {"config.in_section", " dans {section}", " in {section}"},
    // The shape of the file (config/walk.cpp).
    {"config.root_not_map", "le fichier doit être une table avec les clés {keys} ; trouvé : {got}",
     "expected the file to be a map with keys {keys}, got {got}"},
    {"config.item_not_map", "{path} doit être une table avec les clés {keys} ; trouvé : {got}",
     "expected {path} to be a map with keys {keys}, got {got}"},
    {"config.root_key_not_name", "une clé du fichier n'est pas un simple nom",
     "a key of the file is not a plain name"},
    {"config.key_not_name", "une clé de {path} n'est pas un simple nom",
     "a key of {path} is not a plain name"},
    {"config.key_twice", "la clé {path} est donnée deux fois (la première fois à la ligne {line})",
     "key {path} is given twice (first on line {line})"},
    {"config.section_not_map",
     "{path} : une table est attendue, avec les clés {keys} ; trouvé : {got}",
     "{path}: expected a map with keys {keys}, got {got}"},
    {"config.no_value", "{path} : aucune valeur donnée", "{path}: no value given"},
    {"config.no_value_default",
     "{path} : aucune valeur donnée (omettez la clé pour garder la valeur par défaut, {default})",
     "{path}: no value given (leave the key out for the default, {default})"},
    {"config.list_expected", "{path} : une liste est attendue ; trouvé : {got}",
     "{path}: expected a list, got {got}"},
    {"config.key_problem", "{path} : {problem}", "{path}: {problem}"},
    {"config.unknown_key", "clé inconnue « {key} »{section}{hint} ; clés possibles : {allowed}",
     "unknown key \"{key}\"{section}{hint}; allowed keys: {allowed}"},
    {"config.missing_key", "clé obligatoire {path} absente : {help} ({type} ; obligatoire)",
     "missing required key {path}: {help} ({type}; required)"},
    // Values (config/convert.cpp).
    {"config.expected", "attendu : {type} ; trouvé : {got}", "expected {type}, got {got}"},
    {"config.out_of_range", "{value} est hors limites ; attendu : {type}",
     "{value} is out of range: expected {type}"},
    {"config.not_uai",
     "{got} n'est pas un UAI : il faut 7 chiffres et une lettre majuscule, par exemple 0140065T",
     "{got} is not a UAI: expected 7 digits and a capital letter, e.g. 0140065T"},
    {"config.no_uai", "il faut au moins un UAI", "expected at least one UAI"},
    {"config.uai_twice", "l'UAI {uai} figure deux fois", "UAI {uai} is listed twice"},
    {"config.slot_expected", "un créneau « HH:MM » ou « JOURS HH:MM » est attendu ; trouvé : {got}",
     "expected a slot \"HH:MM\" or \"DAYS HH:MM\", got {got}"},
    {"config.not_allowed", "« {value} » n'est pas permis ; attendu : {type}{hint}",
     "\"{value}\" is not allowed: expected {type}{hint}"},
    {"config.unknown_connector_type",
     "type de connecteur inconnu « {value} » ; types connus : {types}{hint}",
     "unknown connector type \"{value}\"; known types: {types}{hint}"},
    // Schedule slots (config/schedule_slot.cpp).
    {"config.slot.unknown_day",
     "jour inconnu « {day} » dans « {slot} » : les jours sont lun, mar, mer, jeu, ven, sam, dim "
     "ou mon, tue, wed, thu, fri, sat, sun{hint}",
     "unknown day \"{day}\" in \"{slot}\": days are mon, tue, wed, thu, fri, sat, sun or lun, "
     "mar, mer, jeu, ven, sam, dim{hint}"},
    {"config.slot.empty_day", "jour vide dans « {slot} »", "empty day in \"{slot}\""},
    {"config.slot.bad_range",
     "« {item} » n'est ni un jour ni une plage de deux jours dans « {slot} »",
     "\"{item}\" is neither a day nor a range of two days in \"{slot}\""},
    {"config.slot.bad_time", "une heure HH:MM est attendue ; trouvé : « {text} »",
     "expected time HH:MM, got \"{text}\""},
    {"config.slot.bad_time_after_days",
     "une heure HH:MM est attendue après les jours ; trouvé : « {time} » dans « {slot} »",
     "expected time HH:MM after the days, got \"{time}\" in \"{slot}\""},
    // The file as a whole (config/load.cpp) and connectors (config/connectors.cpp).
    {"config.second_document", "un second document YAML : la configuration est une seule table",
     "a second YAML document: the configuration is a single map"},
    {"config.syntax_error", "erreur de syntaxe YAML : {detail}", "YAML syntax error: {detail}"},
    {"config.uid_range_reversed",
     "identity.uid_range : last ({last}) est inférieur à first ({first})",
     "identity.uid_range: last ({last}) is below first ({first})"},
    {"config.is_directory", "est un répertoire, pas un fichier de configuration",
     "is a directory, not a configuration file"},
    {"config.unreadable", "impossible de lire le fichier de configuration : {reason}",
     "cannot read the configuration file: {reason}"},
    {"config.connector_not_map",
     "{path} : une table est attendue, avec un nom (name), un type (type) et les clés de ce type",
     "{path}: expected a map with a name, a type and the keys of that type"},
    {"config.connector_name_taken",
     "{path}.name : le nom de connecteur « {name} » est déjà pris par le connecteur de la ligne "
     "{line}",
     "{path}.name: connector name \"{name}\" is already used by the connector on line {line}"},
    // `edusync check-config` (cli/check_config_command.cpp).
    {"config.check.help",
     "Vérifie le fichier de configuration et signale chaque problème avec sa place",
     "Checks the configuration file and prints every problem with its place"},
    {"config.check.file_help", "Fichier à vérifier au lieu de celui de --config",
     "File to check instead of the --config one"},
    {"config.check.valid", "{path} : valide", "{path}: valid"},
    {"config.check.school", "  établissement  {name} (UAI {uais})",
     "  school      {name} (UAI {uais})"},
    {"config.check.connectors", "  connecteurs    {connectors}", "  connectors  {connectors}"},
    {"config.check.none", "aucun", "none"},
    {"config.check.problems", "edusync check-config : {count|problème|problèmes} dans {path}",
     "edusync check-config: {count|problem|problems} in {path}"},
};

}  // namespace

std::span<const Entry> config_entries() {
  return kConfigs;
}

}  // namespace edusync::text
