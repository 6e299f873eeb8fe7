// Run safety with the real binary, real processes and a real state: one run at a time per state
// (a second one, or a dry run, is refused while a run holds the lock, and nothing is doubled),
// a run record left `running` by a killed process is marked `interrupted` by the next run, a
// 0-byte state database is refused, and a report that cannot be written makes the run fail
// cleanly (exit 1, record `failed`) instead of aborting.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;

// A child process running edusync, its output in a file. Optionally paused at a crash point
// (EDUSYNC_PAUSE_AT): started() returns once it has stopped itself there, with no timing.
class Child {
 public:
  struct Options {
    std::vector<std::string> environment;  // NAME=value
  };

  Child(const std::vector<std::string>& arguments, const std::string& output,
        const Options& options) {
    pid_ = ::fork();
    if (pid_ != 0) return;
    for (const auto& variable : options.environment) ::putenv(const_cast<char*>(variable.c_str()));
    ::signal(SIGXFSZ, SIG_IGN);  // a write past a file size limit fails with EFBIG, like ENOSPC
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kBinary.c_str()));
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::execv(kBinary.c_str(), argv.data());
    ::_exit(127);
  }

  // True when the child stopped itself (EDUSYNC_PAUSE_AT); false when it exited instead.
  bool stopped() {
    int status = 0;
    if (::waitpid(pid_, &status, WUNTRACED) != pid_) return false;
    if (WIFSTOPPED(status)) return true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }

  int finish() {
    if (exit_code_) return *exit_code_;
    ::kill(pid_, SIGCONT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return *exit_code_;
  }

  ~Child() {
    if (!exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

class RunSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"eleves.xml", "responsables.xml", "sts.xml"}) {
      dir_.write(std::string("inbox/") + name, test::read_handmade(name));
    }
    config_ = dir_.write("edusync.yaml",
                         "school: {uai: 0140065T, name: Test}\nstate_dir: " + state().string() +
                             "\ninbox: " + (dir_.path() / "inbox").string() +
                             "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n"
                             "  - {name: audit, type: journal, path: " +
                             journal() + "}\n");
  }

  std::filesystem::path state() const { return dir_.path() / "state"; }
  std::string database() const { return (state() / "edusync.db").string(); }
  std::string journal() const { return (dir_.path() / "journal.jsonl").string(); }

  std::vector<std::string> arguments(const std::string& command) const {
    std::vector<std::string> all = {"--config", config_};
    std::istringstream words(command);
    for (std::string word; words >> word;) all.push_back(word);
    for (const char* extra : {"--today", "2025-11-20", "--settle-ms", "0"}) all.push_back(extra);
    return all;
  }

  std::unique_ptr<Child> start(const std::string& command, const Child::Options& options = {},
                               const std::string& output = "") {
    return std::make_unique<Child>(arguments(command), output.empty() ? output_path() : output,
                                   options);
  }

  int edusync(const std::string& command, const Child::Options& options = {}) {
    const std::string output = output_path();
    const int code = start(command, options, output)->finish();
    output_ = test::read_file(output);
    return code;
  }

  std::string output_path() const {
    return (dir_.path() / ("out-" + std::to_string(outputs_++))).string();
  }

  std::string sql(const std::string& query) {
    std::string out;
    EXPECT_EQ(test::run_command("sqlite3 " + database() + " \"" + query + "\"", out), 0) << out;
    return out;
  }

  std::size_t report_dirs() const {
    if (!std::filesystem::exists(state() / "reports")) return 0;
    const auto it = std::filesystem::directory_iterator(state() / "reports");
    return static_cast<std::size_t>(std::distance(begin(it), end(it)));
  }

  test::TempDir dir_;
  std::string config_;
  std::string output_;
  mutable int outputs_ = 0;
};

// Two runs on the same configuration: the second is refused while the first holds the lock
// (here stopped right after committing its state, before any connector), with a message that
// names the holder; so is a dry run. The first run then completes alone: one run record, one
// report, each journal line once, one initial password per new account.
TEST_F(RunSafety, SecondRunAndDryRunAreRefusedWhileARunHoldsTheLock) {
  auto first = start("run", {{"EDUSYNC_PAUSE_AT=after-state-commit"}});
  ASSERT_TRUE(first->stopped()) << "the first run did not stop at after-state-commit";

  EXPECT_EQ(edusync("run"), 1) << output_;
  EXPECT_NE(output_.find("un autre passage d'edusync est en cours"), std::string::npos) << output_;
  EXPECT_NE(output_.find("processus " + std::to_string(first->pid())), std::string::npos)
      << output_;
  EXPECT_NE(output_.find("commencé le 20"), std::string::npos) << output_;
  EXPECT_NE(output_.find("Attendez la fin de l'autre passage"), std::string::npos) << output_;
  EXPECT_NE(output_.find("ps -p " + std::to_string(first->pid())), std::string::npos) << output_;
  EXPECT_EQ(edusync("run --confirm"), 1) << output_;
  EXPECT_EQ(edusync("diff"), 1) << output_;
  EXPECT_NE(output_.find("un passage d'edusync est en cours"), std::string::npos) << output_;

  ASSERT_EQ(first->finish(), 0);
  EXPECT_EQ(sql("SELECT COUNT(*), MIN(status) FROM runs"), "1|ok\n");
  EXPECT_EQ(report_dirs(), 1u);
  const auto lines = test::read_file(journal());
  std::istringstream in(lines);
  std::multiset<std::string> seen;
  for (std::string line; std::getline(in, line);) seen.insert(line);
  EXPECT_GT(seen.size(), 20u);
  for (const auto& line : seen) EXPECT_EQ(seen.count(line), 1u) << line;
  EXPECT_EQ(sql("SELECT COUNT(*) FROM initial_passwords"), "9\n");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM initial_passwords p JOIN identities i ON i.key = p.key"),
            "9\n");

  // The lock went with the process: the next runs are not refused.
  EXPECT_EQ(edusync("diff"), 0) << output_;
  EXPECT_EQ(edusync("run"), 0) << output_;
}

// Dry runs take the lock shared: two at once are fine, a run is refused while one reads (its
// message says so), and a dry run on a state directory that does not exist creates nothing.
TEST_F(RunSafety, DryRunsShareTheLockAndCreateNothing) {
  EXPECT_EQ(edusync("diff"), 0) << output_;
  EXPECT_FALSE(std::filesystem::exists(state()));
  ASSERT_EQ(edusync("run"), 0) << output_;
  auto reading = start("run --dry-run --recompute", {{"EDUSYNC_PAUSE_AT=after-plan"}});
  ASSERT_TRUE(reading->stopped()) << "the dry run did not stop at after-plan";
  EXPECT_EQ(edusync("diff"), 0) << output_;
  EXPECT_EQ(edusync("run --recompute"), 1) << output_;
  EXPECT_NE(output_.find("un calcul à blanc (edusync diff ou run --dry-run) lit en ce moment"),
            std::string::npos)
      << output_;
  EXPECT_EQ(reading->finish(), 0);
  EXPECT_EQ(sql("SELECT COUNT(*) FROM runs"), "1\n");
  EXPECT_EQ(edusync("run --recompute"), 0) << output_;
}

// A process killed with SIGKILL leaves its run record `running`; the next run, which holds the
// lock and so knows nobody else is running, marks it `interrupted` and says so in its report.
TEST_F(RunSafety, KilledRunIsMarkedInterruptedByTheNextRun) {
  EXPECT_NE(edusync("run", {{"EDUSYNC_CRASH_AT=after-state-commit"}}), 0);
  const auto killed = sql("SELECT id FROM runs WHERE status = 'running'");
  ASSERT_FALSE(killed.empty());
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + config_ + " report 2>&1", out), 1);
  EXPECT_NE(out.find("(running) n'a pas écrit de rapport"), std::string::npos) << out;
  ASSERT_EQ(edusync("run"), 0) << output_;
  const std::string id = killed.substr(0, killed.size() - 1);
  EXPECT_EQ(sql("SELECT status, finished <> '' FROM runs WHERE id = '" + id + "'"),
            "interrupted|1\n");
  EXPECT_EQ(sql("SELECT COUNT(*) FROM runs WHERE status = 'running'"), "0\n");
  std::string json;
  ASSERT_EQ(test::run_command(kBinary + " --config " + config_ + " report --format json", json), 0);
  std::string message;
  const auto report = nlohmann::json::parse(json);
  for (const auto& warning : report["warnings"]) {
    if (warning["code"] == "RUN_INTERRUPTED") message = warning["message"].get<std::string>();
  }
  EXPECT_NE(message.find("Le passage " + id), std::string::npos) << message;
}

// A 0-byte database is a truncated one: refused (exit 1, nothing written, the file left as it
// is) with what to do. Removing the file is the deliberate fresh start, and it runs.
TEST_F(RunSafety, EmptyStateDatabaseIsRefusedRemovedOneStartsAfresh) {
  ASSERT_EQ(edusync("run"), 0) << output_;
  std::filesystem::resize_file(database(), 0);
  for (const char* command : {"run", "run --recompute", "diff"}) {
    SCOPED_TRACE(command);
    EXPECT_EQ(edusync(command), 1) << output_;
    EXPECT_NE(output_.find("est vide (0 octet)"), std::string::npos) << output_;
    EXPECT_NE(output_.find("Restaurez-la depuis la dernière sauvegarde"), std::string::npos)
        << output_;
    EXPECT_NE(output_.find("supprimez ce fichier"), std::string::npos) << output_;
    EXPECT_EQ(std::filesystem::file_size(database()), 0u);
    EXPECT_EQ(report_dirs(), 1u);
  }
  std::filesystem::remove(database());
  EXPECT_EQ(edusync("run"), 0) << output_;
  EXPECT_GT(std::filesystem::file_size(database()), 0u);
}

// A process killed while it creates a new store never leaves a 0-byte one behind (the store
// is made under another name, then renamed): killed at random early moments, the next run
// always starts.
TEST_F(RunSafety, StoreKilledWhileCreatedIsNeverLeftEmpty) {
  for (int delay_us : {200, 500, 1000, 2000, 4000}) {
    std::filesystem::remove_all(state());
    std::string out;
    // --foreground: timeout waits for the killed run to be gone (see CliRun.RandomKills...).
    test::run_command("timeout --foreground -s KILL " + std::to_string(delay_us / 1e6) + " " +
                          kBinary + " --config " + config_ +
                          " run --today 2025-11-20 --settle-ms 0 >/dev/null 2>&1",
                      out);
    if (std::filesystem::exists(database())) {
      EXPECT_GT(std::filesystem::file_size(database()), 0u);
    }
    EXPECT_EQ(edusync("run"), 0) << output_;
  }
}

// The report cannot be written after every connector applied and acknowledged (here its file
// is a link to /dev/full: write(2) fails with ENOSPC, as on a full disk): exit 1, not an abort;
// the run record says `failed`, the message says what happened and what to do. The next run
// writes its report and applies nothing twice.
TEST_F(RunSafety, ReportOnAFullDiskFailsTheRunCleanly) {
  const std::string output = output_path();
  auto run = start("run", {{"EDUSYNC_PAUSE_AT=after-acknowledge"}}, output);
  ASSERT_TRUE(run->stopped()) << "the run did not stop at after-acknowledge";
  const auto lock = test::read_file((state() / "edusync.lock").string());
  const auto at = lock.find("run=");
  ASSERT_NE(at, std::string::npos) << lock;
  const std::string id = lock.substr(at + 4, lock.find('\n', at) - at - 4);
  const auto report_dir = state() / "reports" / id;
  std::filesystem::create_directories(report_dir);
  std::filesystem::create_symlink("/dev/full", report_dir / "report.json.tmp");
  EXPECT_EQ(run->finish(), 1);
  output_ = test::read_file(output);
  EXPECT_NE(output_.find("Le rapport n'a pas pu être écrit dans " + report_dir.string()),
            std::string::npos)
      << output_;
  EXPECT_NE(output_.find(std::strerror(ENOSPC)), std::string::npos) << output_;
  EXPECT_NE(output_.find("libérez de la place"), std::string::npos) << output_;
  EXPECT_EQ(sql("SELECT status FROM runs WHERE id = '" + id + "'"), "failed\n");
  EXPECT_FALSE(std::filesystem::exists(report_dir / "report.json"));
  const auto journal_before = test::read_file(journal());
  EXPECT_FALSE(journal_before.empty());

  ASSERT_EQ(edusync("run"), 0) << output_;
  EXPECT_EQ(test::read_file(journal()), journal_before);  // acknowledged: nothing twice
  EXPECT_EQ(sql("SELECT COUNT(*) FROM runs WHERE status = 'running'"), "0\n");
}

// The state directory on a full disk: the run is stopped before it commits its state, then
// given a file size limit (every write past 4 KiB fails with EFBIG, SIGXFSZ ignored, as ENOSPC
// would), so neither the store nor the report can take anything: exit 1 with the store's
// message, not an abort; nothing half-written, and the next run, with room again, completes.
TEST_F(RunSafety, StateOnAFullDiskFailsTheRunCleanly) {
  ASSERT_EQ(edusync("run"), 0) << output_;
  const std::string output = output_path();
  auto run = start("run --recompute", {{"EDUSYNC_PAUSE_AT=after-plan"}}, output);
  ASSERT_TRUE(run->stopped()) << "the run did not stop at after-plan";
  const rlimit full{4096, 4096};
  ASSERT_EQ(::prlimit(run->pid(), RLIMIT_FSIZE, &full, nullptr), 0) << std::strerror(errno);
  EXPECT_EQ(run->finish(), 1);
  output_ = test::read_file(output);
  EXPECT_NE(output_.find("base d'état"), std::string::npos) << output_;
  EXPECT_NE(output_.find("Le rapport n'a pas pu être écrit"), std::string::npos) << output_;
  EXPECT_EQ(sql("SELECT COUNT(*), MIN(status) FROM runs"), "1|ok\n");
  EXPECT_EQ(sql("PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(edusync("run --recompute"), 0) << output_;
}

}  // namespace
}  // namespace edusync
