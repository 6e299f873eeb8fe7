// service/notify: the datagrams systemd would receive, read from a real AF_UNIX datagram socket
// that NOTIFY_SOCKET names, as systemd's own socket would be.
#include "service/notify.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "service/fake_service_manager.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using namespace std::chrono_literals;
namespace notify = service::notify;

// Sets (or, with nullopt, unsets) an environment variable for one test and puts it back.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
    if (const char* before = std::getenv(name_.c_str())) previous_ = before;
    apply(value);
  }
  ~ScopedEnv() { apply(previous_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void apply(const std::optional<std::string>& value) const {
    if (value) {
      ::setenv(name_.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  std::string name_;
  std::optional<std::string> previous_;
};

using test::FakeServiceManager;

long long monotonic_usec_now() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<long long>(now.tv_sec) * 1'000'000LL + now.tv_nsec / 1'000;
}

TEST(Notify, ReadyStoppingAndWatchdogSendTheirVariable) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  EXPECT_TRUE(notify::ready());
  EXPECT_EQ(manager.receive(), "READY=1");
  EXPECT_TRUE(notify::watchdog());
  EXPECT_EQ(manager.receive(), "WATCHDOG=1");
  EXPECT_TRUE(notify::stopping());
  EXPECT_EQ(manager.receive(), "STOPPING=1");
}

TEST(Notify, StatusSendsTheFrenchLineAsItIs) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  EXPECT_TRUE(notify::status("passage 2025-09-01 : annuaire SambaEdu 40 %"));
  EXPECT_EQ(manager.receive(), "STATUS=passage 2025-09-01 : annuaire SambaEdu 40 %");
  EXPECT_TRUE(notify::status("inactif, prochain passage à 02:30"));
  EXPECT_EQ(manager.receive(), "STATUS=inactif, prochain passage à 02:30");
}

// A line break in the status would start another variable of the message.
TEST(Notify, StatusTurnsLineBreaksAndControlCharactersIntoSpaces) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  EXPECT_TRUE(notify::status("inactif\nREADY=1\r\tfin\x7f"));
  EXPECT_EQ(manager.receive(), "STATUS=inactif READY=1  fin ");
}

TEST(Notify, ALongStatusIsCutOnACharacterBoundaryWithAnEllipsis) {
  const std::string exact(notify::kMaxStatusBytes, 'a');
  EXPECT_EQ(notify::status_text(exact), exact);
  // "é" is two bytes: 300 of them cross the limit in the middle of none.
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "é";
  const auto cut = notify::status_text(accented);
  EXPECT_LE(cut.size(), notify::kMaxStatusBytes);
  ASSERT_GE(cut.size(), 3u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "…");
  const auto kept = cut.substr(0, cut.size() - 3);
  EXPECT_EQ(kept.size() % 2, 0u);
  EXPECT_EQ(kept, accented.substr(0, kept.size()));
  EXPECT_GE(kept.size(), notify::kMaxStatusBytes - 4);
}

TEST(Notify, ReloadingCarriesTheMonotonicTimeOfTheMessage) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  const auto before = monotonic_usec_now();
  EXPECT_TRUE(notify::reloading());
  const auto after = monotonic_usec_now();
  const auto message = manager.receive();
  const std::string prefix = "RELOADING=1\nMONOTONIC_USEC=";
  ASSERT_EQ(message.substr(0, prefix.size()), prefix) << message;
  const auto digits = message.substr(prefix.size());
  ASSERT_FALSE(digits.empty());
  EXPECT_EQ(digits.find_first_not_of("0123456789"), std::string::npos) << digits;
  const auto sent = std::stoll(digits);
  EXPECT_GE(sent, before);
  EXPECT_LE(sent, after);
}

// Not started by systemd: nothing is sent. The first datagram the socket receives once
// NOTIFY_SOCKET is set is the one sent after, so none went out before.
TEST(Notify, WithoutNotifySocketNothingIsSent) {
  const FakeServiceManager manager;
  {
    const ScopedEnv socket("NOTIFY_SOCKET", std::nullopt);
    EXPECT_FALSE(notify::ready());
    EXPECT_FALSE(notify::status("inactif"));
    EXPECT_FALSE(notify::reloading());
    EXPECT_FALSE(notify::stopping());
    EXPECT_FALSE(notify::watchdog());
  }
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  EXPECT_TRUE(notify::status("après"));
  EXPECT_EQ(manager.receive(), "STATUS=après");
}

// The manager's socket is gone (systemd restarted badly, a stale variable): the message is
// lost, reported by false, and nothing throws.
TEST(Notify, ASocketNobodyListensOnLosesTheMessage) {
  const test::TempDir dir;
  const ScopedEnv socket("NOTIFY_SOCKET", (dir.path() / "absent.sock").string());
  EXPECT_FALSE(notify::ready());
  EXPECT_FALSE(notify::watchdog());
}

TEST(NotifyWatchdog, IntervalIsHalfOfWatchdogUsecForThisProcess) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  const ScopedEnv usec("WATCHDOG_USEC", "60000000");
  {
    const ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid()));
    EXPECT_EQ(notify::watchdog_interval(), std::chrono::microseconds(30s));
  }
  const ScopedEnv pid("WATCHDOG_PID", std::nullopt);
  EXPECT_EQ(notify::watchdog_interval(), std::chrono::microseconds(30s));
}

// WATCHDOG_PID names the process systemd watches: a child that inherited the variables (a hook
// the service starts) must not send keep-alives for it.
TEST(NotifyWatchdog, AnotherProcessesWatchdogIsOff) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  const ScopedEnv usec("WATCHDOG_USEC", "60000000");
  const ScopedEnv pid("WATCHDOG_PID", std::to_string(::getppid()));
  EXPECT_EQ(notify::watchdog_interval(), std::nullopt);
}

TEST(NotifyWatchdog, OffWhenUnsetZeroOrMalformed) {
  const FakeServiceManager manager;
  const ScopedEnv socket("NOTIFY_SOCKET", manager.path());
  const ScopedEnv pid("WATCHDOG_PID", std::nullopt);
  {
    const ScopedEnv usec("WATCHDOG_USEC", std::nullopt);
    EXPECT_EQ(notify::watchdog_interval(), std::nullopt);
  }
  for (const char* value : {"0", "abc", "-5", ""}) {
    const ScopedEnv usec("WATCHDOG_USEC", std::string(value));
    EXPECT_EQ(notify::watchdog_interval(), std::nullopt) << value;
  }
  const ScopedEnv malformed_pid("WATCHDOG_PID", "pas-un-pid");
  const ScopedEnv usec("WATCHDOG_USEC", "60000000");
  EXPECT_EQ(notify::watchdog_interval(), std::nullopt);
}

TEST(NotifyWatchdog, OffWhenNotStartedBySystemd) {
  const ScopedEnv socket("NOTIFY_SOCKET", std::nullopt);
  const ScopedEnv usec("WATCHDOG_USEC", "60000000");
  const ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid()));
  EXPECT_EQ(notify::watchdog_interval(), std::nullopt);
}

}  // namespace
}  // namespace edusync
