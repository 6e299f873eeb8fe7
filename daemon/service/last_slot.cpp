#include "service/last_slot.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "common/dates.hpp"
#include "common/file_writer.hpp"
#include "common/log.hpp"
#include "common/text.hpp"

namespace edusync::service {
namespace {

// A record is 21 bytes; anything much longer is not one and is not read further.
constexpr std::size_t kMaxRecordBytes = 256;

// The number of `count` digits at `text[start]`, or -1.
int number_at(std::string_view text, std::size_t start, std::size_t count) {
  int value = 0;
  for (std::size_t i = start; i < start + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// What the file holds, for the message: at most 40 bytes, anything unprintable as '?'.
std::string shown(std::string_view content) {
  std::string out;
  for (const char c : content.substr(0, 40)) out += (c >= ' ' && c <= '~') ? c : '?';
  return content.size() > 40 ? out + "..." : out;
}

void report_unreadable(const std::string& path, int error) {
  log::event(log::Level::warn, "schedule", "SCHEDULE_LAST_UNREADABLE",
             text::message("service.slot.unreadable",
                           {text::arg("path", path), text::arg("error", system_error_text(error))}),
             {{"path", path}});
}

void report_corrupt(const std::string& path, std::string_view content) {
  log::event(log::Level::warn, "schedule", "SCHEDULE_LAST_CORRUPT",
             text::message("service.slot.corrupt",
                           {text::arg("path", path), text::arg("found", shown(content))}),
             {{"path", path}});
}

// The first kMaxRecordBytes + 1 bytes of the file; nullopt when it does not exist; `error` set
// when it cannot be read.
std::optional<std::string> read_head(const std::string& path, int& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = errno == ENOENT ? 0 : errno;
    return std::nullopt;
  }
  std::string content(kMaxRecordBytes + 1, '\0');
  std::size_t size = 0;
  while (size < content.size()) {
    const auto got = ::read(fd, content.data() + size, content.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) error = errno;
    if (got <= 0) break;
    size += static_cast<std::size_t>(got);
  }
  ::close(fd);
  content.resize(size);
  return content;
}

// 0 to 99 as two digits.
std::string two(long value) {
  return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

std::filesystem::path last_slot_path(const std::filesystem::path& state_dir) {
  return state_dir / "schedule.last";
}

std::optional<SystemTime> read_last_slot(const std::filesystem::path& state_dir) {
  const auto path = last_slot_path(state_dir).string();
  int error = 0;
  const auto content = read_head(path, error);
  if (error != 0) {
    report_unreadable(path, error);
    return std::nullopt;
  }
  if (!content) return std::nullopt;
  const auto slot = content->size() > kMaxRecordBytes ? std::nullopt : parse_utc(trim(*content));
  if (!slot) report_corrupt(path, *content);
  return slot;
}

void write_last_slot(const std::filesystem::path& state_dir, SystemTime slot) {
  auto file = FileWriter::replace(last_slot_path(state_dir).string());
  file << format_utc(slot) << "\n";
  file.commit();
}

std::string format_utc(SystemTime time) {
  using namespace std::chrono;
  const auto seconds = floor<std::chrono::seconds>(time);
  const auto day = floor<days>(seconds);
  const year_month_day date(day);
  const hh_mm_ss clock(seconds - day);
  return std::to_string(static_cast<int>(date.year())) + "-" +
         two(static_cast<unsigned>(date.month())) + "-" + two(static_cast<unsigned>(date.day())) +
         "T" + two(clock.hours().count()) + ":" + two(clock.minutes().count()) + ":" +
         two(clock.seconds().count()) + "Z";
}

std::optional<SystemTime> parse_utc(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  const int year = number_at(text, 0, 4);
  const int month = number_at(text, 5, 2);
  const int day = number_at(text, 8, 2);
  const int hours = number_at(text, 11, 2);
  const int minutes = number_at(text, 14, 2);
  const int seconds = number_at(text, 17, 2);
  if (!is_valid_date(year, month, day) || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 ||
      seconds < 0 || seconds > 59) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const sys_days date =
      year_month_day(std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                     std::chrono::day(static_cast<unsigned>(day)));
  return SystemTime(date) + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
         std::chrono::seconds(seconds);
}

}  // namespace edusync::service
