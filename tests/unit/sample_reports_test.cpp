// The reports of the bundled sample's two runs (samples/college, then samples/college-next two
// weeks later), text, HTML and JSON, against golden files: what an operator reads the next
// morning. The second run names every changed person with name, login and what changed.
// Run ids, times and the temporary directory are the only parts replaced before comparing.
// EDUSYNC_UPDATE_GOLDEN=1 rewrites the golden files; review the diff.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "run/runner.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

class SampleReports : public ::testing::Test {
 protected:
  run::RunOutcome run(const std::string& sample_dir, const std::string& today) {
    fs::remove_all(dir_.path() / "inbox");
    fs::create_directories(dir_.path() / "inbox");
    for (const auto& entry :
         fs::directory_iterator(std::string(EDUSYNC_SAMPLES) + "/" + sample_dir)) {
      if (entry.path().extension() == ".json") continue;
      fs::copy_file(entry.path(), dir_.path() / "inbox" / entry.path().filename());
    }
    const auto root = dir_.path().string();
    const std::string config =
        "school: {uai: 0069500U, name: \"Collège de démonstration\"}\nstate_dir: " + root +
        "/state\ninbox: " + root +
        "/inbox\nconnectors:\n  - {name: audit, type: journal, path: " + root +
        "/journal.jsonl}\n  - {name: koxo, type: koxo-csv, dir: " + root + "/out/koxo}\n";
    run::RunOptions options;
    options.today = today;
    auto outcome = test::run_config(config, options);
    EXPECT_EQ(outcome.status, run::Status::done) << outcome.report.error;
    return outcome;
  }

  // The file's text with what changes from one execution to the next replaced.
  std::string stable(const std::string& path) const {
    std::string text = test::read_file(path);
    text = std::regex_replace(text, std::regex(R"(\d{8}T\d{6}Z-[0-9a-f]{4})"), "<RUN>");
    text =
        std::regex_replace(text, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"), "<TIME>");
    const auto root = dir_.path().string();
    for (auto at = text.find(root); at != std::string::npos; at = text.find(root))
      text.replace(at, root.size(), "<DIR>");
    return text;
  }

  void expect_golden(const run::RunOutcome& outcome, const std::string& name) const {
    for (const char* extension : {"txt", "html", "json"}) {
      const auto text = stable(outcome.report_dir + "/report." + extension);
      const auto golden = std::string(EDUSYNC_GOLDEN) + "/" + name + "." + extension;
      if (std::getenv("EDUSYNC_UPDATE_GOLDEN") != nullptr)
        test::TempDir::write_absolute(golden, text);
      EXPECT_EQ(text, test::read_file(golden)) << "golden file " << golden;
    }
  }

  test::TempDir dir_;
};

TEST_F(SampleReports, BothRunsMatchTheirGoldenReportsAndTheSecondNamesEveryChange) {
  const auto first = run("college", "2026-01-16");
  expect_golden(first, "sample_first_run");
  const auto second = run("college-next", "2026-01-30");
  expect_golden(second, "sample_second_run");

  const auto text = test::read_file(second.report_dir + "/report.txt");
  const auto html = test::read_file(second.report_dir + "/report.html");
  // Each kind of change of the scenario, with the name, the login and what changed.
  for (const std::string said :
       {"modification : DENIS-CARON Côme (denis-cc) — classe : 4E 1 → 3E 1",
        "modification : CHARPENTIER Chloé-Marie (charpenc) — prénom : Chloé → Chloé-Marie",
        "arrivée : NOUVEL Noémie (nouveln)",
        "départ : BOURGEOIS Hugo (bourgeoh) — suppression le 01/03/2026",
        "départ : GIRAUD Olivier — suppression le 01/03/2026",
        "arrivée : ARRIVÉE Hélène (arriveeh)", "groupe 5 LAT → 5 LATIN"})
    EXPECT_NE(text.find(said), std::string::npos) << said << " in\n" << text;
  for (const std::string said :
       {"<td>DENIS-CARON Côme</td><td>denis-cc</td><td>modification</td><td>classe : 4E 1 → 3E 1",
        "<td>NOUVEL Noémie</td><td>nouveln</td><td>arrivée</td>",
        "<td>BOURGEOIS Hugo</td><td>bourgeoh</td><td>départ</td><td>suppression le 01/03/2026",
        "<td>ARRIVÉE Hélène</td><td>arriveeh</td><td>arrivée</td>"})
    EXPECT_NE(html.find(said), std::string::npos) << said;
  const auto json = nlohmann::json::parse(test::read_file(second.report_dir + "/report.json"));
  bool class_move = false;
  for (const auto& change : json["person_changes"]) {
    if (change["name"] != "DENIS-CARON Côme") continue;
    EXPECT_EQ(change["login"], "denis-cc");
    EXPECT_EQ(change["fields"][0],
              (nlohmann::json{{"field", "division"}, {"before", "4E 1"}, {"after", "3E 1"}}));
    class_move = true;
  }
  EXPECT_TRUE(class_move);
  EXPECT_EQ(json["lists"]["person_changes"]["count"], 11);
}

}  // namespace
}  // namespace edusync
