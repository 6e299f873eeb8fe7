// The state store of schema version 1 (tests/data/state-v1, see its README): a run's inputs
// were the report's sources JSON in runs.inputs and the account sheets read a run's new
// accounts back from its report files. Opened by this version, both move into tables of their
// own (state/run_details.hpp): the sheets of the run recorded before the upgrade are the same
// bytes, and the same exports are still recognised as unchanged. Plus the upgrade of a
// version-1 store made here (a report.json without the JSON Lines file, a report gone, inputs
// that are not JSON) and the tables themselves.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run/runner.hpp"
#include "state/key_migration.hpp"
#include "state/run_details.hpp"
#include "state/state_store.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFixtureRun = "20261202T202621Z-ef31";

std::string fixture(const std::string& name) {
  return std::string(EDUSYNC_TEST_DATA) + "/state-v1/" + name;
}

std::string raw_text(const std::string& db_path, const std::string& sql) {
  state::Database db(db_path, state::Database::Mode::read_only);
  auto query = db.prepare(sql);
  return query.step() ? query.text(0) : std::string("(none)");
}

class StateUpgradeV1 : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(state_dir() / "reports");
    fs::copy_file(fixture("edusync.db"), db_path());
    fs::copy(fixture("report"), report_dir());
    {  // the run's report, where this test put it
      state::Database db(db_path());
      db.prepare("UPDATE runs SET report_dir = ?1").bind(1, report_dir().string()).run();
    }
    for (const char* name : {"eleves.xml", "responsables.xml", "sts.xml"})
      dir_.write(std::string("inbox/") + name, test::read_handmade(name));
    config_ = dir_.write("edusync.yaml", yaml());
  }

  fs::path state_dir() const { return dir_.path() / "state"; }
  std::string db_path() const { return (state_dir() / "edusync.db").string(); }
  fs::path report_dir() const { return state_dir() / "reports" / kFixtureRun; }

  std::string yaml() const {
    return "school: {uai: 0140065T, name: Test}\nstate_dir: " + state_dir().string() +
           "\ninbox: " + (dir_.path() / "inbox").string() +
           "\nconnectors:\n  - {name: audit, type: journal, path: " +
           (dir_.path() / "journal.jsonl").string() + "}\n";
  }

  // `edusync accounts` of the fixture's run; returns the sheet it wrote.
  std::string accounts(const std::string& format) {
    std::string out;
    EXPECT_EQ(
        test::run_command(std::string(EDUSYNC_BINARY) + " --config " + config_ + " accounts " +
                              kFixtureRun + " --format " + format + " --today 2025-11-20 2>&1",
                          out),
        0)
        << out;
    EXPECT_NE(out.find("9 comptes"), std::string::npos) << out;
    return test::read_file((report_dir() / ("accounts." + format)).string());
  }

  test::TempDir dir_;
  std::string config_;
};

TEST_F(StateUpgradeV1, AccountSheetsOfARunRecordedBeforeTheUpgradeAreTheSame) {
  // Read through an upgraded copy in memory (the store on disk stays version 1)...
  // EDUSYNC_UPDATE_GOLDEN=1 rewrites the expected sheets (when their layout changes; the
  // accounts, passwords and order must stay those of the fixture: review the diff).
  if (std::getenv("EDUSYNC_UPDATE_GOLDEN") != nullptr) {
    for (const char* format : {"csv", "html"}) {
      test::TempDir::write_absolute(fixture(std::string("expected_accounts.") + format),
                                    accounts(format));
    }
  }
  EXPECT_EQ(accounts("csv"), test::read_file(fixture("expected_accounts.csv")));
  EXPECT_EQ(accounts("html"), test::read_file(fixture("expected_accounts.html")));
  EXPECT_EQ(raw_text(db_path(), "PRAGMA user_version"), "1");
  // ...then from the store upgraded on disk, with the report files gone.
  { state::StateStore store(state_dir().string()); }
  EXPECT_EQ(raw_text(db_path(), "PRAGMA user_version"), std::to_string(state::kSchemaVersion));
  fs::remove(report_dir() / "new_accounts.jsonl");
  fs::remove(report_dir() / "report.json");
  EXPECT_EQ(accounts("csv"), test::read_file(fixture("expected_accounts.csv")));
}

// The sheets are dated by the local day the run started: the fixture's run began at 20:26 UTC
// on 2 December 2026, already the 3rd at UTC+14.
TEST_F(StateUpgradeV1, AccountSheetsAreDatedByTheLocalDayOfTheRun) {
  if (!fs::exists("/usr/share/zoneinfo/Pacific/Kiritimati")) GTEST_SKIP() << "no tzdata here";
  std::string out;
  ASSERT_EQ(
      test::run_command("TZ=Pacific/Kiritimati " + std::string(EDUSYNC_BINARY) + " --config " +
                            config_ + " accounts " + kFixtureRun + " --today 2025-11-20 2>&1",
                        out),
      0)
      << out;
  const auto html = test::read_file((report_dir() / "accounts.html").string());
  EXPECT_NE(html.find("Comptes créés le 03/12/2026"), std::string::npos);
}

TEST_F(StateUpgradeV1, RunInputsAndCreatedAccountsMoveIntoTheirTables) {
  state::StateStore store(state_dir().string());
  const auto inputs = state::run_inputs(store.database(), kFixtureRun);
  ASSERT_EQ(inputs.size(), 3u);
  for (const auto& input : inputs) {
    EXPECT_EQ(input.uai, "0140065T");
    EXPECT_EQ(input.school_year, "2025");
    EXPECT_EQ(input.sha256.size(), 64u);
    EXPECT_GT(input.records, 0u);
    EXPECT_EQ(input.bytes, fs::file_size(dir_.path() / "inbox" / fs::path(input.path).filename()));
  }
  EXPECT_EQ(inputs[0].kind, "siecle-eleves");
  EXPECT_EQ(inputs[0].export_date, "2025-11-14");
  const auto accounts = state::created_accounts(store.database(), kFixtureRun);
  ASSERT_EQ(accounts.size(), 9u);
  EXPECT_EQ(raw_text(db_path(), "SELECT inputs FROM runs"), "[]");
  // In the order of the report's new_accounts.jsonl.
  const auto lines = test::read_file(fixture("report/new_accounts.jsonl"));
  const auto first = nlohmann::json::parse(lines.substr(0, lines.find('\n')));
  EXPECT_EQ(accounts[0].key, first.at("key"));
  EXPECT_EQ(accounts[0].login, first.at("login"));
}

TEST_F(StateUpgradeV1, TheSameExportsAreStillUnchangedAfterTheUpgrade) {
  run::RunOptions options;
  options.today = "2025-11-21";
  const auto outcome = test::run_config(yaml(), options);
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_EQ(outcome.report.unchanged_since, kFixtureRun);
  state::StateStore store(state_dir().string());
  EXPECT_EQ(state::run_inputs(store.database(), outcome.report.id).size(), 3u);
}

// A version-1 store made here: its runs table as version 1 wrote it, and one report per case.
class StateUpgradeV1Cases : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(state_dir());
    state::Database db((state_dir() / "edusync.db").string());
    db.exec(R"(
      CREATE TABLE runs(
        id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
        dry_run INTEGER NOT NULL, inputs TEXT NOT NULL, inputs_digest TEXT NOT NULL,
        report_dir TEXT, snapshot_id INTEGER);
      PRAGMA user_version = 1;
    )");
    auto insert = db.prepare(
        "INSERT INTO runs VALUES(?1, '2025-11-20T02:00:00Z', '2025-11-20T02:01:00Z', 'ok', 0, "
        "?2, 'digest', ?3, NULL)");
    const auto old_report = dir_.write("reports/old/report.json", R"({"new_accounts": [
        {"key": "eleve:0140065T:1", "kind": "pupil", "login": "dupont.a", "surname": "DUPONT",
         "given_name": "Alice", "division": "3A"},
        {"key": "sts:7", "kind": "staff", "login": "martin.b", "surname": "MARTIN",
         "given_name": "Bruno", "division": ""}]})");
    insert.bind(1, "old")
        .bind(2,
              R"([{"path": "/inbox/sts.xml", "kind": "sts-emp", "sha256": "ab", "records": 4,
                   "export_date": null, "uai": "0140065T", "school_year": "2025", "bytes": 99},
                  {"path": "/inbox/e.xml", "kind": "siecle-eleves", "sha256": "cd", "records": 7,
                   "export_date": "2025-11-14", "uai": "0140065T", "school_year": "2025",
                   "bytes": 1234, "version": "1.3"}])")
        .bind(3, fs::path(old_report).parent_path().string())
        .run();
    insert.bind(1, "gone").bind(2, "[]").bind(3, (dir_.path() / "reports/gone").string()).run();
    insert.bind(1, "broken").bind(2, "not json").bind(3, "").run();
  }

  fs::path state_dir() const { return dir_.path() / "state"; }

  test::TempDir dir_;
};

TEST_F(StateUpgradeV1Cases, ReportJsonWithoutJsonLinesGoneReportsAndBadInputsAreUpgraded) {
  state::StateStore store(state_dir().string());
  auto& db = store.database();
  EXPECT_EQ(state::schema_version(db), state::kSchemaVersion);

  const auto accounts = state::created_accounts(db, "old");
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0].key, "eleve:0140065T:1");
  EXPECT_EQ(accounts[0].login, "dupont.a");
  EXPECT_EQ(accounts[0].division, "3A");
  EXPECT_EQ(accounts[1].kind, "staff");
  EXPECT_EQ(accounts[1].given_name, "Bruno");
  EXPECT_TRUE(state::created_accounts(db, "gone").empty());
  EXPECT_TRUE(state::created_accounts(db, "broken").empty());

  const auto inputs = state::run_inputs(db, "old");
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].kind, "sts-emp");
  EXPECT_EQ(inputs[0].export_date, "");
  EXPECT_EQ(inputs[0].version, "");
  EXPECT_EQ(inputs[0].records, 4u);
  EXPECT_EQ(inputs[0].bytes, 99u);
  EXPECT_EQ(inputs[1].path, "/inbox/e.xml");
  EXPECT_EQ(inputs[1].export_date, "2025-11-14");
  EXPECT_EQ(inputs[1].version, "1.3");
  EXPECT_EQ(inputs[1].sha256, "cd");
  EXPECT_TRUE(state::run_inputs(db, "broken").empty());
  EXPECT_EQ(store.run("old")->inputs_digest, "digest");
}

TEST_F(StateUpgradeV1Cases, AStoreOfANewerSchemaIsStillRefused) {
  {
    state::Database db((state_dir() / "edusync.db").string());
    db.exec(("PRAGMA user_version = " + std::to_string(state::kSchemaVersion + 1)).c_str());
  }
  EXPECT_THROW(state::StateStore store(state_dir().string()), state::StateError);
  EXPECT_THROW(state::StateStore::for_reading(state_dir().string()), state::StateError);
}

TEST(RunDetails, SavingAgainReplacesAndRowsKeepTheirOrder) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  auto& db = store.database();
  state::save_run_inputs(db, "r1", {{"b.xml", "sts-emp", "0140065T", "2025", "", "", 1, 2, "s1"}});
  state::save_run_inputs(
      db, "r1",
      {{"z.xml", "siecle-eleves", "0140065T", "2025", "2025-11-14", "", 3, 4, "s2"},
       {"a.xml", "sts-emp", "0140065T", "2025", "", "", 5, 6, "s3"}});
  const auto inputs = state::run_inputs(db, "r1");
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].path, "z.xml");
  EXPECT_EQ(inputs[0].export_date, "2025-11-14");
  EXPECT_EQ(inputs[1].path, "a.xml");
  EXPECT_EQ(inputs[1].bytes, 6u);
  EXPECT_TRUE(state::run_inputs(db, "r2").empty());

  state::save_created_accounts(
      db, "r1", {{"k2", "staff", "l2", "S2", "G2", ""}, {"k1", "pupil", "l1", "S1", "G1", "3A"}});
  state::save_created_accounts(db, "r2", {{"k3", "pupil", "l3", "S3", "G3", "4B"}});
  const auto accounts = state::created_accounts(db, "r1");
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0].key, "k2");
  EXPECT_EQ(accounts[1].division, "3A");
  EXPECT_EQ(state::created_accounts(db, "r2").size(), 1u);
}

// A run that creates accounts records them, in the report's order, with the run.
TEST(RunDetails, ARunRecordsItsInputsAndTheAccountsItCreated) {
  test::TempDir dir;
  for (const char* name : {"eleves.xml", "responsables.xml", "sts.xml"})
    dir.write(std::string("inbox/") + name, test::read_handmade(name));
  const std::string yaml =
      "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir.path() / "state").string() +
      "\ninbox: " + (dir.path() / "inbox").string() +
      "\nconnectors:\n  - {name: audit, type: journal, path: " +
      (dir.path() / "journal.jsonl").string() + "}\n";
  run::RunOptions options;
  options.today = "2025-11-20";
  const auto outcome = test::run_config(yaml, options);
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  ASSERT_FALSE(outcome.report.new_accounts.empty());
  state::StateStore store((dir.path() / "state").string());
  const auto accounts = state::created_accounts(store.database(), outcome.report.id);
  ASSERT_EQ(accounts.size(), outcome.report.new_accounts.size());
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    EXPECT_EQ(accounts[i].key, outcome.report.new_accounts[i].key);
    EXPECT_EQ(accounts[i].login, outcome.report.new_accounts[i].login);
    EXPECT_EQ(accounts[i].division, outcome.report.new_accounts[i].division);
  }
  const auto inputs = state::run_inputs(store.database(), outcome.report.id);
  ASSERT_EQ(inputs.size(), outcome.report.sources.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(inputs[i].path, outcome.report.sources[i].path);
    EXPECT_EQ(inputs[i].sha256, outcome.report.sources[i].sha256);
    EXPECT_EQ(inputs[i].records, outcome.report.sources[i].records);
  }
}

}  // namespace
}  // namespace edusync
