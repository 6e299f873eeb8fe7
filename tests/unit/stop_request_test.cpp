// Stop requests (a service shutting down): they end the waits of a run -- the SambaEdu
// reconnection pause, the inbox settle time -- at once, from another thread. Each test checks
// the outcome (stopped, what is reported, how many attempts were made), never a duration: a wait
// that ignored the stop would run for an hour and the test would time out.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

#include "common/log.hpp"
#include "connectors/ldap_sambaedu/session.hpp"
#include "connectors/registry.hpp"
#include "run/inbox.hpp"
#include "run/runner.hpp"
#include "support/closed_port.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using namespace std::chrono_literals;

using test::ClosedPort;

// Captures the events and, from a thread of its own, requests a stop as soon as an event with
// `code` is logged (or at once, with an empty code).
class StopOnEvent {
 public:
  explicit StopOnEvent(std::string code) : code_(std::move(code)) {
    log::set_sink([this](const log::Event& event) {
      const std::lock_guard lock(mutex_);
      events_.push_back(event);
      if (event.code == code_) seen_ = true;
      woken_.notify_all();
    });
    stopper_ = std::thread([this] {
      {
        std::unique_lock lock(mutex_);
        woken_.wait(lock, [this] { return seen_ || done_ || code_.empty(); });
      }
      source_.request_stop();
    });
  }
  ~StopOnEvent() {
    log::set_sink({});
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    woken_.notify_all();
    stopper_.join();
  }
  StopOnEvent(const StopOnEvent&) = delete;
  StopOnEvent& operator=(const StopOnEvent&) = delete;

  std::stop_token token() const { return source_.get_token(); }
  std::vector<log::Event> with_code(const std::string& code) const {
    const std::lock_guard lock(mutex_);
    std::vector<log::Event> found;
    for (const auto& event : events_)
      if (event.code == code) found.push_back(event);
    return found;
  }

 private:
  std::string code_;
  std::stop_source source_;
  mutable std::mutex mutex_;
  std::condition_variable woken_;
  std::vector<log::Event> events_;
  bool seen_ = false;
  bool done_ = false;
  std::thread stopper_;
};

// Requests a stop from another thread after `delay`: by then the wait under test has most
// likely started (the other helper mostly stops before it does). The outcome checked is the
// same either way; only a wait that ignores the stop fails (by running for an hour).
class StopLater {
 public:
  explicit StopLater(std::chrono::milliseconds delay)
      : thread_([this, delay] {
          std::this_thread::sleep_for(delay);
          source_.request_stop();
        }) {}
  ~StopLater() { thread_.join(); }
  StopLater(const StopLater&) = delete;
  StopLater& operator=(const StopLater&) = delete;
  std::stop_token token() const { return source_.get_token(); }

 private:
  std::stop_source source_;
  std::thread thread_;
};

TEST(StopRequest, EndsTheReconnectionPauseWhileItRuns) {
  const StopLater stop(50ms);
  EXPECT_FALSE(connectors::ldap::wait_before_reconnecting(1h, stop.token()));
}

TEST(StopRequest, EndsTheInboxSettleWhileItRuns) {
  test::TempDir dir;
  dir.write("Eleves.xml", test::read_handmade("eleves.xml"));
  const StopLater stop(50ms);
  const auto selection = run::scan_inbox(dir.path().string(), 1h, stop.token());
  EXPECT_TRUE(selection.stopped);
  EXPECT_TRUE(selection.chosen.empty());
  ASSERT_EQ(selection.ignored.size(), 1u);
}

TEST(StopRequest, EndsTheReconnectionPause) {
  EXPECT_TRUE(connectors::ldap::wait_before_reconnecting(1ms, {}));  // never stops: runs out
  std::stop_source already;
  already.request_stop();
  EXPECT_FALSE(connectors::ldap::wait_before_reconnecting(1h, already.get_token()));
  const StopOnEvent stop("");  // from another thread, while (or before) the timer runs
  EXPECT_FALSE(connectors::ldap::wait_before_reconnecting(1h, stop.token()));
}

std::unique_ptr<connectors::Connector> unreachable_sambaedu(const std::string& uri,
                                                            const std::string& secret) {
  return connectors::builtin_registry().create(
      test::connector_config("se3", "ldap-sambaedu",
                             {{"uri", uri},
                              {"bind_dn", "cn=admin,dc=test,dc=edusync"},
                              {"bind_password_file", secret},
                              {"base_dn", "dc=test,dc=edusync"},
                              {"timeout", "5"}}));
}

// The directory refuses connections; the stop comes from another thread during the first pause
// (500 ms, then 1 s and 2 s): the connector gives up there, after one attempt of four, and
// reports itself failed.
TEST(StopRequest, StopsTheConnectorRetryingAnUnreachableDirectory) {
  const ClosedPort port;
  test::TempDir dir;
  const auto secret = dir.write("bind.secret", "s3cret");
  ::chmod(secret.c_str(), 0600);
  const auto connector = unreachable_sambaedu(port.uri(), secret);
  plan::Plan plan;
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  connectors::ApplyContext context{plan, empty, empty, passwords, "r", "2025-11-20"};
  const StopOnEvent stop("LDAP_RECONNECT");
  context.stop = stop.token();
  const auto result = connector->apply(context);
  EXPECT_FALSE(result.complete());
  EXPECT_EQ(result.applied, 0u);
  EXPECT_NE(text::french(result.error)
                .find("arrêt demandé pendant la reconnexion à l'annuaire (après 1 "
                      "tentative sur 4"),
            std::string::npos)
      << result.error;
  const auto reconnects = stop.with_code("LDAP_RECONNECT");
  ASSERT_EQ(reconnects.size(), 1u);  // no second attempt
  EXPECT_EQ(reconnects[0].component, "ldap-sambaedu");
  EXPECT_EQ(reconnects[0].field("connector"), "se3");
  EXPECT_EQ(reconnects[0].field("attempt"), "1");
  EXPECT_EQ(reconnects[0].field("delay_ms"), "500");
  // The stderr line of old, byte for byte.
  EXPECT_EQ(reconnects[0].message,
            "ldap-sambaedu se3 : LDAP_RECONNECT : " + reconnects[0].field("error") +
                " ; nouvel essai dans 500 ms");
  EXPECT_EQ(log::with_fields(reconnects[0]).find("s3cret"), std::string::npos);
}

// A stop requested before the connector starts: it still tries once (the stop ends waits, not
// work), then does not wait.
TEST(StopRequest, AnAlreadyStoppedConnectorMakesOneAttempt) {
  const ClosedPort port;
  test::TempDir dir;
  const auto secret = dir.write("bind.secret", "s3cret");
  ::chmod(secret.c_str(), 0600);
  plan::Plan plan;
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  connectors::ApplyContext context{plan, empty, empty, passwords, "r", "2025-11-20"};
  std::stop_source source;
  source.request_stop();
  context.stop = source.get_token();
  const log::Capture capture;
  const auto result = unreachable_sambaedu(port.uri(), secret)->apply(context);
  EXPECT_NE(text::french(result.error).find("arrêt demandé pendant la reconnexion"),
            std::string::npos)
      << result.error;
  EXPECT_EQ(capture.with_code("LDAP_RECONNECT").size(), 1u);
}

std::string run_yaml(const test::TempDir& dir, const std::string& uri, const std::string& secret) {
  return "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir.path() / "state").string() +
         "\ninbox: " + (dir.path() / "inbox").string() +
         "\nsafety: {max_departure_ratio: 0.5, grace_days: 30}\nconnectors:\n"
         "  - {name: se3, type: ldap-sambaedu, uri: \"" +
         uri + "\", base_dn: \"dc=test,dc=edusync\", bind_dn: \"cn=admin,dc=test,dc=edusync\"" +
         ", bind_password_file: " + secret +
         ", timeout: 5}\n  - {name: audit, type: journal, path: " +
         (dir.path() / "audit.jsonl").string() + "}\n";
}

// RunOptions::stop reaches the connectors: the SambaEdu one stops in its pause and fails, the
// others apply; the run is partial (exit 4), as for any failed connector.
TEST(StopRequest, ARunHandsItsStopToTheConnectors) {
  const ClosedPort port;
  test::TempDir dir;
  const auto secret = dir.write("bind.secret", "s3cret");
  ::chmod(secret.c_str(), 0600);
  dir.write("inbox/ElevesSansAdresses.xml", test::read_handmade("eleves.xml"));
  dir.write("inbox/sts_emp_0140065T_2025.xml", test::read_handmade("sts.xml"));
  const StopOnEvent stop("LDAP_RECONNECT");
  run::RunOptions options;
  options.today = "2025-11-20";
  options.stop = stop.token();
  const auto outcome = test::run_config(run_yaml(dir, port.uri(), secret), options);
  EXPECT_EQ(outcome.status, run::Status::partial) << outcome.report.error;
  EXPECT_EQ(outcome.report.status, "partial");
  ASSERT_EQ(outcome.report.connectors.size(), 2u);
  EXPECT_EQ(outcome.report.connectors[0].status, "failed");
  EXPECT_NE(
      text::french(outcome.report.connectors[0].error).find("arrêt demandé pendant la reconnexion"),
      std::string::npos)
      << text::french(outcome.report.connectors[0].error);
  EXPECT_EQ(outcome.report.connectors[1].status, "ok");
  EXPECT_EQ(stop.with_code("LDAP_RECONNECT").size(), 1u);
}

// A stop during a long settle time: the scan returns `stopped` without reading anything, every
// file seen left for the next scan.
TEST(StopRequest, EndsALongInboxSettle) {
  test::TempDir dir;
  dir.write("Eleves.xml", test::read_handmade("eleves.xml"));
  dir.write("Eleves.xml.part", "en cours");
  const StopOnEvent stop("");
  const auto selection = run::scan_inbox(dir.path().string(), 1h, stop.token());
  EXPECT_TRUE(selection.stopped);
  EXPECT_TRUE(selection.chosen.empty());
  EXPECT_TRUE(selection.headers.empty());
  ASSERT_EQ(selection.ignored.size(), 2u);
  EXPECT_NE(text::french(selection.ignored[0].reason).find("nom temporaire"), std::string::npos);
  EXPECT_NE(selection.ignored[1].path.find("Eleves.xml"), std::string::npos);
  EXPECT_NE(text::french(selection.ignored[1].reason).find("arrêt demandé"), std::string::npos);
}

TEST(StopRequest, WithoutAStopTheSettleStillRunsOut) {
  test::TempDir dir;
  dir.write("Eleves.xml", test::read_handmade("eleves.xml"));
  const auto selection = run::scan_inbox(dir.path().string(), 10ms, std::stop_source().get_token());
  EXPECT_FALSE(selection.stopped);
  EXPECT_EQ(selection.chosen.size(), 1u);
}

// A run stopped in the inbox wait fails before reading anything (exit 1), and says why.
TEST(StopRequest, ARunStoppedInTheInboxWaitAppliesNothing) {
  const ClosedPort port;
  test::TempDir dir;
  const auto secret = dir.write("bind.secret", "s3cret");
  ::chmod(secret.c_str(), 0600);
  dir.write("inbox/ElevesSansAdresses.xml", test::read_handmade("eleves.xml"));
  std::stop_source source;
  source.request_stop();
  run::RunOptions options;
  options.today = "2025-11-20";
  options.stop = source.get_token();
  const log::Capture capture;
  const auto outcome = test::run_config(run_yaml(dir, port.uri(), secret), options);
  EXPECT_EQ(outcome.status, run::Status::failed);
  EXPECT_EQ(outcome.report.status, "failed");
  EXPECT_NE(outcome.report.error.find("arrêt demandé pendant l'attente de la boîte de dépôt"),
            std::string::npos)
      << outcome.report.error;
  EXPECT_TRUE(outcome.report.connectors.empty());
  EXPECT_TRUE(capture.with_code("LDAP_RECONNECT").empty());
}

}  // namespace
}  // namespace edusync
