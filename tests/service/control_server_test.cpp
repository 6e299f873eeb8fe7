// The control socket on a real io_context in a thread, with real clients: round trips, several
// clients at once, bad and oversized lines, clients that go mid-line or stay silent, the
// socket file (stale, live, not a socket, mode, group, removal), and peers refused by their
// kernel credentials, from a child process turned into `nobody`.
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <atomic>
#include <boost/asio/local/stream_protocol.hpp>
#include <cstring>
#include <filesystem>
#include <future>
#include <mutex>
#include <vector>

#include "common/log.hpp"
#include "service/control_client.hpp"
#include "service/control_protocol.hpp"
#include "service/control_schema_support.hpp"
#include "service/control_test_support.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Answers status with the full payload, runs with one run, the rest with a message; records
// what it was asked and by whom.
struct RecordingHandler {
  std::mutex mutex;
  std::vector<std::pair<Request, Peer>> calls;

  ControlHandler handler() {
    return [this](const Request& request, const Peer& peer) {
      {
        const std::lock_guard lock(mutex);
        calls.emplace_back(request, peer);
      }
      switch (request.command) {
        case Command::status: return test::full_status();
        case Command::runs:
          return ok_response({{"runs", json::array({{{"id", "20261202T013000Z-0f0f"},
                                                     {"trigger", nullptr},
                                                     {"status", "ok"},
                                                     {"started", "2026-12-02T01:30:00Z"},
                                                     {"finished", "2026-12-02T01:32:10Z"},
                                                     {"report", "/var/lib/edusync/reports/x"}}})}});
        case Command::reload: throw std::runtime_error("configuration illisible");
        default:
          return ok_response({{"message", "fait : " + std::string(command_name(request.command))}});
      }
    };
  }
  std::size_t count() {
    const std::lock_guard lock(mutex);
    return calls.size();
  }
};

class ControlServerTest : public ::testing::Test {
 protected:
  ControlServerOptions options() const {
    ControlServerOptions made;
    made.socket_path = dir.path() / "run" / "control.sock";
    return made;
  }
  std::string path() const { return options().socket_path.string(); }
  json ask(const json& request) { return send_request(path(), request, std::chrono::seconds(20)); }

  log::Capture capture;  // destroyed last: the server thread logs into it
  test::TempDir dir;
  RecordingHandler recorder;
};

TEST_F(ControlServerTest, RoundTripThroughTheClient) {
  test::RunningServer server(options(), recorder.handler());
  const auto status = ask(request_json({}));
  EXPECT_EQ(status, test::full_status());
  EXPECT_EQ(test::control_schema_problems(status), "");
  Request runs;
  runs.command = Command::runs;
  runs.count = 5;
  const auto listed = ask(request_json(runs));
  EXPECT_EQ(listed["runs"].size(), 1u);
  EXPECT_EQ(test::control_schema_problems(listed), "");
  const auto paused = ask({{"command", "pause"}});
  EXPECT_EQ(paused, ok_response({{"message", "fait : pause"}}));
  EXPECT_EQ(test::control_schema_problems(paused), "");
  ASSERT_EQ(recorder.count(), 3u);
  EXPECT_EQ(recorder.calls[1].first.count, 5);
  EXPECT_EQ(recorder.calls[0].second.uid, 0u);  // the tests run as root
  EXPECT_EQ(recorder.calls[0].second.pid, ::getpid());
}

TEST_F(ControlServerTest, BadLinesAreAnsweredAndTheConnectionGoesOn) {
  test::RunningServer server(options(), recorder.handler());
  const int fd = test::connect_raw(path().c_str());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(test::send_all(fd, "pas du json\n{\"command\":\"redemarrer\"}\n"));
  for (const auto* expected : {"ce n'est pas du JSON valide", "commande inconnue « redemarrer »"}) {
    const auto line = test::read_line(fd);
    ASSERT_TRUE(line);
    const auto answer = json::parse(*line);
    EXPECT_EQ(answer["ok"], false);
    EXPECT_TRUE(contains(answer["error"].get<std::string>(), expected)) << *line;
    EXPECT_EQ(test::control_schema_problems(answer), "");
  }
  ASSERT_TRUE(test::send_all(fd, "{\"command\":\"resume\"}\r\n"));
  EXPECT_EQ(test::read_line(fd), R"({"message":"fait : resume","ok":true})");
  ::close(fd);
  EXPECT_EQ(recorder.count(), 1u);
}

TEST_F(ControlServerTest, AHandlerThatThrowsGivesAnErrorAnswerAndIsLogged) {
  test::RunningServer server(options(), recorder.handler());
  const auto answer = ask({{"command", "reload"}});
  EXPECT_EQ(answer, error_response("erreur interne du service : configuration illisible"));
  EXPECT_EQ(test::control_schema_problems(answer), "");
  const auto logged = capture.with_code("CONTROL_HANDLER_FAILED");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].field("command"), "reload");
  EXPECT_EQ(ask({{"command", "stop"}})["ok"], true);  // the server goes on
}

TEST_F(ControlServerTest, SeveralClientsAtOnce) {
  test::RunningServer server(options(), recorder.handler());
  // Five connections open together, answered in the order their requests come.
  std::vector<int> fds;
  for (int i = 0; i < 5; ++i) {
    fds.push_back(test::connect_raw(path().c_str()));
    ASSERT_GE(fds.back(), 0);
  }
  for (auto fd = fds.rbegin(); fd != fds.rend(); ++fd) {
    ASSERT_TRUE(test::send_all(*fd, "{\"command\":\"pause\"}\n"));
    EXPECT_EQ(test::read_line(*fd), R"({"message":"fait : pause","ok":true})");
  }
  for (const int fd : fds) ::close(fd);
  // And clients of several threads at the same time.
  std::vector<std::future<json>> answers;
  answers.reserve(8);
  for (int i = 0; i < 8; ++i)
    answers.push_back(std::async(std::launch::async, [this] {
      return ask({{"command", "status"}});
    }));
  for (auto& answer : answers) EXPECT_EQ(answer.get(), test::full_status());
  EXPECT_EQ(recorder.count(), 13u);
}

TEST_F(ControlServerTest, AnOversizedLineEndsOnlyThatConnection) {
  test::RunningServer server(options(), recorder.handler());
  const int fd = test::connect_raw(path().c_str());
  ASSERT_GE(fd, 0);
  test::send_all(fd, std::string(kMaxRequestLine + 100, 'x'));  // no newline, ever
  const auto line = test::read_line(fd);
  ASSERT_TRUE(line);
  EXPECT_EQ(json::parse(*line),
            error_response("requête refusée : ligne trop longue (plus de 65536 octets)"));
  EXPECT_TRUE(test::closed_by_peer(fd));
  ::close(fd);
  EXPECT_EQ(ask({{"command", "status"}}), test::full_status());
  EXPECT_EQ(recorder.count(), 1u);
}

TEST_F(ControlServerTest, AClientGoingMidLineOrSilentBreaksNothing) {
  auto settings = options();
  settings.idle_timeout = std::chrono::seconds(1);
  test::RunningServer server(settings, recorder.handler());
  const int going = test::connect_raw(path().c_str());
  ASSERT_GE(going, 0);
  ASSERT_TRUE(test::send_all(going, "{\"command\":\"sta"));
  ::close(going);
  // A client that asks and goes before reading its (long) answer.
  const int impatient = test::connect_raw(path().c_str());
  ASSERT_GE(impatient, 0);
  ASSERT_TRUE(test::send_all(impatient, "{\"command\":\"status\"}\n"));
  ::close(impatient);
  // A silent client is closed by the server once idle_timeout has passed.
  const int silent = test::connect_raw(path().c_str());
  ASSERT_GE(silent, 0);
  EXPECT_TRUE(test::closed_by_peer(silent));
  ::close(silent);
  EXPECT_EQ(ask({{"command", "status"}}), test::full_status());
}

TEST_F(ControlServerTest, ConnectionsBeyondTheLimitAreTurnedAway) {
  auto settings = options();
  settings.max_connections = 2;
  test::RunningServer server(settings, recorder.handler());
  std::vector<int> fds;
  for (int i = 0; i < 2; ++i) {  // answered: the server holds both
    fds.push_back(test::connect_raw(path().c_str()));
    ASSERT_TRUE(test::send_all(fds.back(), "{\"command\":\"pause\"}\n"));
    ASSERT_TRUE(test::read_line(fds.back()));
  }
  const int third = test::connect_raw(path().c_str());
  ASSERT_GE(third, 0);
  const auto line = test::read_line(third);
  ASSERT_TRUE(line);
  EXPECT_TRUE(contains(*line, "trop de connexions simultanées")) << *line;
  EXPECT_TRUE(test::closed_by_peer(third));
  for (const int fd : {fds[0], fds[1], third}) ::close(fd);
}

TEST_F(ControlServerTest, SocketFileModeGroupAndRemoval) {
  auto settings = options();
  settings.group = "nogroup";
  {
    test::RunningServer server(settings, recorder.handler());
    struct stat info {};
    ASSERT_EQ(::lstat(path().c_str(), &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
    EXPECT_EQ(info.st_mode & 07777, 0660u);
    EXPECT_EQ(info.st_gid, *group_id("nogroup"));
    server.stop();
    EXPECT_FALSE(fs::exists(fs::symlink_status(path())));
  }
  settings.group = "groupe-qui-n-existe-pas";
  boost::asio::io_context io;
  try {
    ControlServer refused(io, settings, recorder.handler());
    ADD_FAILURE() << "an unknown group was accepted";
  } catch (const ControlSocketError& error) {
    EXPECT_EQ(std::string(error.what()),
              "socket de contrôle " + path() +
                  " : le groupe « groupe-qui-n-existe-pas » (control_group) n'existe pas");
  }
}

TEST_F(ControlServerTest, CloseLeavesAFileThatIsNoLongerItsOwn) {
  test::RunningServer server(options(), recorder.handler());
  fs::remove(path());
  test::TempDir::write_absolute(path(), "autre chose");
  server.stop();
  EXPECT_EQ(test::read_file(path()), "autre chose");
}

// A socket file as a process that died leaves it: bound, never unlinked.
void leave_stale_socket(const std::string& path) {
  fs::create_directories(fs::path(path).parent_path());
  boost::asio::io_context io;
  boost::asio::local::stream_protocol::acceptor acceptor(
      io, boost::asio::local::stream_protocol::endpoint(path));
}

TEST_F(ControlServerTest, AStaleSocketFileIsReplaced) {
  leave_stale_socket(path());
  ASSERT_TRUE(fs::is_socket(path()));
  test::RunningServer server(options(), recorder.handler());
  EXPECT_EQ(ask({{"command", "status"}}), test::full_status());
  const auto logged = capture.with_code("CONTROL_STALE_SOCKET");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].field("path"), path());
}

TEST_F(ControlServerTest, ALiveServerOrAnotherFileIsNeverReplaced) {
  test::RunningServer server(options(), recorder.handler());
  boost::asio::io_context io;
  try {
    ControlServer second(io, options(), recorder.handler());
    ADD_FAILURE() << "a second server bound the same path";
  } catch (const ControlSocketError& error) {
    EXPECT_EQ(std::string(error.what()), "un autre service edusync répond déjà sur " + path());
  }
  EXPECT_EQ(ask({{"command", "status"}}), test::full_status());  // the first one still answers
  server.stop();

  test::TempDir::write_absolute(path(), "pas un socket");
  try {
    ControlServer over_a_file(io, options(), recorder.handler());
    ADD_FAILURE() << "a regular file was replaced";
  } catch (const ControlSocketError& error) {
    EXPECT_EQ(std::string(error.what()),
              path() + " existe et n'est pas un socket : edusync ne le remplace pas");
  }
  EXPECT_EQ(test::read_file(path()), "pas un socket");
}

// Forks a child that becomes nobody (group `gid`, no supplementary group), connects to `path`,
// sends a status request and hands back, through a pipe, the answer line (or "connect: errno").
std::string answer_to_nobody(const std::string& path, gid_t gid) {
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr) return "no nobody";
  const uid_t uid = nobody->pw_uid;
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return "pipe";
  const pid_t child = ::fork();
  if (child == 0) {  // only async-signal-safe calls from here
    ::close(pipe_fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) ::_exit(2);
    const int fd = test::connect_raw(path.c_str());
    if (fd < 0) {
      const char message[] = "connect failed";
      (void)!::write(pipe_fds[1], message, sizeof message - 1);
      ::_exit(3);
    }
    const timeval limit{20, 0};  // a server that never answers fails the test, not hangs it
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    const char request[] = "{\"command\":\"status\"}\n";
    // The server may have answered and closed already: no SIGPIPE, the answer is still there.
    (void)!::send(fd, request, sizeof request - 1, MSG_NOSIGNAL);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {  // one line: the server keeps it open
      (void)!::write(pipe_fds[1], buffer, static_cast<std::size_t>(n));
      if (std::memchr(buffer, '\n', static_cast<std::size_t>(n)) != nullptr) break;
    }
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string answer;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0)
    answer.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  while (!answer.empty() && answer.back() == '\n') answer.pop_back();
  return answer;
}

TEST_F(ControlServerTest, APeerThatIsNotAllowedIsRefusedAndLogged) {
  test::RunningServer server(options(), recorder.handler());
  // The file's mode would keep nobody out; opened up, the credential check still does.
  fs::permissions(dir.path(), fs::perms::all);
  fs::permissions(options().socket_path.parent_path(), fs::perms::all);
  fs::permissions(path(), fs::perms::all);
  const auto line = answer_to_nobody(path(), 65534);
  ASSERT_FALSE(line.empty());
  const auto answer = json::parse(line, nullptr, false);
  EXPECT_EQ(answer,
            error_response("accès refusé : l'utilisateur uid 65534 n'est ni root, ni l'utilisateur "
                           "du service"))
      << line;
  EXPECT_EQ(test::control_schema_problems(answer), "");
  EXPECT_EQ(recorder.count(), 0u);
  server.stop();
  const auto logged = capture.with_code("CONTROL_PEER_REFUSED");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].level, log::Level::warn);
  EXPECT_EQ(logged[0].component, "control");
  EXPECT_EQ(logged[0].field("uid"), "65534");
  EXPECT_EQ(logged[0].field("gid"), "65534");
  EXPECT_FALSE(logged[0].field("pid").empty());
  EXPECT_NE(logged[0].field("pid"), std::to_string(::getpid()));
  EXPECT_TRUE(contains(logged[0].message, "connexion refusée sur " + path()));
}

TEST_F(ControlServerTest, AMemberOfTheConfiguredGroupIsServed) {
  auto settings = options();
  settings.group = "nogroup";
  test::RunningServer server(settings, recorder.handler());
  fs::permissions(dir.path(), fs::perms::all);
  fs::permissions(settings.socket_path.parent_path(), fs::perms::all);
  EXPECT_EQ(json::parse(answer_to_nobody(path(), *group_id("nogroup")), nullptr, false),
            test::full_status());
  ASSERT_EQ(recorder.count(), 1u);
  EXPECT_EQ(recorder.calls[0].second.uid, 65534u);
  EXPECT_TRUE(capture.with_code("CONTROL_PEER_REFUSED").empty());
}

TEST(ControlOptions, FromTheConfiguration) {
  const auto loaded = config::load_config_from_string(
      "school: {uai: 0140065T, name: X}\ncontrol_socket: /tmp/x/control.sock\n"
      "control_group: nogroup\n",
      "test.yaml", {});
  ASSERT_TRUE(loaded.config);
  const auto options = control_options(*loaded.config);
  EXPECT_EQ(options.socket_path, "/tmp/x/control.sock");
  EXPECT_EQ(options.group, "nogroup");
  EXPECT_EQ(options.max_connections, ControlServerOptions{}.max_connections);
  const auto defaults =
      config::load_config_from_string("school: {uai: 0140065T, name: X}\n", "test.yaml", {});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(control_options(*defaults.config).socket_path, "/run/edusync/control.sock");
  EXPECT_EQ(control_options(*defaults.config).group, "");
}

TEST(PeerPolicy, RootTheServiceUserAndGroupMembers) {
  const PeerPolicy alone(1234, std::nullopt);
  EXPECT_TRUE(alone.allows({1, 0, 0}));
  EXPECT_TRUE(alone.allows({1, 1234, 99}));
  EXPECT_FALSE(alone.allows({1, 65534, 65534}));
  const auto nogroup = *group_id("nogroup");
  const PeerPolicy with_group(1234, nogroup);
  EXPECT_TRUE(with_group.allows({1, 4321, nogroup}));  // the process's group
  EXPECT_TRUE(with_group.allows({1, 65534, 0}));       // nobody's primary group in passwd
  EXPECT_FALSE(with_group.allows({1, 4321, 0}));       // a uid without a passwd entry
  EXPECT_FALSE(group_id("groupe-qui-n-existe-pas"));
  EXPECT_TRUE(user_in_group(0, 0));
  EXPECT_FALSE(user_in_group(65534, 0));
}

}  // namespace
}  // namespace edusync::service
