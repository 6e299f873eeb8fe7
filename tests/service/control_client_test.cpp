// The client side of the control socket: the answer of a real server, and every way of failing
// with its French message naming the socket: nothing there, a stale socket, no permission, a
// server that never answers, closes without answering or answers nonsense.
#include "service/control_client.hpp"

#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <filesystem>
#include <thread>

#include "service/control_protocol.hpp"
#include "service/control_test_support.hpp"
#include "support/test_support.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;
namespace asio = boost::asio;
using stream = asio::local::stream_protocol;

const json kStatus = {{"command", "status"}};

// The exception send_request throws, as `edusync ctl` prints it; "" when it does not throw.
template <class Error>
std::string failure_of(const std::string& path,
                       std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  try {
    send_request(path, kStatus, timeout);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

TEST(ControlClient, AnswersOfARealServer) {
  const test::TempDir dir;
  ControlServerOptions options;
  options.socket_path = dir.path() / "control.sock";
  test::RunningServer server(options, [](const Request& request, const Peer&) {
    return request.command == Command::pause ? ok_response() : error_response("non");
  });
  EXPECT_EQ(send_request(options.socket_path, {{"command", "pause"}}), ok_response());
  // An error answer is an answer: returned, not thrown.
  EXPECT_EQ(send_request(options.socket_path, {{"command", "stop"}}), error_response("non"));
}

TEST(ControlClient, NothingThereIsUnavailable) {
  const test::TempDir dir;
  const auto path = (dir.path() / "control.sock").string();
  EXPECT_EQ(failure_of<ControlUnavailable>(path),
            "aucun service edusync ne répond sur " + path +
                " : le socket n'existe pas (le service est-il démarré ?)");
}

TEST(ControlClient, AStaleSocketIsUnavailable) {
  const test::TempDir dir;
  const auto path = (dir.path() / "control.sock").string();
  {
    asio::io_context io;
    stream::acceptor left_behind(io, stream::endpoint(path));
  }
  EXPECT_EQ(failure_of<ControlUnavailable>(path),
            "aucun service edusync ne répond sur " + path +
                " : connexion refusée (socket laissé par un service arrêté)");
}

TEST(ControlClient, APeerTheSocketModeKeepsOutIsToldSo) {
  const test::TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  ControlServerOptions options;
  options.socket_path = dir.path() / "control.sock";
  asio::io_context io;  // not run: the connection is refused by the file's mode, before
  ControlServer server(io, options, [](const Request&, const Peer&) { return ok_response(); });
  const passwd* nobody = ::getpwnam("nobody");
  ASSERT_NE(nobody, nullptr);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();  // no other thread runs: the child may allocate
  if (child == 0) {
    ::close(pipe_fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(nobody->pw_gid) != 0 ||
        ::setuid(nobody->pw_uid) != 0)
      ::_exit(2);
    const auto message = failure_of<ControlError>(options.socket_path.string());
    (void)!::write(pipe_fds[1], message.data(), message.size());
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char buffer[1024];
  for (ssize_t n = 0; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(message, "accès refusé au socket " + options.socket_path.string() +
                         " : il faut être root, l'utilisateur du service ou membre du groupe "
                         "control_group");
}

// A listening socket served by a thread doing `serve` with each accepted connection.
class FakeServer {
 public:
  FakeServer(const std::string& path, std::function<void(stream::socket&)> serve)
      : acceptor_(io_, stream::endpoint(path)), thread_([this, serve = std::move(serve)] {
          stream::socket socket(io_);
          boost::system::error_code error;
          acceptor_.accept(socket, error);
          if (!error) serve(socket);
        }) {}
  ~FakeServer() {
    thread_.join();
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  }

 private:
  asio::io_context io_;
  stream::acceptor acceptor_;
  std::thread thread_;
};

void read_request(stream::socket& socket) {
  asio::streambuf request;
  boost::system::error_code error;
  asio::read_until(socket, request, '\n', error);
}

TEST(ControlClient, AServerThatNeverAnswersTimesOut) {
  const test::TempDir dir;
  const auto path = (dir.path() / "control.sock").string();
  asio::io_context io;
  stream::acceptor listening(io, stream::endpoint(path));  // connects, never accepted
  EXPECT_EQ(failure_of<ControlError>(path, std::chrono::milliseconds(200)),
            "le service edusync sur " + path + " n'a pas répondu en 1 s");
}

TEST(ControlClient, AServerThatClosesOrAnswersNonsense) {
  const test::TempDir dir;
  const auto path = (dir.path() / "control.sock").string();
  {
    const FakeServer closing(path, [](stream::socket& socket) {
      read_request(socket);
      socket.close();
    });
    EXPECT_EQ(failure_of<ControlError>(path),
              "le service edusync sur " + path + " a fermé la connexion sans répondre");
  }
  for (const std::string nonsense : {"pas du json\n", "[1,2]\n", "{\"ok\":\"oui\"}\n"}) {
    std::filesystem::remove(path);
    const FakeServer lying(path, [&](stream::socket& socket) {
      read_request(socket);
      asio::write(socket, asio::buffer(nonsense));
    });
    EXPECT_EQ(failure_of<ControlError>(path),
              "le service edusync sur " + path + " a envoyé une réponse illisible")
        << nonsense;
  }
}

TEST(ControlClient, AnAnswerSentWithoutReadingTheRequestIsReturned) {
  // As the service refuses a peer: one error line, closed before the request is read (the
  // client's write may then fail; the answer must still be read).
  const test::TempDir dir;
  const auto path = (dir.path() / "control.sock").string();
  for (int i = 0; i < 20; ++i) {
    std::filesystem::remove(path);
    const FakeServer refusing(path, [](stream::socket& socket) {
      asio::write(socket, asio::buffer(std::string("{\"ok\":false,\"error\":\"accès refusé\"}\n")));
      socket.close();
    });
    EXPECT_EQ(send_request(path, kStatus, std::chrono::seconds(20)),
              error_response("accès refusé"));
  }
}

TEST(ControlClient, APathTooLongForASocketIsAnError) {
  const std::string path = "/tmp/" + std::string(200, 'x') + "/control.sock";
  EXPECT_TRUE(
      failure_of<ControlError>(path).starts_with("impossible de joindre le service "
                                                 "edusync sur /tmp/xxx"));
}

}  // namespace
}  // namespace edusync::service
