#pragma once
// For the control socket tests: a ControlServer on a real io_context run by a thread, raw
// clients on plain POSIX sockets (to send what `edusync ctl` never would), and status payloads.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <cstring>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "service/control_server.hpp"

namespace edusync::test {

// The server and the thread running its io_context; stop() closes the server on that thread.
class RunningServer {
 public:
  RunningServer(service::ControlServerOptions options, service::ControlHandler handler)
      : server_(io_, std::move(options), std::move(handler)), thread_([this] { io_.run(); }) {}
  ~RunningServer() { stop(); }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  // Closes the server and waits for the loop to run out of work (every connection ended).
  void stop() {
    if (!thread_.joinable()) return;
    boost::asio::post(io_, [this] { server_.close(); });
    thread_.join();
  }
  const std::filesystem::path& path() const { return server_.path(); }

 private:
  boost::asio::io_context io_;
  service::ControlServer server_;
  std::thread thread_;
};

// A connected Unix stream socket, or -1 (errno set). Async-signal-safe: usable after fork().
inline int connect_raw(const char* path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path, sizeof address.sun_path - 1);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

inline bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Bytes up to and without the next '\n'; nullopt on end of stream, error, or nothing within
// `limit` (a bound against hangs, not a timing expectation).
inline std::optional<std::string> read_line(
    int fd, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd wait{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&wait, 1, static_cast<int>(left.count())) <= 0)
      return std::nullopt;
    char c = 0;
    if (::recv(fd, &c, 1, 0) != 1) return std::nullopt;
    if (c == '\n') return line;
    line += c;
  }
}

// Whether the peer closed the connection (after any bytes it still sends) within `limit`.
inline bool closed_by_peer(int fd, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd wait{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&wait, 1, static_cast<int>(left.count())) <= 0) return false;
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return true;
  }
}

// A status payload with every field filled, as the service sends it while a run is applied.
inline nlohmann::json full_status() {
  return nlohmann::json::parse(R"json({
    "ok": true,
    "state": "running",
    "run": {"id": "20261203T013000Z-1a2b", "trigger": "schedule", "stage": "applying",
            "connector": "sambaedu", "progress": {"done": 120, "total": 450},
            "connector_progress": {"done": 400, "total": 1000},
            "started": "2026-12-03T01:30:00Z"},
    "last_run": {"id": "20261202T013000Z-0f0f", "trigger": "inbox", "status": "partial",
                 "finished": "2026-12-02T01:32:10+01:00",
                 "changes": {"pupils": {"added": 3, "updated": 1, "departed": 0, "returned": 0, "removed": 0},
                             "guardians": {"added": 1, "updated": 0, "departed": 2, "returned": 0, "removed": 0},
                             "staff": {"added": 0, "updated": 0, "departed": 0, "returned": 0, "removed": 0},
                             "divisions": {"added": 0, "removed": 0, "renamed": 0},
                             "groups": {"added": 2, "removed": 0, "renamed": 0},
                             "memberships": {"added": 5, "removed": 1}},
                 "report": "/var/lib/edusync/reports/20261202T013000Z-0f0f",
                 "error": "le connecteur koxo a échoué"},
    "next_scheduled": "2026-12-04T02:30:00+01:00",
    "queued": [{"trigger": "inbox", "requested": "2026-12-03T01:31:00Z"},
               {"trigger": "resync", "requested": "2026-12-03T01:32:00Z", "recompute": true, "only": "koxo"}],
    "held": [{"id": "20261201T013000Z-beef", "reason": "14 % des élèves partiraient (seuil 10 %)",
              "finished": "2026-12-01T01:31:00Z"}],
    "connectors": [{"name": "sambaedu", "type": "ldap-sambaedu", "last_status": "ok", "last_run": "20261202T013000Z-0f0f"},
                   {"name": "koxo", "type": "koxo", "last_status": "failed", "last_run": "20261202T013000Z-0f0f",
                    "error": "écriture impossible"},
                   {"name": "pix", "type": "pix", "last_status": null, "last_run": null}],
    "uptime_seconds": 183900,
    "version": "0.9.0"
  })json");
}

// A service just started on an empty state: nothing ran, nothing is configured.
inline nlohmann::json empty_status() {
  return nlohmann::json::parse(R"json({
    "ok": true, "state": "idle", "run": null, "last_run": null, "next_scheduled": null,
    "queued": [], "held": [], "connectors": [], "uptime_seconds": 0, "version": "0.9.0"
  })json");
}

}  // namespace edusync::test
