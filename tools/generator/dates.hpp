// Calendar dates as the exports write them (SIECLE dd/mm/yyyy, STS ISO).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gen {

// A civil date; y == 0 means "absent" (element not written).
struct Date {
  int y = 0, m = 0, d = 0;

  bool present() const { return y != 0; }
  friend bool operator==(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (proleptic Gregorian, Hinnant's algorithm).
std::int64_t to_days(Date date);
Date from_days(std::int64_t days);
Date add_days(Date date, std::int64_t days);

// Three-way comparison on present dates.
inline bool before_or_same(Date a, Date b) {
  return to_days(a) <= to_days(b);
}

std::string format_dmy(Date date);  // "31/12/2014" (SIECLE)
std::string format_iso(Date date);  // "2014-12-31" (STS)

// Parses "dd/mm/yyyy"; nullopt when malformed or not a real calendar day.
std::optional<Date> parse_dmy(std::string_view text);

}  // namespace gen
