#include "dates.hpp"

#include <cstdio>

namespace gen {

std::int64_t to_days(Date date) {
  const std::int64_t y = date.y - (date.m <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.m + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(Date date, std::int64_t days) {
  return from_days(to_days(date) + days);
}

std::string format_dmy(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.d % 100, date.m % 100, date.y % 10000);
  return buf;
}

std::string format_iso(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.y % 10000, date.m % 100, date.d % 100);
  return buf;
}

std::optional<Date> parse_dmy(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  auto number = [&](std::size_t pos, std::size_t len) -> int {
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const Date date{number(6, 4), number(3, 2), number(0, 2)};
  if (date.y < 1900 || date.m < 1 || date.d < 1) return std::nullopt;
  if (from_days(to_days(date)) != date) return std::nullopt;  // rejects 31/02
  return date;
}

}  // namespace gen
