#include "service/schedule.hpp"

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <ctime>

namespace edusync::service {
namespace {

// Whole seconds since the epoch: UTC instants, and local wall clock readings counted the same
// way from 1970-01-01 00:00 local.
using Seconds = std::int64_t;
constexpr Seconds kDay = 86400;
constexpr Seconds kHour = 3600;

Seconds floor_div(Seconds value, Seconds divisor) {
  const Seconds quotient = value / divisor;
  return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

Seconds to_seconds(SystemTime time) {
  return std::chrono::floor<std::chrono::seconds>(time.time_since_epoch()).count();
}

SystemTime to_time(Seconds seconds) {
  return SystemTime(std::chrono::seconds(seconds));
}

// How far local time is ahead of UTC at `instant` (glibc's tm_gmtoff); 0 out of range.
Seconds utc_offset(Seconds instant) {
  const auto time = static_cast<std::time_t>(instant);
  std::tm local{};
  if (::localtime_r(&time, &local) == nullptr) return 0;
  return local.tm_gmtoff;
}

Seconds wall_clock(Seconds instant) {
  return instant + utc_offset(instant);
}

// 0 Monday ... 6 Sunday for a local day number (days since 1970-01-01, a Thursday).
int weekday_of(Seconds day) {
  return static_cast<int>((day % 7 + 7 + 3) % 7);
}

// The first instant in (before, after] whose offset is `offset`, the offset of `after` and not
// of `before`: the change of offset between them, found by bisection.
Seconds offset_change(Seconds before, Seconds after, Seconds offset) {
  while (after - before > 1) {
    const Seconds middle = before + (after - before) / 2;
    if (utc_offset(middle) == offset) {
      after = middle;
    } else {
      before = middle;
    }
  }
  return after;
}

// The instant at which the local wall clock reads `wall`, by the rules of the header. Offsets
// lie within [-12 h, +14 h], so the instant is within 26 hours around `wall` read as UTC; the
// offsets at both ends of that window are the only ones it can have.
Seconds instant_of(Seconds wall) {
  const Seconds early_offset = utc_offset(wall - 15 * kHour);
  const Seconds late_offset = utc_offset(wall + 13 * kHour);
  const Seconds early = wall - early_offset;  // the instant if the early offset applies
  const Seconds late = wall - late_offset;
  const bool early_fits = wall_clock(early) == wall;
  const bool late_fits = wall_clock(late) == wall;
  if (early_fits && late_fits) return std::min(early, late);  // the repeated hour: first one
  if (early_fits) return early;
  if (late_fits) return late;
  // The skipped hour (late_offset > early_offset, so late < early): the clock jumps over `wall`
  // at the change of offset, which lies in (late, early].
  if (late < early && utc_offset(late) != late_offset && utc_offset(early) == late_offset) {
    return offset_change(late, early, late_offset);
  }
  return early;  // not reached in a real zone
}

// Calls `visit` with the instant of every slot on the local days [first_day, last_day].
template <class Visit>
void for_each_slot(const std::vector<config::ScheduleSlot>& slots, Seconds first_day,
                   Seconds last_day, Visit visit) {
  for (Seconds day = first_day; day <= last_day; ++day) {
    for (const auto& slot : slots) {
      if (!slot.runs_on(weekday_of(day))) continue;
      visit(instant_of(day * kDay + std::chrono::seconds(slot.time).count()));
    }
  }
}

}  // namespace

// Each slot recurs at least weekly, so the answer lies within 8 local days of `after`; the day
// before is looked at too, for a slot late in the evening pushed past midnight by a gap.
std::optional<SystemTime> Schedule::next_slot(SystemTime after) const {
  ::tzset();  // follow the current TZ (tests change it; localtime_r alone may not reread it)
  const Seconds from = to_seconds(after);  // instants are whole seconds: > from is > after
  const Seconds today = floor_div(wall_clock(from), kDay);
  std::optional<Seconds> best;
  for_each_slot(slots_, today - 1, today + 8, [&](Seconds instant) {
    if (instant > from && (!best || instant < *best)) best = instant;
  });
  if (!best) return std::nullopt;
  return to_time(*best);
}

std::optional<SystemTime> Schedule::missed_slot(SystemTime last_done, SystemTime now) const {
  if (now <= last_done) return std::nullopt;
  ::tzset();
  const Seconds until = to_seconds(now);
  const Seconds done = to_seconds(last_done);
  const Seconds today = floor_div(wall_clock(until), kDay);
  std::optional<Seconds> latest;
  for_each_slot(slots_, today - 8, today + 1, [&](Seconds instant) {
    if (instant <= until && instant > done && (!latest || instant > *latest)) latest = instant;
  });
  if (!latest) return std::nullopt;
  return to_time(*latest);
}

}  // namespace edusync::service
