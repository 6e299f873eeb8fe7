#include "config/schedule_slot.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "common/text.hpp"
#include "config/convert.hpp"

namespace edusync::config {
namespace {

constexpr std::array<std::string_view, 7> kFrenchDays = {"lun", "mar", "mer", "jeu",
                                                         "ven", "sam", "dim"};
constexpr std::array<std::string_view, 7> kEnglishDays = {"mon", "tue", "wed", "thu",
                                                          "fri", "sat", "sun"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// 0 Monday ... 6 Sunday, for a short name in either language.
std::optional<int> day_number(std::string_view name) {
  const auto folded = lower(name);
  for (int day = 0; day < 7; ++day) {
    const auto index = static_cast<std::size_t>(day);
    if (folded == kFrenchDays[index] || folded == kEnglishDays[index]) return day;
  }
  return std::nullopt;
}

text::Message unknown_day(std::string_view name, std::string_view text) {
  std::vector<std::string> names(kEnglishDays.begin(), kEnglishDays.end());
  names.insert(names.end(), kFrenchDays.begin(), kFrenchDays.end());
  return text::message("config.slot.unknown_day",
                       {text::arg("day", std::string(name)), text::arg("slot", std::string(text)),
                        text::nested("hint", suggestion(lower(name), names))});
}

// The days of one item of the list: "lun" or "lun-ven" (forward, wrapping after Sunday).
std::variant<std::uint8_t, text::Message> item_days(std::string_view item, std::string_view text) {
  const auto dash = item.find('-');
  const auto first_name = trim(item.substr(0, dash));
  const auto last_name = dash == std::string_view::npos ? first_name : trim(item.substr(dash + 1));
  if (first_name.empty() || last_name.empty())
    return text::message("config.slot.empty_day", {text::arg("slot", std::string(text))});
  if (last_name.find('-') != std::string_view::npos) {
    return text::message("config.slot.bad_range", {text::arg("item", std::string(trim(item))),
                                                   text::arg("slot", std::string(text))});
  }
  const auto first = day_number(first_name);
  if (!first) return unknown_day(first_name, text);
  const auto last = day_number(last_name);
  if (!last) return unknown_day(last_name, text);
  std::uint8_t days = 0;
  for (int day = *first;; day = (day + 1) % 7) {
    days = static_cast<std::uint8_t>(days | (1U << day));
    if (day == *last) break;
  }
  return days;
}

// The days of "lun-ven,sam": the union of its items.
std::variant<std::uint8_t, text::Message> list_days(std::string_view list, std::string_view text) {
  std::uint8_t days = 0;
  for (std::size_t start = 0;;) {
    const auto comma = list.find(',', start);
    auto item = item_days(
        list.substr(start, comma == std::string_view::npos ? comma : comma - start), text);
    if (auto* error = std::get_if<text::Message>(&item)) return std::move(*error);
    days = static_cast<std::uint8_t>(days | std::get<std::uint8_t>(item));
    if (comma == std::string_view::npos) return days;
    start = comma + 1;
  }
}

}  // namespace

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text) {
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return std::chrono::minutes(hours * 60 + minutes);
}

std::variant<ScheduleSlot, text::Message> parse_schedule_slot(std::string_view text) {
  const auto slot_text = trim(text);
  const auto space = slot_text.find_last_of(" \t");
  if (space == std::string_view::npos) {
    const auto time = parse_time_of_day(slot_text);
    if (!time) return text::message("config.slot.bad_time", {text::arg("text", std::string(text))});
    return ScheduleSlot{ScheduleSlot::kEveryDay, *time};
  }
  const auto time_text = slot_text.substr(space + 1);
  const auto time = parse_time_of_day(time_text);
  if (!time) {
    return text::message(
        "config.slot.bad_time_after_days",
        {text::arg("time", std::string(time_text)), text::arg("slot", std::string(slot_text))});
  }
  auto days = list_days(trim(slot_text.substr(0, space)), slot_text);
  if (auto* error = std::get_if<text::Message>(&days)) return std::move(*error);
  return ScheduleSlot{std::get<std::uint8_t>(days), *time};
}

std::string format_schedule_slot(const ScheduleSlot& slot) {
  std::string days;
  if (slot.days != ScheduleSlot::kEveryDay) {
    for (int day = 0; day < 7;) {
      if (!slot.runs_on(day)) {
        ++day;
        continue;
      }
      int last = day;
      while (last + 1 < 7 && slot.runs_on(last + 1)) ++last;
      if (!days.empty()) days += ',';
      days += kFrenchDays[static_cast<std::size_t>(day)];
      if (last - day >= 2) {
        days += '-';
        days += kFrenchDays[static_cast<std::size_t>(last)];
      } else if (last > day) {
        days += ',';
        days += kFrenchDays[static_cast<std::size_t>(last)];
      }
      day = last + 1;
    }
    days += ' ';
  }
  const auto minutes = slot.time.count();
  const auto two_digits = [](long value) {
    return std::string(1, static_cast<char>('0' + value / 10)) +
           static_cast<char>('0' + value % 10);
  };
  return days + two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

}  // namespace edusync::config
