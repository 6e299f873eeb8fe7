// Retention: report directories past report.keep_runs and report.keep_days are removed, but
// never those of a run whose account sheets still hold initial passwords, of the run in force
// (the reports of unchanged runs point to it) or of the newest held run; the audit journal is
// rotated by size. Real runs, real files, real SQLite; the real binary for `edusync report`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "connectors/journal/journal_connector.hpp"
#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

class Retention : public ::testing::Test {
 protected:
  void SetUp() override {
    eleves_ = test::read_handmade("eleves.xml");
    dir_.write("inbox/ResponsablesAvecAdresses.xml", test::read_handmade("responsables.xml"));
    dir_.write("inbox/sts_emp_0140065T_2025.xml", test::read_handmade("sts.xml"));
    config_ =
        dir_.write("edusync.yaml", "school: {uai: 0140065T, name: Test}\nstate_dir: " + state() +
                                       "\ninbox: " + (dir_.path() / "inbox").string() +
                                       "\nsafety: {max_departure_ratio: 0.1}\n"
                                       "identity: {password_retention_days: 7}\n"
                                       "report: {keep_runs: 2, keep_days: 0}\n"
                                       "connectors:\n  - {name: audit, type: journal, path: " +
                                       (dir_.path() / "journal.jsonl").string() + "}\n");
  }

  std::string state() const { return (dir_.path() / "state").string(); }

  // A run on `today`; its report directory.
  std::string run(const std::string& today, run::Status expected = run::Status::done) {
    dir_.write("inbox/ElevesSansAdresses.xml", eleves_);
    run::RunOptions options;
    options.today = today;
    const auto outcome = test::run_config(test::read_file(config_), options);
    EXPECT_EQ(outcome.status, expected) << today << " " << outcome.report.error;
    return outcome.report_dir;
  }

  test::TempDir dir_;
  std::string eleves_, config_;
};

TEST_F(Retention, OldReportsGoButSheetsWithPasswordsTheRunInForceAndAHeldRunStay) {
  const auto first = run("2025-11-20");  // creates accounts: sheets with initial passwords
  const auto b = run("2025-11-21");      // unchanged: each writes a report pointing to the first
  const auto c = run("2025-11-22");
  const auto d = run("2025-11-23");
  EXPECT_TRUE(fs::exists(first)) << "its sheets still hold passwords, and it is in force";
  EXPECT_FALSE(fs::exists(b)) << "neither among the last 2 nor protected";
  EXPECT_TRUE(fs::exists(c));
  EXPECT_TRUE(fs::exists(d));

  const auto e = run("2025-12-01");  // the passwords have expired (7 days)
  EXPECT_TRUE(fs::exists(first)) << "still the run in force, that the others point to";
  EXPECT_FALSE(fs::exists(c));

  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  const auto f = run("2025-12-02");  // a change: f is in force now
  EXPECT_FALSE(fs::exists(first));
  EXPECT_FALSE(fs::exists(d));
  EXPECT_TRUE(fs::exists(e));
  EXPECT_TRUE(fs::exists(f));

  // A partial export is held; the runs after it keep the newest held report only.
  const auto cut = eleves_.find("<ELEVE ELEVE_ID=\"0100003\"");
  eleves_.erase(cut, eleves_.find("</ELEVES>") - cut);
  const auto held = run("2025-12-03", run::Status::held);
  const auto held_again = run("2025-12-04", run::Status::held);
  const auto held_third = run("2025-12-05", run::Status::held);
  EXPECT_TRUE(fs::exists(f)) << "in force";
  EXPECT_FALSE(fs::exists(held));
  EXPECT_TRUE(fs::exists(held_again));
  EXPECT_TRUE(fs::exists(held_third));

  // The record of a removed report stays, and `edusync report` says where its report went.
  std::string out;
  const auto id = fs::path(first).filename().string();
  EXPECT_EQ(
      test::run_command(
          std::string(EDUSYNC_BINARY) + " --config " + config_ + " report " + id + " 2>&1", out),
      1);
  EXPECT_NE(out.find("supprimé par la rétention des rapports (report.keep_runs, "
                     "report.keep_days)"),
            std::string::npos)
      << out;
}

TEST_F(Retention, AReportDirectoryOutsideTheReportsIsNeverRemoved) {
  const auto first = run("2025-11-20");
  for (const char* day : {"2025-12-01", "2025-12-02", "2025-12-03"}) run(day);
  // A record pointing elsewhere (a state copied from another machine, a hand edit).
  const auto elsewhere = dir_.path() / "not-a-report";
  fs::create_directories(elsewhere);
  {
    state::StateStore store(state());
    store.database()
        .prepare("UPDATE runs SET report_dir = ?1 WHERE report_dir = ?2")
        .bind(1, elsewhere.string())
        .bind(2, first)
        .run();
  }
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  run("2025-12-04");
  run("2025-12-05");
  EXPECT_TRUE(fs::exists(elsewhere));
}

plan::Plan one_item_plan() {
  plan::Item item;
  item.key = "123456789AB";
  item.uai = "0140065T";
  item.login = "login";
  plan::Plan plan;
  plan.items.push_back(item);
  return plan;
}

// The journal is rotated before a run appends to a file that reached rotate_bytes: path.1,
// path.2 (keep: 2), the oldest removed, no line lost from the files kept.
TEST(JournalRotation, AFullJournalIsRotatedAndTheOldestDropped) {
  test::TempDir dir;
  const auto path = (dir.path() / "journal.jsonl").string();
  connectors::JournalConnector journal(test::connector_config(
      "audit", "journal", {{"path", path}, {"rotate_bytes", "1"}, {"keep", "2"}}));
  const plan::Plan plan = one_item_plan();
  const model::Directory empty;
  const std::map<std::string, std::string> no_passwords;
  for (int run = 1; run <= 4; ++run) {
    const auto result = journal.apply(
        {plan, empty, empty, no_passwords, "run-" + std::to_string(run), "2025-11-20"});
    ASSERT_TRUE(result.complete()) << result.error;
  }
  EXPECT_NE(test::read_file(path).find("run-4"), std::string::npos);
  EXPECT_NE(test::read_file(path + ".1").find("run-3"), std::string::npos);
  EXPECT_NE(test::read_file(path + ".2").find("run-2"), std::string::npos);
  EXPECT_FALSE(fs::exists(path + ".3"));
}

TEST(JournalRotation, BelowTheLimitOrWithRotationOffTheFileGrows) {
  test::TempDir dir;
  const auto path = (dir.path() / "journal.jsonl").string();
  connectors::JournalConnector journal(
      test::connector_config("audit", "journal", {{"path", path}, {"rotate_bytes", "0"}}));
  const plan::Plan plan = one_item_plan();
  const model::Directory empty;
  const std::map<std::string, std::string> no_passwords;
  for (int run = 1; run <= 3; ++run)
    ASSERT_TRUE(journal.apply({plan, empty, empty, no_passwords, "r", "2025-11-20"}).complete());
  const auto text = test::read_file(path);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  EXPECT_FALSE(fs::exists(path + ".1"));
}

}  // namespace
}  // namespace edusync
