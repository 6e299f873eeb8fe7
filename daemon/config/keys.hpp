#pragma once
// The configuration described once: every key of edusync.yaml is a row of
// a table giving its dotted path, its type, its default and its help. Loading, defaults, the
// messages of `check-config`, its --help and the example file all come from these tables.
// Connector keys are declared per connector type in tables of the same kind, by the connector
// types themselves (connectors/registry.hpp), and handed to the loader as ConnectorTables, so
// that a new connector adds its keys without touching the core table.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/schedule_slot.hpp"
#include "text/message.hpp"

namespace edusync::config {

struct Config;

// A checked value: kString, kPath, kName, kChoice, kConnectorType -> string; kInteger and
// kTimeOfDay (minutes since midnight) -> int64; kNumber -> double; kBoolean -> bool;
// kUaiList -> vector of strings; kSchedule -> vector of slots.
using Value = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>,
                           std::vector<ScheduleSlot>>;

enum class Kind {
  kString,         // non-empty text
  kPath,           // absolute path; keys named *_file hold the path of a secret, never its content
  kInteger,        // within [min, max]
  kNumber,         // decimal number within [min, max]
  kBoolean,        // true or false
  kChoice,         // one of `choices`
  kUaiList,        // one UAI (7 digits and a letter) or a list of them
  kTimeOfDay,      // "HH:MM", stored as minutes since midnight
  kSchedule,       // one slot "HH:MM" / "DAYS HH:MM" or a list of them (config/schedule_slot.hpp)
  kName,           // [a-z0-9_-]+
  kConnectorType,  // a registered connector type
  kConnectorList,  // the list of connectors (each a map checked against its type's table)
};

struct KeyType {
  Kind kind = Kind::kString;
  double min = 0;  // kInteger, kNumber
  double max = 0;
  std::vector<std::string> choices = {};  // kChoice; kConnectorType: the known types
};

KeyType string_type();
KeyType path_type();
KeyType integer_type(double min, double max);
KeyType number_type(double min, double max);
KeyType boolean_type();
KeyType choice_type(std::vector<std::string> choices);
KeyType uai_list_type();
KeyType time_of_day_type();
KeyType schedule_type();
KeyType name_type();

inline constexpr char kRequired[] = "";  // the `default_yaml` of a key that has no default

struct KeySpec {
  std::string path;  // dotted path below the table's map: "safety.grace_days"
  KeyType type;
  std::string default_yaml;  // the default as written in YAML; kRequired when required
  std::string help;  // English, one sentence: the example file; --help reads key.<table>.<path>
  std::function<void(Config&, const Value&)> store = {};  // core keys: where the value goes
  bool required() const { return default_yaml.empty(); }
};

// The keys of edusync.yaml outside the items of `connectors`.
const std::vector<KeySpec>& core_keys();

// The keys every connector item has (`name`, `type`), before those of its type.
const std::vector<KeySpec>& connector_common_keys();

// The key table of each connector type (paths relative to the connector's map; `name` and
// `type` are implicit), by type: what the loader checks connector items against.
using ConnectorTables = std::map<std::string, std::vector<KeySpec>, std::less<>>;

// Checks the table of a connector type before it is used: throws std::logic_error when the type
// is not a valid name, a key clashes with `name`/`type`, a *_file key is not a path, or a default
// does not pass its own type.
void check_connector_table(const std::string& type, const std::vector<KeySpec>& keys);

// "integer from 0 to 3650", "one of fr, en", "absolute path"... (English, as --help and the
// example file say it); type_message() is the same in the reader's language, for problems.
std::string describe_type(const KeyType& type);
text::Message type_message(const KeyType& type);

// The help and constraints of a key, as written above it in the example file:
// "Days ... removed (integer from 0 to 3650; default: 30)".
std::string describe_key(const KeySpec& key);

// Every key of the core table and of each connector type, for `check-config --help`, in
// `language` ("en" English, anything else French): headings, helps and types come from the
// catalogue (text/catalogue_keys.cpp, ids key.<table>.<path> with <table> core, connector or the
// connector type); a key the catalogue lacks keeps its English `help`.
std::string describe_all_keys(const ConnectorTables& tables, std::string_view language);

}  // namespace edusync::config
