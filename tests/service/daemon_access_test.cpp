// Who may talk to the real service: `edusync ctl` run by another user (nobody, uid 65534) is
// refused twice over. The socket's mode 0660 stops it at connect; with the socket opened to
// everyone (a careless chmod), the service still checks the peer's credentials (SO_PEERCRED),
// refuses it in one clear line and logs the refusal. Root is served throughout. Needs root to
// change user; skipped otherwise.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "service/daemon_fixture.hpp"

namespace edusync {
namespace {

using test::Daemon;
using test::kBinary;

constexpr uid_t kNobody = 65534;

// `edusync ctl --socket SOCKET status` as uid/gid 65534 (no configuration file: nobody could
// not read the test's). Returns its exit code; its output (stdout and stderr) in `output`.
int ctl_as_nobody(const std::string& socket, const std::filesystem::path& output_file,
                  std::string& output) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int out = ::open(output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(out, 2);
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
      ::_exit(126);
    ::execl(kBinary.c_str(), "edusync", "ctl", "--socket", socket.c_str(), "status", nullptr);
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  output = test::read_file(output_file.string());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class DaemonAccess : public Daemon {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "changing user needs root";
    Daemon::SetUp();
    // nobody may cross the test's directory to reach the socket, nothing more.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all |
                                                  std::filesystem::perms::group_exec |
                                                  std::filesystem::perms::others_exec);
  }
  std::filesystem::path output_file() const { return dir_.path() / "nobody.out"; }
};

TEST_F(DaemonAccess, AnotherUserIsStoppedByTheSocketModeThenByItsCredentials) {
  auto daemon = start();
  struct stat status {};
  ASSERT_EQ(::stat(socket().c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777u, 0660u);

  std::string out;
  EXPECT_EQ(ctl_as_nobody(socket(), output_file(), out), 1) << out;
  EXPECT_NE(out.find("accès refusé au socket " + socket()), std::string::npos) << out;

  // Opened to everyone by mistake: the service itself refuses the peer and says why.
  std::filesystem::permissions(socket(), std::filesystem::perms::all);
  EXPECT_EQ(ctl_as_nobody(socket(), output_file(), out), 1) << out;
  EXPECT_NE(out.find("accès refusé : l'utilisateur uid 65534"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
  EXPECT_TRUE(test::eventually([&] {
    return daemon->output().find("connexion refusée sur " + socket()) != std::string::npos;
  })) << daemon->output();

  EXPECT_EQ(ctl("status"), 0) << output_;  // root is still served
  EXPECT_TRUE(daemon->running());
}

}  // namespace
}  // namespace edusync
