// `edusync run` (in process, real files, real SQLite) on the hand-written college with an EDT
// export in its inbox, clear or encrypted: the run invariants hold for a timetable (same
// inputs plan nothing, keys stay), and a group renamed in EDT between two runs is a rename.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run/runner.hpp"
#include "sources/timetable/index_seal.hpp"
#include "support/test_support.hpp"
#include "support/timetable_export.hpp"

namespace edusync {
namespace {

class TimetableRun : public ::testing::Test {
 protected:
  std::string config_text() const {
    return "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir_.path() / "state").string() +
           "\ninbox: " + (dir_.path() / "inbox").string() +
           "\ntimetable: {partner_key_file: " + (dir_.path() / "partner.pem").string() + "}\n" +
           "connectors:\n  - {name: ent, type: ent-csv, dir: " + (dir_.path() / "ent").string() +
           "}\n  - {name: koxo, type: koxo-csv, dir: " + (dir_.path() / "koxo").string() +
           "}\n  - {name: elea, type: elea-csv, dir: " + (dir_.path() / "elea").string() + "}\n";
  }

  // The hand-made SIECLE and STS-web exports and `edt` (a file name, its content).
  run::RunOutcome run(const std::string& today, const std::string& edt_name,
                      const std::string& edt) {
    std::filesystem::remove_all(dir_.path() / "inbox");
    dir_.write("inbox/ElevesSansAdresses.xml", test::read_handmade("eleves.xml"));
    dir_.write("inbox/ResponsablesAvecAdresses.xml", test::read_handmade("responsables.xml"));
    dir_.write("inbox/sts_emp_0140065T_2025.xml", test::read_handmade("sts.xml"));
    dir_.write("inbox/" + edt_name, edt);
    run::RunOptions options;
    options.today = today;
    options.recompute = true;  // the inputs differ only by their timetable in some runs
    return test::run_config(config_text(), options);
  }

  nlohmann::json changes(const run::RunOutcome& outcome) const {
    return nlohmann::json::parse(test::read_file(outcome.report_dir + "/report.json"))["changes"];
  }

  // Everything a file target wrote (its directory under the test's).
  std::string written_by(const std::string& target) const {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_.path() / target)) {
      if (entry.is_regular_file() && entry.path().extension() != ".zip") {
        all += test::read_file(entry.path().string());
      }
    }
    return all;
  }

  test::TempDir dir_;
};

TEST_F(TimetableRun, ATimetableGroupIsSynchronisedAndTheSameInputsPlanNothing) {
  const auto first = run("2025-11-20", "edt.xml", test::edt_export("AP 6"));
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  EXPECT_EQ(changes(first)["groups"]["added"], 2) << "6LAT from STS-web and AP 6 from EDT";
  EXPECT_NE(written_by("ent").find("AP 6"), std::string::npos) << "the ENT's group columns";
  // Éléa gets the group as a cohort of its pupils and teacher; KOXO's one GroupeSecondaire
  // column is the pupil's class, so teaching groups are not in its file.
  EXPECT_NE(written_by("elea").find(",0140065T-groupe-AP 6"), std::string::npos)
      << written_by("elea");
  EXPECT_EQ(written_by("koxo").find("AP 6"), std::string::npos);
  const auto second = run("2025-11-21", "edt.xml", test::edt_export("AP 6"));
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  EXPECT_TRUE(second.report.plan.empty()) << "recomputed with identical inputs: nothing to do";
}

TEST_F(TimetableRun, AGroupRenamedInEdtIsARenameNotANewGroup) {
  ASSERT_EQ(run("2025-11-20", "edt.xml", test::edt_export("AP 6")).status, run::Status::done);
  const auto renamed = run("2025-11-27", "edt.xml", test::edt_export("AP-6E"));
  ASSERT_EQ(renamed.status, run::Status::done) << renamed.report.error;
  const auto c = changes(renamed);
  EXPECT_EQ(c["groups"]["renamed"], 1);
  EXPECT_EQ(c["groups"]["added"], 0);
  EXPECT_EQ(c["groups"]["removed"], 0);
}

TEST_F(TimetableRun, AnEncryptedExportGivesWhatItsClearFileGives) {
  const auto keys = timetable::generate_test_key_pair(1024);  // 1024: fast, the key is thrown away
  dir_.write("partner.pem", keys.private_pem);
  timetable::SealOptions seal;
  seal.uai = "0140065T";
  seal.date_time = "2025-11-14T18:30:00";
  const std::string sealed =
      timetable::seal_index_container(test::edt_export("AP 6"), keys.public_pem, seal);
  const auto encrypted = run("2025-11-20", "0140065T_EXPORT_INDEX_EDUCATION.xml", sealed);
  ASSERT_EQ(encrypted.status, run::Status::done) << encrypted.report.error;
  EXPECT_EQ(changes(encrypted)["groups"]["added"], 2);
  EXPECT_NE(written_by("ent").find("AP 6"), std::string::npos);
  const auto clear = run("2025-11-21", "edt.xml", test::edt_export("AP 6"));
  ASSERT_EQ(clear.status, run::Status::done) << clear.report.error;
  EXPECT_TRUE(clear.report.plan.empty()) << "the clear file of the same export changes nothing";
}

TEST_F(TimetableRun, AnEncryptedExportWithoutItsKeyStopsTheRunSayingWhatToDo) {
  const auto keys = timetable::generate_test_key_pair(1024);
  const std::string sealed =
      timetable::seal_index_container(test::edt_export("AP 6"), keys.public_pem);
  const auto refused = run("2025-11-20", "0140065T_EXPORT_INDEX_EDUCATION.xml", sealed);
  EXPECT_NE(refused.status, run::Status::done);
  EXPECT_NE(refused.report.error.find("partner.pem"), std::string::npos) << refused.report.error;
}

}  // namespace
}  // namespace edusync
