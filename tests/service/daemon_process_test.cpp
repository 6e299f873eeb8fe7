// The real `edusync daemon` as a process, driven through the real `edusync ctl`: a drop makes
// one run per burst, a resync during a run queues exactly one more, a missed slot runs at start,
// a held run is applied by confirm, a broken configuration sent by SIGHUP leaves the old one in
// force, SIGTERM stops gracefully, SIGKILL leaves no stale lock, and a second service or a CLI
// run on the same state is refused. Every `ctl --json` answer is checked against the schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "service/daemon_fixture.hpp"

namespace edusync {
namespace {

using test::Daemon;
using test::kBinary;
using test::kSettleMs;

TEST_F(Daemon, WithoutAServiceCtlSaysSoInOneLineNamingTheSocket) {
  EXPECT_EQ(ctl("status"), 1);
  EXPECT_NE(output_.find(socket()), std::string::npos) << output_;
  EXPECT_EQ(std::count(output_.begin(), output_.end(), '\n'), 1) << output_;
}

TEST_F(Daemon, ABurstOfFilesInTheInboxMakesExactlyOneRun) {
  auto daemon = start();
  const auto status = ctl_json("status");
  EXPECT_EQ(status["state"], "idle");
  EXPECT_TRUE(status["last_run"].is_null());
  drop_exports();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 1 && idle(); })) << daemon->output();
  // Well past the settle time, nothing else ran: three files were one drop.
  std::this_thread::sleep_for(std::chrono::milliseconds(5 * kSettleMs));
  EXPECT_EQ(finished_runs(), 1u) << daemon->output();
  const auto last = ctl_json("status")["last_run"];
  EXPECT_EQ(last["status"], "ok");
  EXPECT_EQ(last["trigger"], "inbox");
  EXPECT_EQ(last["changes"]["pupils"]["added"], 5);
  EXPECT_EQ(ctl("status"), 0);
  EXPECT_NE(output_.find("réussi"), std::string::npos) << output_;
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(), 0) << daemon->output();
  EXPECT_FALSE(std::filesystem::exists(socket()));
}

TEST_F(Daemon, ResyncsDuringARunQueueExactlyOneMoreRun) {
  drop_exports();
  const std::string hold = path("hold");
  dir_.write("hold", "");
  // Exports already in the inbox at start: the service runs them at once (and holds there).
  auto daemon = start({"EDUSYNC_HOLD_AT=after-plan", "EDUSYNC_HOLD_FILE=" + hold});
  ASSERT_TRUE(test::eventually([&] { return std::filesystem::exists(hold + ".reached"); }))
      << daemon->output();
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ctl("resync --recompute"), 0) << output_;
  EXPECT_NE(output_.find("elle suivra le passage en cours"), std::string::npos) << output_;
  const auto status = ctl_json("status");  // the socket answers during the run
  EXPECT_EQ(status["state"], "running");
  EXPECT_EQ(status["run"]["stage"], "planning");
  EXPECT_EQ(status["queued"].size(), 3u);
  std::filesystem::remove(hold);
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 2 && idle(); })) << daemon->output();
  std::this_thread::sleep_for(std::chrono::milliseconds(5 * kSettleMs));
  EXPECT_EQ(finished_runs(), 2u) << daemon->output();
  EXPECT_TRUE(ctl_json("status")["queued"].empty());
}

TEST_F(Daemon, ASecondServiceAndACliRunAreRefusedWhileItRuns) {
  auto daemon = start();
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + config_ + " daemon 2>&1", out), 1);
  EXPECT_NE(out.find("processus " + std::to_string(daemon->pid())), std::string::npos) << out;
  drop_exports();
  EXPECT_EQ(
      test::run_command(
          kBinary + " --config " + config_ + " run --settle-ms 0 --today 2025-11-20 2>&1", out),
      1);
  EXPECT_NE(out.find("edusync ctl resync"), std::string::npos) << out;
  EXPECT_TRUE(daemon->running());
}

TEST_F(Daemon, KilledItLeavesNoStaleLockAndTheNextServiceConverges) {
  drop_exports();
  {
    auto daemon = start();
    ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 1 && idle(); }));
    daemon->signal(SIGKILL);
    EXPECT_EQ(daemon->wait(), 128 + SIGKILL);
  }
  auto daemon = start();  // the stale socket file is replaced, the lock went with the process
  ASSERT_EQ(ctl("resync"), 0) << output_ << daemon->output();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 2 && idle(); })) << daemon->output();
  EXPECT_EQ(ctl_json("status")["last_run"]["status"], "ok");
  daemon->signal(SIGINT);
  EXPECT_EQ(daemon->wait(), 0) << daemon->output();
}

TEST_F(Daemon, ABrokenConfigurationOnSighupLeavesTheOldOneInForce) {
  auto daemon = start();
  const auto good = test::read_file(config_);
  dir_.write("edusync.yaml", good + "saftey: {}\n");
  daemon->signal(SIGHUP);
  ASSERT_EQ(ctl("reload"), 1);
  EXPECT_NE(output_.find("edusync.yaml:"), std::string::npos) << output_;
  EXPECT_NE(output_.find("l'ancienne reste en vigueur"), std::string::npos) << output_;
  EXPECT_EQ(ctl_json("status")["state"], "idle");
  EXPECT_TRUE(daemon->running());
  dir_.write("edusync.yaml", good);
  EXPECT_EQ(ctl("reload"), 0) << output_;
}

TEST_F(Daemon, ConfirmAppliesAHeldRun) {
  drop_exports();
  auto daemon = start();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 1 && idle(); }));
  auto text = test::read_file(path("inbox/eleves.xml"));
  const auto cut = text.find("<ELEVE ELEVE_ID=\"0100002\"");
  text.erase(cut, text.find("</ELEVES>") - cut);
  dir_.write("inbox/eleves.xml", text);
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 2 && idle(); }));
  const auto status = ctl_json("status");
  ASSERT_EQ(status["state"], "held") << status.dump();
  const std::string held = status["held"][0]["id"];
  EXPECT_EQ(ctl("confirm 20990101T000000Z-0000"), 1);
  ASSERT_EQ(ctl("confirm " + held), 0) << output_;
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 3 && idle(); }));
  const auto after = ctl_json("status");
  EXPECT_EQ(after["last_run"]["status"], "ok") << after.dump();
  EXPECT_EQ(after["last_run"]["trigger"], "confirm");
  EXPECT_EQ(after["state"], "idle");
}

TEST_F(Daemon, ASlotMissedWhileItWasDownRunsOnceAtStart) {
  write_config("[\"00:00\"]");
  drop_exports();
  std::filesystem::create_directories(path("state"));
  const std::time_t two_days_ago = std::time(nullptr) - std::time_t{2} * 24 * 3600;
  std::tm utc{};
  ::gmtime_r(&two_days_ago, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  dir_.write("state/schedule.last", std::string(text) + "\n");
  auto daemon = start();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 1 && idle(); })) << daemon->output();
  EXPECT_EQ(ctl_json("status")["last_run"]["trigger"], "schedule");
  EXPECT_FALSE(ctl_json("status")["next_scheduled"].is_null());
  std::this_thread::sleep_for(std::chrono::milliseconds(5 * kSettleMs));
  EXPECT_EQ(finished_runs(), 1u);
}

// SIGTERM during a run: no new run starts (the resync queued behind it is dropped), the run ends
// at a consistent point, the process exits 0; the next service converges with nothing doubled.
TEST_F(Daemon, SigtermDuringARunEndsItCleanlyAndTheNextStartConverges) {
  drop_exports();
  const std::string hold = path("hold");
  dir_.write("hold", "");
  {
    auto daemon = start({"EDUSYNC_HOLD_AT=after-plan", "EDUSYNC_HOLD_FILE=" + hold});
    ASSERT_TRUE(test::eventually([&] { return std::filesystem::exists(hold + ".reached"); }));
    ASSERT_EQ(ctl("resync --recompute"), 0) << output_;
    daemon->signal(SIGTERM);
    ASSERT_TRUE(test::eventually(
        [&] { return daemon->output().find("arrêt demandé (SIGTERM)") != std::string::npos; }));
    // The loop still answers while the run finishes, and starts nothing new.
    ASSERT_EQ(ctl("resync"), 1);
    EXPECT_NE(output_.find("le service s'arrête"), std::string::npos) << output_;
    std::filesystem::remove(hold);
    EXPECT_EQ(daemon->wait(), 0) << daemon->output();
  }
  const auto journal = test::read_file(path("journal.jsonl"));
  auto daemon = start();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 2 && idle(); })) << daemon->output();
  EXPECT_EQ(finished_runs(), 2u) << daemon->output();  // the dropped resync never ran
  EXPECT_EQ(test::read_file(path("journal.jsonl")), journal) << "the second run re-applied";
  EXPECT_EQ(ctl_json("status")["last_run"]["status"], "ok");
}

// A slot of `schedule` fires: the next minute, local time (at most a minute of waiting).
TEST_F(Daemon, TheScheduleFiresAtItsSlot) {
  const std::time_t next_minute = std::time(nullptr) + 60;
  std::tm local{};
  ::localtime_r(&next_minute, &local);
  char slot[8];
  std::strftime(slot, sizeof slot, "%H:%M", &local);
  write_config(std::string("[\"") + slot + "\"]");
  drop_exports();
  auto daemon = start();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 1 && idle(); })) << daemon->output();
  ASSERT_TRUE(
      test::eventually([&] { return finished_runs() >= 2 && idle(); }, std::chrono::seconds(90)))
      << daemon->output();
  EXPECT_EQ(ctl_json("status")["last_run"]["trigger"], "schedule");
  EXPECT_TRUE(std::filesystem::exists(path("state/schedule.last")));
}

}  // namespace
}  // namespace edusync
