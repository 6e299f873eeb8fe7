#pragma once
// The control socket of `edusync daemon`: a Unix stream socket on the service's event loop,
// speaking control_protocol.hpp. Every connection is checked with the kernel's peer
// credentials (peer_access.hpp) before a byte is read; a peer that may not use it gets one
// error line and is logged (CONTROL_PEER_REFUSED). Then each request line gets one answer line
// from the handler, in order; several clients are served at once (docs/control.md). A client that
// sends a line too long, goes silent or disconnects only loses its own connection.
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "config/config.hpp"
#include "service/control_protocol.hpp"
#include "service/peer_access.hpp"

namespace edusync::service {

// The answer to one checked request: ok_response(...) or error_response(...). Called on the
// io_context's thread, so it must not block; an exception it throws becomes an error answer.
using ControlHandler = std::function<nlohmann::json(const Request&, const Peer&)>;

struct ControlServerOptions {
  std::filesystem::path socket_path = "/run/edusync/control.sock";  // config key control_socket
  std::string group;  // config key control_group; empty: root and the service's user only
  std::size_t max_connections = 32;        // beyond: an error line, then closed
  std::chrono::seconds idle_timeout{300};  // a connection silent this long is closed
  std::string language = "fr";             // of refusals and errors: fr or en
};

// control_socket and control_group of the configuration; the limits keep their defaults.
ControlServerOptions control_options(const config::Config& config);

// The socket cannot be set up: another service answers on it, the path is not a socket, the
// group is unknown, bind or chown failed. The message is French and names the path.
class ControlSocketError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ControlServerState;  // control_server.cpp

class ControlServer {
 public:
  // Binds and listens at once (throws ControlSocketError): a socket file left by a dead
  // process is removed (CONTROL_STALE_SOCKET), a live one is not touched. The parent
  // directory is created when missing. The file gets mode 0660 and, with a group, that group.
  // Connections are then accepted by `io` once it runs.
  ControlServer(boost::asio::io_context& io, ControlServerOptions options, ControlHandler handler);
  // close().
  ~ControlServer();
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;

  // Stops accepting, closes every connection and removes the socket file (if it is still the
  // one this server bound). Idempotent. Call it on the io_context's thread, or while the
  // io_context is not running.
  void close();
  const std::filesystem::path& path() const;
  // The language of the refusals and errors from now on (a reload changed report.language).
  // On the io_context's thread.
  void set_language(const std::string& language);

 private:
  std::shared_ptr<ControlServerState> state_;
};

}  // namespace edusync::service
