// A school whose exports did not change since its stored part is not parsed again
// (run/school_parts.hpp), and that changes nothing a run decides: the snapshot, the report and
// its lists are byte for byte those of a run that re-reads every school (--recompute on a copy
// of the same state). Real runs on three generated schools, real SQLite.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/generated_schools.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class SchoolReuse : public ::testing::Test {
 protected:
  void SetUp() override {
    for (std::uint32_t i = 0; i < 3; ++i) {
      schools_.push_back(test::generate_school(dir_.path() / ("gen" + std::to_string(i)), 11 + i,
                                               30, 69500 + 41 * i));
    }
  }

  // A run of the three schools on `state`, with the inbox as the schools are now.
  run::RunOutcome run(const std::string& state, const std::string& today, bool recompute = false,
                      bool dry_run = false) {
    test::drop_schools(dir_.path() / "inbox", schools_);
    std::string yaml = "school: {uai: [";
    for (const auto& school : schools_)
      yaml += school.uai + (&school == &schools_.back() ? "" : ", ");
    yaml += "], name: Bassin}\nstate_dir: " + (dir_.path() / state).string() +
            "\ninbox: " + (dir_.path() / "inbox").string() +
            "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n"
            "  - {name: audit, type: journal, path: " +
            (dir_.path() / (state + ".jsonl")).string() + "}\n" + extra_yaml_;
    run::RunOptions options;
    options.today = today;
    options.recompute = recompute;
    options.dry_run = dry_run;
    return test::run_config(yaml, options);
  }

  // Two states equal to the one of the first run: "state" and "copy".
  void first_run_and_copy() {
    ASSERT_EQ(run("state", "2026-01-15").status, run::Status::done);
    fs::copy(dir_.path() / "state", dir_.path() / "copy", fs::copy_options::recursive);
    fs::copy_file(dir_.path() / "state.jsonl", dir_.path() / "copy.jsonl");
  }

  std::string latest_snapshot(const std::string& state) {
    state::StateStore store((dir_.path() / state).string());
    auto query = store.database().prepare("SELECT data FROM snapshots ORDER BY id DESC LIMIT 1");
    EXPECT_TRUE(query.step());
    return query.text(0);
  }

  std::map<std::string, std::string> part_fingerprints(const std::string& state) {
    state::StateStore store((dir_.path() / state).string());
    std::map<std::string, std::string> parts;
    auto query = store.database().prepare("SELECT uai, fingerprint FROM school_parts");
    while (query.step()) parts[query.text(0)] = query.text(1);
    return parts;
  }

  // report.json without what differs between any two runs (its id and times) and without the
  // line on reused schools.
  static Json comparable_report(const run::RunOutcome& outcome) {
    auto report = Json::parse(test::read_file(outcome.report_dir + "/report.json"));
    for (const char* field : {"id", "started", "finished"}) report["run"].erase(field);
    report.erase("schools");
    return report;
  }

  // report.txt below its heading (which names the run), without the line on reused schools.
  static std::string comparable_text(const run::RunOutcome& outcome) {
    std::istringstream in(test::read_file(outcome.report_dir + "/report.txt"));
    std::string line, text;
    for (int skipped = 0; skipped < 2 && std::getline(in, line); ++skipped) {
    }
    while (std::getline(in, line)) {
      if (!line.starts_with("Établissements : ")) text += line + "\n";
    }
    return text;
  }

  static void expect_same_lists(const run::RunOutcome& a, const run::RunOutcome& b) {
    std::size_t lists = 0;
    for (const auto& entry : fs::directory_iterator(a.report_dir)) {
      if (entry.path().extension() != ".jsonl") continue;
      ++lists;
      const auto other = fs::path(b.report_dir) / entry.path().filename();
      EXPECT_EQ(test::read_file(entry.path().string()), test::read_file(other.string()))
          << entry.path().filename();
    }
    EXPECT_GT(lists, 0u);
  }

  // The journal's lines without the run id that each names.
  std::vector<Json> journal_items(const std::string& name) {
    std::vector<Json> items;
    std::istringstream in(test::read_file((dir_.path() / name).string()));
    for (std::string line; std::getline(in, line);) {
      auto item = Json::parse(line);
      item.erase("run");
      items.push_back(std::move(item));
    }
    return items;
  }

  test::TempDir dir_;
  std::vector<test::GeneratedSchool> schools_;
  std::string extra_yaml_;  // appended to the configuration
};

TEST_F(SchoolReuse, AReusedSchoolAndAReReadOneGiveTheSameSnapshotReportAndLists) {
  first_run_and_copy();
  const auto leaver = test::current_pupil_ids(schools_[1].eleves()).front();
  test::make_leave(schools_[1].eleves(), leaver, "10/01/2026");

  const auto reused = run("state", "2026-01-16");
  const auto reread = run("copy", "2026-01-16", /*recompute=*/true);
  ASSERT_EQ(reused.status, run::Status::done) << reused.report.error;
  ASSERT_EQ(reread.status, run::Status::done) << reread.report.error;

  EXPECT_EQ(reused.report.schools_reread, std::vector<std::string>{schools_[1].uai});
  EXPECT_EQ(reused.report.schools_reused,
            (std::vector<std::string>{schools_[0].uai, schools_[2].uai}));
  EXPECT_TRUE(reread.report.schools_reused.empty());
  EXPECT_EQ(reread.report.schools_reread.size(), 3u);

  EXPECT_EQ(latest_snapshot("state"), latest_snapshot("copy"));
  EXPECT_EQ(comparable_report(reused), comparable_report(reread));
  EXPECT_EQ(comparable_text(reused), comparable_text(reread));
  expect_same_lists(reused, reread);
  EXPECT_EQ(journal_items("state.jsonl"), journal_items("copy.jsonl"));
  // Not an empty comparison: the leaver is in both plans, the warnings of every school in both.
  EXPECT_EQ(comparable_report(reused)["changes"]["pupils"]["departed"], 1);
  EXPECT_FALSE(reused.report.warnings.empty());

  const auto json = Json::parse(test::read_file(reused.report_dir + "/report.json"));
  EXPECT_EQ(json["schools"]["reused"], 2);
  EXPECT_EQ(json["schools"]["reread_uais"], Json::array({schools_[1].uai}));
  EXPECT_NE(test::read_file(reused.report_dir + "/report.txt")
                .find("Établissements : 2 repris tels quels"),
            std::string::npos);
}

TEST_F(SchoolReuse, ASchoolChangedOnlyInItsResponsablesIsReRead) {
  first_run_and_copy();
  // Every mobile number starting +337 now starts +339: the same length, other numbers.
  auto& responsables = schools_[2].responsables();
  std::size_t edited = 0;
  for (auto at = responsables.find("<TEL_PORTABLE>+337"); at != std::string::npos;
       at = responsables.find("<TEL_PORTABLE>+337", at + 1), ++edited) {
    responsables[at + std::string("<TEL_PORTABLE>+33").size()] = '9';
  }
  ASSERT_GT(edited, 0u);

  const auto outcome = run("state", "2026-01-16");
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_EQ(outcome.report.schools_reread, std::vector<std::string>{schools_[2].uai});
  EXPECT_GT(comparable_report(outcome)["changes"]["guardians"]["updated"].get<int>(), 0);
  EXPECT_EQ(latest_snapshot("state"), [&] {
    run("copy", "2026-01-16", /*recompute=*/true);
    return latest_snapshot("copy");
  }());
}

TEST_F(SchoolReuse, RecomputeReadsEverySchoolAndKeepsTheirParts) {
  ASSERT_EQ(run("state", "2026-01-15").status, run::Status::done);
  const auto before = part_fingerprints("state");
  ASSERT_EQ(before.size(), 3u);

  const auto outcome = run("state", "2026-01-16", /*recompute=*/true);
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_TRUE(outcome.report.schools_reused.empty());
  EXPECT_EQ(outcome.report.schools_reread.size(), 3u);
  EXPECT_TRUE(outcome.report.plan.items.empty());
  EXPECT_EQ(part_fingerprints("state"), before);  // same inputs, same fingerprints
}

TEST_F(SchoolReuse, AnUnreadableStoredPartIsParsedAgainAndReplaced) {
  first_run_and_copy();
  {
    state::StateStore store((dir_.path() / "state").string());
    store.database()
        .prepare("UPDATE school_parts SET data = ?1 WHERE uai = ?2")
        .bind_blob(1, "EDSP garbage")
        .bind(2, schools_[0].uai)
        .run();
  }
  test::make_leave(schools_[1].eleves(), test::current_pupil_ids(schools_[1].eleves()).front(),
                   "10/01/2026");

  const auto outcome = run("state", "2026-01-16");
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_EQ(outcome.report.schools_reread,
            (std::vector<std::string>{schools_[0].uai, schools_[1].uai}));
  run("copy", "2026-01-16", /*recompute=*/true);
  EXPECT_EQ(latest_snapshot("state"), latest_snapshot("copy"));
  EXPECT_EQ(part_fingerprints("state"), part_fingerprints("copy"));
}

TEST_F(SchoolReuse, ADryRunReusesButStoresNothing) {
  first_run_and_copy();
  const auto before = part_fingerprints("state");
  test::make_leave(schools_[1].eleves(), test::current_pupil_ids(schools_[1].eleves()).front(),
                   "10/01/2026");

  const auto outcome = run("state", "2026-01-16", false, /*dry_run=*/true);
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_EQ(outcome.report.schools_reread, std::vector<std::string>{schools_[1].uai});
  EXPECT_EQ(outcome.report.schools_reused.size(), 2u);
  EXPECT_EQ(part_fingerprints("state"), before);
}

TEST_F(SchoolReuse, ChangedOptionsThatShapeAPartMakeEverySchoolReRead) {
  ASSERT_EQ(run("state", "2026-01-15").status, run::Status::done);
  const auto before = part_fingerprints("state");
  test::make_leave(schools_[1].eleves(), test::current_pupil_ids(schools_[1].eleves()).front(),
                   "10/01/2026");  // else the whole inbox is unchanged: the run stops at once
  extra_yaml_ = "timetable: {memberships: union}\n";
  const auto outcome = run("state", "2026-01-16");
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_TRUE(outcome.report.schools_reused.empty());
  EXPECT_EQ(outcome.report.schools_reread.size(), 3u);
  const auto after = part_fingerprints("state");
  ASSERT_EQ(after.size(), 3u);
  for (const auto& [uai, fingerprint] : after) EXPECT_NE(fingerprint, before.at(uai)) << uai;
}

TEST_F(SchoolReuse, ASchoolNoLongerConfiguredLosesItsPartAndTheOthersAreStillReused) {
  ASSERT_EQ(run("state", "2026-01-15").status, run::Status::done);
  test::make_leave(schools_[1].eleves(), test::current_pupil_ids(schools_[1].eleves()).front(),
                   "10/01/2026");
  const auto gone = schools_.back().uai;
  schools_.pop_back();
  const auto outcome = run("state", "2026-01-16");  // held: the school's exports are missing
  EXPECT_EQ(outcome.report.schools_reused, std::vector<std::string>{schools_[0].uai});
  EXPECT_EQ(outcome.report.schools_reread, std::vector<std::string>{schools_[1].uai});
  const auto parts = part_fingerprints("state");
  EXPECT_EQ(parts.size(), 2u);
  EXPECT_FALSE(parts.contains(gone));
}

}  // namespace
}  // namespace edusync
