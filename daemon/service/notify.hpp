#pragma once
// What the service tells systemd (sd_notify(3), systemd.service(5) Type=notify): that it is
// ready, reloading or stopping, a one-line status shown by `systemctl status`, and the
// watchdog's keep-alive. Every function does nothing and returns false when the process was not
// started by systemd (NOTIFY_SOCKET unset), so the daemon calls them unconditionally. A message
// that cannot be sent is lost (false): telling systemd never stops the service's work.
// Thread-safe (each call is one datagram on a socket of its own).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace edusync::service::notify {

// READY=1: startup is finished (the control socket listens), or a reload is over.
bool ready();

// STATUS=<line>: what the service is doing, in French, kept current
// ("inactif, prochain passage 02:30", "passage 2025-…: annuaire SambaEdu 40 %"). The status
// is one line: line breaks and other control characters become spaces, and a line longer than
// kMaxStatusBytes is cut there (on a UTF-8 character boundary) and ends with "…".
bool status(std::string_view line);
inline constexpr std::size_t kMaxStatusBytes = 400;

// RELOADING=1 with MONOTONIC_USEC=<now>: a reload (SIGHUP) has begun; call ready() when the new
// configuration is in force. systemd 253 and later need MONOTONIC_USEC to match a reload with
// its Type=notify-reload request; systemd 252 (Debian 12) ignores that variable, as it ignores
// every variable it does not know, so the same message serves both.
bool reloading();

// STOPPING=1: the service is shutting down (after SIGTERM, before the loop ends).
bool stopping();

// WATCHDOG=1: the event loop is alive. Send it every watchdog_interval().
bool watchdog();

// Half of WatchdogSec= (the period at which watchdog() should be called, as sd_watchdog_enabled(3)
// advises), or nothing when the watchdog is off for this process: NOTIFY_SOCKET or WATCHDOG_USEC
// unset, WATCHDOG_USEC not a positive number, or WATCHDOG_PID naming another process.
std::optional<std::chrono::microseconds> watchdog_interval();

// The text status() sends after STATUS= (exposed for its tests).
std::string status_text(std::string_view line);

}  // namespace edusync::service::notify
