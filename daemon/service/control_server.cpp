#include "service/control_server.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "common/log.hpp"
#include "text/message.hpp"

namespace edusync::service {
namespace {

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;
using boost::system::error_code;
using nlohmann::json;
namespace fs = std::filesystem;

constexpr char kComponent[] = "control";

using text::arg;

std::string say(const ControlServerOptions& options, const char* id,
                std::vector<text::Arg> args = {}) {
  return text::render(text::message(id, std::move(args)), options.language);
}

std::optional<gid_t> configured_group(const ControlServerOptions& options) {
  if (options.group.empty()) return std::nullopt;
  const auto gid = group_id(options.group);
  if (!gid)
    throw ControlSocketError(
        say(options, "service.control.no_group",
            {arg("path", options.socket_path.string()), arg("group", options.group)}));
  return gid;
}

std::string refusal_reason(const Peer& peer, const ControlServerOptions& options) {
  auto group = text::verbatim("");
  if (!options.group.empty())
    group = text::message("service.control.refusal_group", {arg("group", options.group)});
  return say(options, "service.control.refusal",
             {arg("uid", std::to_string(peer.uid)), text::nested("group", group)});
}

// A socket file left by a process that died is removed; anything else at the path is refused.
void clear_stale_socket(asio::io_context& io, const fs::path& path,
                        const ControlServerOptions& options) {
  std::error_code status_error;
  const auto status = fs::symlink_status(path, status_error);
  if (!fs::exists(status)) return;
  if (!fs::is_socket(status))
    throw ControlSocketError(
        say(options, "service.control.not_a_socket", {arg("path", path.string())}));
  stream::socket probe(io);
  error_code error;
  probe.connect(stream::endpoint(path.string()), error);
  if (!error)
    throw ControlSocketError(
        say(options, "service.control.already_served", {arg("path", path.string())}));
  if (error != asio::error::connection_refused)
    throw ControlSocketError(say(options, "service.control.cannot_check",
                                 {arg("path", path.string()), arg("error", error.message())}));
  fs::remove(path);
  log::event(log::Level::info, kComponent, "CONTROL_STALE_SOCKET",
             say(options, "service.control.stale_removed", {arg("path", path.string())}),
             {{"path", path.string()}});
}

}  // namespace

class ControlSession;

struct ControlServerState : std::enable_shared_from_this<ControlServerState> {
  ControlServerState(asio::io_context& context, ControlServerOptions settings,
                     ControlHandler answer)
      : io(context),
        options(std::move(settings)),
        handler(std::move(answer)),
        policy(::geteuid(), configured_group(options)),
        acceptor(context),
        retry(context) {}

  void listen();
  void accept_next();
  void close();

  asio::io_context& io;
  ControlServerOptions options;
  ControlHandler handler;
  PeerPolicy policy;
  stream::acceptor acceptor;
  asio::steady_timer retry;  // after an accept error, before accepting again
  std::map<std::uint64_t, std::weak_ptr<ControlSession>> sessions;
  std::uint64_t next_session = 0;
  bool closed = false;
  dev_t device = 0;  // the socket file this server bound, removed only if still there
  ino_t inode = 0;
};

// One client connection: peer check, then request line -> answer line until the client goes.
// Kept alive by its pending operations; closing the socket ends them.
class ControlSession : public std::enable_shared_from_this<ControlSession> {
 public:
  ControlSession(stream::socket socket, std::shared_ptr<ControlServerState> server,
                 std::uint64_t id)
      : socket_(std::move(socket)),
        idle_(socket_.get_executor()),
        buffer_(kMaxRequestLine + 2),  // the line, a '\r' and the '\n'
        server_(std::move(server)),
        id_(id) {}

  void start() {
    const auto peer = peer_of(socket_.native_handle());
    if (!peer) {
      answer(error_response(say(server_->options, "service.control.unknown_peer")), true);
      return;
    }
    peer_ = *peer;
    if (!server_->policy.allows(peer_)) {
      refuse();
      return;
    }
    if (server_->sessions.size() > server_->options.max_connections) {
      answer(error_response(say(server_->options, "service.control.too_many")), true);
      return;
    }
    read_next();
  }

  void close() {
    error_code ignored;
    idle_.cancel();
    socket_.shutdown(stream::socket::shutdown_both, ignored);
    socket_.close(ignored);
    server_->sessions.erase(id_);
  }

 private:
  void refuse() {
    const auto reason = refusal_reason(peer_, server_->options);
    log::event(log::Level::warn, kComponent, "CONTROL_PEER_REFUSED",
               say(server_->options, "service.control.peer_refused_log",
                   {arg("path", server_->options.socket_path.string()), arg("reason", reason),
                    arg("pid", std::to_string(peer_.pid))}),
               {{"uid", std::to_string(peer_.uid)},
                {"gid", std::to_string(peer_.gid)},
                {"pid", std::to_string(peer_.pid)}});
    answer(error_response(
               say(server_->options, "service.control.access_refused", {arg("reason", reason)})),
           true);
  }

  void read_next() {
    idle_.expires_after(server_->options.idle_timeout);
    idle_.async_wait([self = shared_from_this()](const error_code& error) {
      if (!error) self->close();
    });
    asio::async_read_until(socket_, buffer_, '\n',
                           [self = shared_from_this()](const error_code& error, std::size_t size) {
                             self->on_read(error, size);
                           });
  }

  void on_read(const error_code& error, std::size_t size) {
    if (error == asio::error::not_found) {  // the buffer is full and holds no newline
      answer(error_response(
                 say(server_->options, "service.request.refused",
                     {text::nested("reason",
                                   text::message("service.request.too_long",
                                                 {arg("max", std::to_string(kMaxRequestLine))}))})),
             true);
      return;
    }
    if (error) {  // the client went (mid-line or not), or close() was called
      close();
      return;
    }
    const auto begin = asio::buffers_begin(buffer_.data());
    std::string line(begin, begin + static_cast<std::ptrdiff_t>(size - 1));
    buffer_.consume(size);
    answer(respond(line), false);
  }

  json respond(const std::string& line) const {
    auto parsed = parse_request(line, server_->options.language);
    if (!parsed.request) return error_response(parsed.error);
    try {
      return server_->handler(*parsed.request, peer_);
    } catch (const std::exception& failure) {
      log::event(log::Level::error, kComponent, "CONTROL_HANDLER_FAILED",
                 say(server_->options, "service.control.handler_failed_log",
                     {arg("command", std::string(command_name(parsed.request->command))),
                      arg("error", failure.what())}),
                 {{"command", std::string(command_name(parsed.request->command))}});
      return error_response(
          say(server_->options, "service.control.internal_error", {arg("error", failure.what())}));
    }
  }

  void answer(const json& response, bool then_close) {
    outgoing_ = to_line(response);
    asio::async_write(
        socket_, asio::buffer(outgoing_),
        [self = shared_from_this(), then_close](const error_code& error, std::size_t) {
          if (error || then_close) {
            self->close();
          } else {
            self->read_next();
          }
        });
  }

  stream::socket socket_;
  asio::steady_timer idle_;
  asio::streambuf buffer_;
  std::string outgoing_;
  Peer peer_;
  std::shared_ptr<ControlServerState> server_;
  std::uint64_t id_;
};

void ControlServerState::listen() {
  const auto& path = options.socket_path;
  try {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    clear_stale_socket(io, path, options);
    acceptor.open(stream());
    acceptor.bind(stream::endpoint(path.string()));
    acceptor.listen();
  } catch (const ControlSocketError&) {
    throw;
  } catch (const std::exception& failure) {
    throw ControlSocketError(say(options, "service.control.cannot_listen",
                                 {arg("path", path.string()), arg("error", failure.what())}));
  }
  struct stat bound {};
  if (::lstat(path.c_str(), &bound) == 0) {
    device = bound.st_dev;
    inode = bound.st_ino;
  }
  if (::chmod(path.c_str(), 0660) != 0)
    throw ControlSocketError(
        say(options, "service.control.cannot_chmod", {arg("path", path.string())}));
  if (const auto gid = configured_group(options);
      gid && ::chown(path.c_str(), static_cast<uid_t>(-1), *gid) != 0)
    throw ControlSocketError(say(options, "service.control.cannot_chown",
                                 {arg("path", path.string()), arg("group", options.group)}));
}

void ControlServerState::accept_next() {
  acceptor.async_accept(
      [self = shared_from_this()](const error_code& error, stream::socket socket) {
        if (self->closed) return;
        if (error) {  // out of descriptors...: the server goes on after a pause, not in a busy loop
          self->retry.expires_after(std::chrono::milliseconds(100));
          self->retry.async_wait([self](const error_code& waited) {
            if (!waited && !self->closed) self->accept_next();
          });
          return;
        }
        const auto id = self->next_session++;
        auto session = std::make_shared<ControlSession>(std::move(socket), self, id);
        self->sessions[id] = session;
        session->start();
        self->accept_next();
      });
}

void ControlServerState::close() {
  if (closed) return;
  closed = true;
  error_code ignored;
  acceptor.close(ignored);
  retry.cancel();
  for (auto sessions_left = std::exchange(sessions, {}); auto& [id, weak] : sessions_left)
    if (const auto session = weak.lock()) session->close();
  struct stat now {};
  const auto& path = options.socket_path;
  if (::lstat(path.c_str(), &now) == 0 && now.st_dev == device && now.st_ino == inode)
    ::unlink(path.c_str());
}

ControlServerOptions control_options(const config::Config& config) {
  ControlServerOptions options;
  options.socket_path = config.control_socket;
  options.group = config.control_group;
  options.language = config.report.language;
  return options;
}

ControlServer::ControlServer(asio::io_context& io, ControlServerOptions options,
                             ControlHandler handler)
    : state_(std::make_shared<ControlServerState>(io, std::move(options), std::move(handler))) {
  try {
    state_->listen();
  } catch (...) {
    state_->close();
    throw;
  }
  state_->accept_next();
}

ControlServer::~ControlServer() {
  close();
}

void ControlServer::close() {
  state_->close();
}

void ControlServer::set_language(const std::string& language) {
  state_->options.language = language;
}

const std::filesystem::path& ControlServer::path() const {
  return state_->options.socket_path;
}

}  // namespace edusync::service
