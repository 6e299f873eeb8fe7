#pragma once
// Dates as they appear in the exports, normalised to ISO 8601 "YYYY-MM-DD" strings so that
// they compare correctly as strings and print unchanged in reports.
#include <optional>
#include <string>
#include <string_view>

namespace edusync {

// SIECLE writes "DD/MM/YYYY" (DATE_NAISS, DATE_SORTIE, DATE_EXPORT) and
// "DD/MM/YYYY HH:MM:SS" (HORODATAGE); only the date part is kept.
std::optional<std::string> parse_french_date(std::string_view text);

// STS-web writes ISO dates "YYYY-MM-DD" (DATE_NAISSANCE, DATE_DEBUT, DATE_FIN).
std::optional<std::string> parse_iso_date(std::string_view text);

// Days from `from` to `to` (ISO dates, both valid): negative when `to` is earlier.
int days_between(const std::string& from, const std::string& to);
// The ISO date `days` after (or before, when negative) `date`.
std::string add_days(const std::string& date, int days);
// Today in local time, ISO.
std::string today_local();

// True when year, month and day form a real calendar date (1900..2200).
bool is_valid_date(int year, int month, int day);

}  // namespace edusync
