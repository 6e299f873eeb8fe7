#pragma once
// When the scheduled runs fall: the slots of the `schedule` key (config/schedule_slot.hpp) as
// instants of std::chrono::system_clock, in the process's local time zone (TZ, else
// /etc/localtime, read through tzset and localtime_r). Pure computations: the daemon arms its
// timer at next_slot(now) and, each time it wakes up and once at start, asks
// missed_slot(last slot run, now) whether a slot is due (docs/schedule.md).
//
// Rules where local time is not a plain clock:
//  - a slot whose local time does not exist (the hour skipped when summer time starts) falls at
//    the first instant that exists after it, the end of the gap: 02:30 -> 03:00 in
//    Europe/Paris on the last Sunday of March;
//  - a slot whose local time happens twice (the hour repeated when summer time ends) falls at
//    its first occurrence only, never twice;
//  - slots that fall on the same instant (the same time on overlapping days, or 02:15 and 02:45
//    on the night of the gap) are one instant, so one run.
// Every night keeps its slots: none is skipped. Assumes that the zone's offset changes at most
// once within 26 hours, true of every zone in use.
#include <chrono>
#include <optional>
#include <vector>

#include "config/schedule_slot.hpp"

namespace edusync::service {

using SystemTime = std::chrono::system_clock::time_point;

class Schedule {
 public:
  explicit Schedule(std::vector<config::ScheduleSlot> slots) : slots_(std::move(slots)) {}

  // No slot: the service never runs on its own.
  bool empty() const { return slots_.empty(); }
  const std::vector<config::ScheduleSlot>& slots() const { return slots_; }

  // The first slot instant strictly after `after`; nullopt when there is no slot.
  std::optional<SystemTime> next_slot(SystemTime after) const;

  // The latest slot instant in (last_done, now], nullopt when there is none (no slot, or
  // now <= last_done). Several slots missed while the service was down give one instant, the
  // latest: they are caught up by one run, like systemd's Persistent=true.
  std::optional<SystemTime> missed_slot(SystemTime last_done, SystemTime now) const;

 private:
  std::vector<config::ScheduleSlot> slots_;
};

}  // namespace edusync::service
