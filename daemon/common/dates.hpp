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

// True when year, month and day form a real calendar date (1900..2200).
bool is_valid_date(int year, int month, int day);

}  // namespace edusync
