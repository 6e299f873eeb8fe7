#pragma once
// The last scheduled slot the service ran, kept in <state_dir>/schedule.last so that a slot
// missed while the service was stopped is caught up once when it starts (service/schedule.hpp).
// The file holds one instant as ISO 8601 UTC text to the second, "2026-03-29T01:00:00Z", and a
// newline.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "service/schedule.hpp"

namespace edusync::service {

// <state_dir>/schedule.last.
std::filesystem::path last_slot_path(const std::filesystem::path& state_dir);

// The slot recorded by write_last_slot(), or nullopt for "never": no file (no slot has run
// yet). A file that cannot be read, or that does not hold exactly one such instant, is reported
// as an operator event (SCHEDULE_LAST_UNREADABLE, SCHEDULE_LAST_CORRUPT) and also taken as
// "never": guessing a date could run a slot twice or skip one, and "never" only means that
// no missed slot is caught up at this start; the next slot runs as usual and its record
// replaces the file. Never throws.
std::optional<SystemTime> read_last_slot(const std::filesystem::path& state_dir);

// Records `slot` (truncated to the second) atomically: a reader sees the previous record or
// this one, never half of it, even after a power cut (FileWriter::replace, mode 0600). Throws
// std::runtime_error, in French with the path and the reason, when it cannot be written.
void write_last_slot(const std::filesystem::path& state_dir, SystemTime slot);

// "2026-03-29T01:00:00Z": UTC, to the second (truncated).
std::string format_utc(SystemTime time);

// The instant written by format_utc(), from exactly that form (years 1900 to 2200); nullopt
// for anything else.
std::optional<SystemTime> parse_utc(std::string_view text);

}  // namespace edusync::service
