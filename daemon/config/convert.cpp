#include "config/convert.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "config/schedule_slot.hpp"

namespace edusync::config {

using text::arg;
using text::message;
using text::nested;

text::Message describe_node(const YAML::Node& node) {
  if (node.IsMap()) return message("config.got.map");
  if (node.IsSequence()) return message("config.got.list");
  if (node.IsScalar()) return message("config.got.text", {arg("text", node.Scalar())});
  return message("config.got.nothing");
}

text::Message suggestion(std::string_view typed, const std::vector<std::string>& candidates) {
  if (const auto near = nearest(typed, candidates))
    return message("config.did_you_mean", {arg("name", *near)});
  return text::verbatim("");
}

namespace {

text::Message expected(const KeyType& type, const YAML::Node& node) {
  return message("config.expected",
                 {nested("type", type_message(type)), nested("got", describe_node(node))});
}

text::Message out_of_range(const KeyType& type, std::string_view text) {
  return message("config.out_of_range",
                 {arg("value", std::string(text)), nested("type", type_message(type))});
}

using Error = std::optional<text::Message>;

std::optional<Value> to_integer(const std::string& text, const KeyType& type, Error& error) {
  std::int64_t value = 0;
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (code != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (static_cast<double>(value) < type.min || static_cast<double>(value) > type.max) {
    error = out_of_range(type, text);
    return std::nullopt;
  }
  return value;
}

std::optional<Value> to_number(const std::string& text, const KeyType& type, Error& error) {
  double value = 0;
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (code != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  if (value < type.min || value > type.max) {
    error = out_of_range(type, text);
    return std::nullopt;
  }
  return value;
}

std::optional<Value> to_boolean(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

// "HH:MM", 00:00 to 23:59, as minutes since midnight.
std::optional<Value> to_time_of_day(const std::string& text) {
  const auto time = parse_time_of_day(text);
  if (!time) return std::nullopt;
  return std::int64_t{time->count()};
}

bool is_name(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// The UAI of an établissement: 7 digits and a capital letter (the check letter is not verified).
bool is_uai(const std::string& text) {
  return text.size() == 8 &&
         std::all_of(text.begin(), text.end() - 1, [](char c) { return c >= '0' && c <= '9'; }) &&
         text.back() >= 'A' && text.back() <= 'Z';
}

text::Message not_a_uai(const YAML::Node& node) {
  return message("config.not_uai", {nested("got", describe_node(node))});
}

std::optional<Value> to_uai_list(const YAML::Node& node, const KeyType& type,
                                 std::vector<NodeError>& errors) {
  if (node.IsScalar()) {
    if (is_uai(node.Scalar())) return std::vector<std::string>{node.Scalar()};
    errors.push_back({node.Mark(), not_a_uai(node)});
    return std::nullopt;
  }
  if (!node.IsSequence()) {
    errors.push_back({node.Mark(), expected(type, node)});
    return std::nullopt;
  }
  if (node.size() == 0) {
    errors.push_back({node.Mark(), message("config.no_uai")});
    return std::nullopt;
  }
  std::vector<std::string> uais;
  const auto before = errors.size();
  for (const auto& item : node) {
    if (!item.IsScalar() || !is_uai(item.Scalar())) {
      errors.push_back({item.Mark(), not_a_uai(item)});
    } else if (std::find(uais.begin(), uais.end(), item.Scalar()) != uais.end()) {
      errors.push_back({item.Mark(), message("config.uai_twice", {arg("uai", item.Scalar())})});
    } else {
      uais.push_back(item.Scalar());
    }
  }
  if (errors.size() != before) return std::nullopt;
  return uais;
}

// One slot or a list of them; each bad item is reported at its own place. An empty list is no
// scheduled run.
std::optional<Value> to_schedule(const YAML::Node& node, const KeyType& type,
                                 std::vector<NodeError>& errors) {
  if (!node.IsScalar() && !node.IsSequence()) {
    errors.push_back({node.Mark(), expected(type, node)});
    return std::nullopt;
  }
  std::vector<ScheduleSlot> slots;
  const auto before = errors.size();
  const auto add = [&](const YAML::Node& item) {
    if (!item.IsScalar()) {
      errors.push_back(
          {item.Mark(), message("config.slot_expected", {nested("got", describe_node(item))})});
      return;
    }
    auto slot = parse_schedule_slot(item.Scalar());
    if (auto* error = std::get_if<text::Message>(&slot)) {
      errors.push_back({item.Mark(), std::move(*error)});
    } else {
      slots.push_back(std::get<ScheduleSlot>(slot));
    }
  };
  if (node.IsScalar()) {
    add(node);
  } else {
    for (const auto& item : node) add(item);
  }
  if (errors.size() != before) return std::nullopt;
  return slots;
}

// The scalar kinds: the text is checked, `error` is set when the message is more precise than
// "expected X, got Y".
std::optional<Value> to_scalar_value(const std::string& text, const KeyType& type, Error& error) {
  switch (type.kind) {
    case Kind::kString:
      if (!text.empty()) return text;
      return std::nullopt;
    case Kind::kPath:
      if (!text.empty() && text.front() == '/') return text;
      return std::nullopt;
    case Kind::kInteger: return to_integer(text, type, error);
    case Kind::kNumber: return to_number(text, type, error);
    case Kind::kBoolean: return to_boolean(text);
    case Kind::kTimeOfDay: return to_time_of_day(text);
    case Kind::kName:
      if (is_name(text)) return text;
      return std::nullopt;
    case Kind::kChoice:
      if (std::find(type.choices.begin(), type.choices.end(), text) != type.choices.end())
        return text;
      error = message("config.not_allowed", {arg("value", text), nested("type", type_message(type)),
                                             nested("hint", suggestion(text, type.choices))});
      return std::nullopt;
    case Kind::kConnectorType:  // `choices`: the types the loader was given
      if (std::find(type.choices.begin(), type.choices.end(), text) != type.choices.end())
        return text;
      error = message("config.unknown_connector_type",
                      {arg("value", text), arg("types", join(type.choices)),
                       nested("hint", suggestion(text, type.choices))});
      return std::nullopt;
    case Kind::kUaiList:
    case Kind::kSchedule:
    case Kind::kConnectorList: break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> convert(const YAML::Node& node, const KeyType& type,
                             std::vector<NodeError>& errors) {
  if (type.kind == Kind::kUaiList) return to_uai_list(node, type, errors);
  if (type.kind == Kind::kSchedule) return to_schedule(node, type, errors);
  if (!node.IsScalar()) {
    errors.push_back({node.Mark(), expected(type, node)});
    return std::nullopt;
  }
  Error error;
  auto value = to_scalar_value(node.Scalar(), type, error);
  if (!value) errors.push_back({node.Mark(), error ? std::move(*error) : expected(type, node)});
  return value;
}

std::optional<std::string> nearest(std::string_view typed,
                                   const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  for (const auto& candidate : candidates) {
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(candidate.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= typed.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t above = row[j];
        const std::size_t cost = typed[i - 1] == candidate[j - 1] ? 0 : 1;
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
        diagonal = above;
      }
    }
    if (row.back() < best_distance && row.back() < typed.size()) {
      best_distance = row.back();
      best = candidate;
    }
  }
  return best;
}

std::string in_quotes(std::string_view text) {
  return '"' + std::string(text) + '"';
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

}  // namespace edusync::config
