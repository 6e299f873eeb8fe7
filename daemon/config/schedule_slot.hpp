#pragma once
// One slot of the `schedule` key: a time of day, local time, on some days of the week. The key
// holds one slot or a list of them (docs/schedule.md); the service turns them into instants
// (service/schedule.hpp).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "text/message.hpp"

namespace edusync::config {

struct ScheduleSlot {
  // Bit i is day i of the ISO week: bit 0 Monday ... bit 6 Sunday.
  static constexpr std::uint8_t kEveryDay = 0x7f;
  std::uint8_t days = kEveryDay;  // never 0 once parsed
  std::chrono::minutes time{0};   // after local midnight, 00:00 to 23:59

  // `weekday`: 0 Monday ... 6 Sunday.
  bool runs_on(int weekday) const { return ((days >> weekday) & 1U) != 0; }
  friend bool operator==(const ScheduleSlot&, const ScheduleSlot&) = default;
};

// "HH:MM" (every day) or "DAYS HH:MM": DAYS is a comma list of days or ranges of days, each day
// a short name in French (lun mar mer jeu ven sam dim) or English (mon tue wed thu fri sat sun),
// any case; a range runs forward through the week and may wrap (sam-lun: Saturday, Sunday,
// Monday). Spaces around commas and dashes are allowed. Returns the slot, or why the text is
// refused (a message of the catalogue, without the key's name).
// "HH:MM", 00:00 to 23:59, as minutes after midnight; none for anything else.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);

std::variant<ScheduleSlot, text::Message> parse_schedule_slot(std::string_view text);

// The text parse_schedule_slot() reads back as `slot`, with French day names and ranges where
// three or more days follow each other: "02:30", "lun-ven 02:30", "sam,dim 06:00".
std::string format_schedule_slot(const ScheduleSlot& slot);

}  // namespace edusync::config
