// The key types and their descriptions, shared by error messages, --help and the example file.
#include <algorithm>
#include <charconv>
#include <utility>

#include "config/convert.hpp"
#include "config/keys.hpp"

namespace edusync::config {
namespace {

// Shortest form that reads back to the same double: 0.1, 3650, 4294967294.
std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(std::begin(buffer), std::end(buffer), value);
  return {std::begin(buffer), result.ptr};
}

std::string range(double min, double max) {
  return format_number(min) + " to " + format_number(max);
}

// Appends `text` cut at spaces into lines of at most `width` characters after `indent`.
void append_wrapped(std::string_view text, const std::string& indent, std::size_t width,
                    std::string& out) {
  while (!text.empty()) {
    auto cut = text.size() <= width ? text.size() : text.rfind(' ', width);
    if (cut == std::string_view::npos || cut == 0) cut = std::min(text.find(' '), text.size());
    out += indent + std::string(text.substr(0, cut)) + "\n";
    text.remove_prefix(std::min(cut + 1, text.size()));
  }
}

void describe_table(const std::vector<KeySpec>& keys, std::string& out) {
  for (const auto& key : keys) {
    out += "  " + key.path + "\n";
    append_wrapped(describe_key(key), "      ", 90, out);
  }
}

}  // namespace

KeyType string_type() {
  return {Kind::kString};
}
KeyType path_type() {
  return {Kind::kPath};
}
KeyType integer_type(double min, double max) {
  return {Kind::kInteger, min, max};
}
KeyType number_type(double min, double max) {
  return {Kind::kNumber, min, max};
}
KeyType boolean_type() {
  return {Kind::kBoolean};
}
KeyType choice_type(std::vector<std::string> choices) {
  return {Kind::kChoice, 0, 0, std::move(choices)};
}
KeyType uai_list_type() {
  return {Kind::kUaiList};
}
KeyType time_of_day_type() {
  return {Kind::kTimeOfDay};
}
KeyType schedule_type() {
  return {Kind::kSchedule};
}
KeyType name_type() {
  return {Kind::kName};
}

std::string describe_type(const KeyType& type) {
  switch (type.kind) {
    case Kind::kString: return "non-empty text";
    case Kind::kPath: return "absolute path";
    case Kind::kInteger: return "integer from " + range(type.min, type.max);
    case Kind::kNumber: return "number from " + range(type.min, type.max);
    case Kind::kBoolean: return "true or false";
    case Kind::kChoice: return "one of " + join(type.choices);
    case Kind::kUaiList: return "UAI or list of UAIs";
    case Kind::kTimeOfDay: return "time HH:MM";
    case Kind::kSchedule:
      return "time HH:MM, days and a time such as lun-ven 02:30, or a list of them";
    case Kind::kName: return "name of lower-case letters, digits, _ and -";
    case Kind::kConnectorType: return "registered connector type";
    case Kind::kConnectorList: return "list of connectors";
  }
  return "value";
}

std::string describe_key(const KeySpec& key) {
  return key.help + " (" + describe_type(key.type) +
         (key.required() ? "; required)" : "; default: " + key.default_yaml + ")");
}

std::string describe_all_keys(const ConnectorTables& tables) {
  std::vector<std::string> types;
  for (const auto& entry : tables) types.push_back(entry.first);
  std::string out = "Configuration keys (YAML; dotted paths are nested maps):\n";
  describe_table(core_keys(), out);
  out += "\nKeys of every item of connectors (registered types: " + join(types) + "):\n";
  describe_table(connector_common_keys(), out);
  for (const auto& [type, keys] : tables) {
    out += "\nKeys of a connector of type " + type + ":\n";
    describe_table(keys, out);
  }
  return out;
}

}  // namespace edusync::config
