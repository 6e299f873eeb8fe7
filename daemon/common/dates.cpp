#include "common/dates.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "common/text.hpp"

namespace edusync {
namespace {

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string format_iso(int year, int month, int day) {
  char buffer[40];  // sized for any int, so that the compiler can prove no truncation
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// y, m and d are 4, 2 and 2 characters: once they are known to be digits, the ISO text is
// their concatenation (no formatting: dates are parsed once per record of every export).
std::optional<std::string> checked(std::string_view y, std::string_view m, std::string_view d) {
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  if (!is_valid_date(to_int(y), to_int(m), to_int(d))) return std::nullopt;
  std::string iso;
  iso.reserve(10);
  iso.append(y).append(1, '-').append(m).append(1, '-').append(d);
  return iso;
}

std::chrono::sys_days to_sys_days(const std::string& iso) {
  const int year = to_int(std::string_view(iso).substr(0, 4));
  const int month = to_int(std::string_view(iso).substr(5, 2));
  const int day = to_int(std::string_view(iso).substr(8, 2));
  return std::chrono::year_month_day{std::chrono::year{year},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}};
}

}  // namespace

int days_between(const std::string& from, const std::string& to) {
  return static_cast<int>((to_sys_days(to) - to_sys_days(from)).count());
}

std::string add_days(const std::string& date, int days) {
  const std::chrono::year_month_day moved{to_sys_days(date) + std::chrono::days{days}};
  return format_iso(static_cast<int>(moved.year()),
                    static_cast<int>(static_cast<unsigned>(moved.month())),
                    static_cast<int>(static_cast<unsigned>(moved.day())));
}

std::string today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return format_iso(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= days;
}

std::optional<std::string> parse_french_date(std::string_view text) {
  text = trim(text);
  if (text.size() > 10 && text[10] == ' ') text = text.substr(0, 10);
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  return checked(text.substr(6, 4), text.substr(3, 2), text.substr(0, 2));
}

std::optional<std::string> parse_iso_date(std::string_view text) {
  text = trim(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return checked(text.substr(0, 4), text.substr(5, 2), text.substr(8, 2));
}

}  // namespace edusync
