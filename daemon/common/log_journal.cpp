// Events to the system journal (common/log.hpp, "The system journal").
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <utility>

#include "common/log.hpp"
// Without this, sd_journal_sendv() would add the location of this file to every entry.
#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-journal.h>

namespace edusync::log {
namespace {

constexpr std::size_t kMaxJournalFieldName = 64;  // journald refuses longer names

int syslog_priority(Level level) {
  switch (level) {
    case Level::debug: return 7;
    case Level::info: return 6;
    case Level::warn: return 4;
    case Level::error: return 3;
  }
  return 6;
}

char journal_name_char(char c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return c;
  return '_';
}

// One decimal number from the start of `text`, which is advanced past it; false when there is
// none or it overflows.
bool take_number(std::string_view& text, std::uint64_t& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return false;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return true;
}

int sd_journal_send_entry(const std::vector<std::string>& entry) {
  std::vector<iovec> items;
  items.reserve(entry.size());
  for (const auto& item : entry) {
    // sd_journal_sendv only reads the items; its C signature has no const.
    items.push_back({const_cast<char*>(item.data()), item.size()});  // NOLINT
  }
  return ::sd_journal_sendv(items.data(), static_cast<int>(items.size()));
}

}  // namespace

std::string journal_field_name(std::string_view key) {
  std::string name = "EDUSYNC_";
  for (const char c : key) name += journal_name_char(c);
  if (name.size() > kMaxJournalFieldName) name.resize(kMaxJournalFieldName);
  return name;
}

std::vector<std::string> journal_entry(const Event& event) {
  std::vector<std::string> entry{
      "MESSAGE=" + event.message,   "PRIORITY=" + std::to_string(syslog_priority(event.level)),
      "SYSLOG_IDENTIFIER=edusync",  "EDUSYNC_COMPONENT=" + event.component,
      "EDUSYNC_CODE=" + event.code,
  };
  for (const auto& [key, value] : event.fields) {
    entry.push_back(journal_field_name(key) + '=' + value);
  }
  return entry;
}

void use_journald(JournalSend send) {
  if (!send) send = sd_journal_send_entry;
  set_sink([send = std::move(send)](const Event& event) {
    if (event.level < Level::info) return;
    if (send(journal_entry(event)) < 0) to_stderr(event);
  });
}

bool is_journal_stream(std::string_view journal_stream, std::uint64_t device, std::uint64_t inode) {
  std::uint64_t stream_device = 0;
  std::uint64_t stream_inode = 0;
  if (!take_number(journal_stream, stream_device)) return false;
  if (journal_stream.empty() || journal_stream.front() != ':') return false;
  journal_stream.remove_prefix(1);
  if (!take_number(journal_stream, stream_inode) || !journal_stream.empty()) return false;
  return stream_device == device && stream_inode == inode;
}

bool stderr_is_journal() {
  const char* journal_stream = std::getenv("JOURNAL_STREAM");
  if (journal_stream == nullptr) return false;
  struct stat status {};
  if (::fstat(STDERR_FILENO, &status) != 0) return false;
  return is_journal_stream(journal_stream, status.st_dev, status.st_ino);
}

bool use_journald_if_stderr_is_journal() {
  if (!stderr_is_journal()) return false;
  use_journald();
  return true;
}

}  // namespace edusync::log
