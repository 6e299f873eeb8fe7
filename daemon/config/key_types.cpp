// The key types and their descriptions, shared by error messages, --help and the example file.
#include <algorithm>
#include <charconv>
#include <utility>

#include "config/convert.hpp"
#include "config/keys.hpp"
#include "text/catalogue.hpp"

namespace edusync::config {
namespace {

// Shortest form that reads back to the same double: 0.1, 3650, 4294967294.
std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(std::begin(buffer), std::end(buffer), value);
  return {std::begin(buffer), result.ptr};
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

// The help of `key` of the table `table` (core, connector or a connector type) as the catalogue
// holds it (key.<table>.<path>), or the key's own English help when it holds none: a key missing
// from the catalogue is still described, never dropped.
text::Message help_message(const KeySpec& key, const std::string& table) {
  auto id = "key." + table + "." + key.path;
  if (text::find_entry(id) == nullptr) return text::verbatim(key.help);
  return text::message(std::move(id));
}

// describe_key() in `language`: "Days ... removed (integer from 0 to 3650; default: 30)".
std::string describe_key(const KeySpec& key, const std::string& table, std::string_view language) {
  auto help = text::nested("help", help_message(key, table));
  auto type = text::nested("type", type_message(key.type));
  const auto m =
      key.required()
          ? text::message("key.type.required", {help, type})
          : text::message("key.type.default", {help, type, text::arg("default", key.default_yaml)});
  return text::render(m, language);
}

void describe_table(const std::vector<KeySpec>& keys, const std::string& table,
                    std::string_view language, std::string& out) {
  for (const auto& key : keys) {
    out += "  " + key.path + "\n";
    append_wrapped(describe_key(key, table, language), "      ", 90, out);
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

text::Message type_message(const KeyType& type) {
  using text::arg;
  using text::message;
  switch (type.kind) {
    case Kind::kString: return message("config.type.string");
    case Kind::kPath: return message("config.type.path");
    case Kind::kInteger:
      return message("config.type.integer",
                     {arg("min", format_number(type.min)), arg("max", format_number(type.max))});
    case Kind::kNumber:
      return message("config.type.number",
                     {arg("min", format_number(type.min)), arg("max", format_number(type.max))});
    case Kind::kBoolean: return message("config.type.boolean");
    case Kind::kChoice: return message("config.type.choice", {arg("choices", join(type.choices))});
    case Kind::kUaiList: return message("config.type.uai_list");
    case Kind::kTimeOfDay: return message("config.type.time_of_day");
    case Kind::kSchedule: return message("config.type.schedule");
    case Kind::kName: return message("config.type.name");
    case Kind::kConnectorType: return message("config.type.connector_type");
    case Kind::kConnectorList: return message("config.type.connector_list");
  }
  return message("config.type.value");
}

std::string describe_type(const KeyType& type) {
  return text::render(type_message(type), "en");
}

std::string describe_key(const KeySpec& key) {
  return key.help + " (" + describe_type(key.type) +
         (key.required() ? "; required)" : "; default: " + key.default_yaml + ")");
}

std::string describe_all_keys(const ConnectorTables& tables, std::string_view language) {
  using text::arg;
  using text::message;
  std::vector<std::string> types;
  for (const auto& entry : tables) types.push_back(entry.first);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "\n" + std::string at -O3.
  const auto heading = [&](const text::Message& m, std::string& out) {
    out += '\n';
    out += text::render(m, language);
    out += '\n';
  };
  std::string out = text::say("key.heading.core", language);
  out += '\n';
  describe_table(core_keys(), "core", language, out);
  heading(message("key.heading.connector", {arg("types", join(types))}), out);
  describe_table(connector_common_keys(), "connector", language, out);
  for (const auto& [type, keys] : tables) {
    heading(message("key.heading.type", {arg("type", type)}), out);
    describe_table(keys, type, language, out);
  }
  return out;
}

}  // namespace edusync::config
