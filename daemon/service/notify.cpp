#include "service/notify.hpp"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <ctime>

namespace edusync::service::notify {
namespace {

// sd_notify returns > 0 when the datagram went out, 0 when NOTIFY_SOCKET is unset, < 0 on error.
bool send(const std::string& message) {
  return ::sd_notify(0, message.c_str()) > 0;
}

bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

bool is_control(char byte) {
  const auto value = static_cast<unsigned char>(byte);
  return value < 0x20U || value == 0x7FU;
}

std::string monotonic_usec() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  const auto usec = static_cast<long long>(now.tv_sec) * 1'000'000LL + now.tv_nsec / 1'000;
  return std::to_string(usec);
}

}  // namespace

std::string status_text(std::string_view line) {
  std::string text(line);
  for (char& byte : text) {
    if (is_control(byte)) byte = ' ';
  }
  if (text.size() <= kMaxStatusBytes) return text;
  constexpr std::string_view kEllipsis = "…";
  std::size_t cut = kMaxStatusBytes - kEllipsis.size();
  while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
  text.resize(cut);
  text += kEllipsis;
  return text;
}

bool ready() {
  return send("READY=1");
}

bool status(std::string_view line) {
  return send("STATUS=" + status_text(line));
}

bool reloading() {
  return send("RELOADING=1\nMONOTONIC_USEC=" + monotonic_usec());
}

bool stopping() {
  return send("STOPPING=1");
}

bool watchdog() {
  return send("WATCHDOG=1");
}

std::optional<std::chrono::microseconds> watchdog_interval() {
  if (std::getenv("NOTIFY_SOCKET") == nullptr) return std::nullopt;
  std::uint64_t usec = 0;
  // > 0: on for this process (WATCHDOG_PID, when set, is ours); 0: off; < 0: a malformed value.
  if (::sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace edusync::service::notify
