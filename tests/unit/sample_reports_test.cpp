// The reports of the bundled sample's two runs (samples/college, then samples/college-next two
// weeks later), text, HTML and JSON, against golden files: what an operator reads the next
// morning. The second run names every changed person with name, login and what changed.
// Run ids, times and the temporary directory are the only parts replaced before comparing.
// EDUSYNC_UPDATE_GOLDEN=1 rewrites the golden files; review the diff.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "report/run_report.hpp"
#include "run/runner.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

class SampleReports : public ::testing::Test {
 protected:
  run::RunOutcome run(const std::string& sample_dir, const std::string& today,
                      bool dry_run = false) {
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
        "/journal.jsonl}\n  - {name: koxo, type: koxo-csv, dir: " + root + "/out/koxo}\n" +
        extra_connectors_;
    run::RunOptions options;
    options.today = today;
    options.dry_run = dry_run;
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
  std::string extra_connectors_;
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

// `diff` (a dry run) says what each target would be sent: the run's changes for the targets
// that applied the first run, everything for one configured since.
TEST_F(SampleReports, ADryRunPreviewsWhatEachTargetWouldBeSent) {
  run("college", "2026-01-16");
  extra_connectors_ =
      "  - {name: pix, type: pix-orga, dir: " + (dir_.path() / "pix").string() + "}\n";
  const auto preview = run("college-next", "2026-01-30", true);
  ASSERT_EQ(preview.report.previews.size(), 3u);
  EXPECT_TRUE(preview.report.connectors.empty());
  const auto text = report::to_text(preview.report);
  for (const char* said :
       {"Ce que chaque cible recevrait :\n",
        "  koxo (koxo-csv) : comptes : 2 à créer, 2 à modifier, 3 partis ; responsables : 4 partis "
        "; groupes : 1 à renommer ; appartenances : 4 à ajouter, 8 à retirer\n",
        "  pix (pix-orga) : comptes : 142 à créer ; responsables : 191 à créer ; divisions : 5 à "
        "créer ; groupes : 11 à créer ; appartenances : 272 à ajouter\n",
        "Cibles :\n  aucune appelée (rien n'a été appliqué)\n",
        // The files a file target would write, with their rows, built and not written.
        "    2 fichiers à écrire, 146 lignes : koxo_0069500U_20260130_", "_full.csv (142 lignes, ",
        "_delta.csv (4 lignes, ", "    1 fichier à écrire, 110 lignes : pix_0069500U_20260130_"})
    EXPECT_NE(text.find(said), std::string::npos) << said << " in\n" << text;
  const auto& koxo = preview.report.previews.at(1);
  ASSERT_EQ(koxo.name, "koxo");
  ASSERT_EQ(koxo.files.size(), 2u);
  EXPECT_EQ(koxo.files[0].rows, 142);  // every pupil and staff member with an account
  EXPECT_GT(koxo.files[0].bytes, 0u);
  EXPECT_TRUE(preview.report.previews.at(0).files.empty()) << "the journal writes no files";
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "out" / "koxo" / (koxo.files[1].name)))
      << "a preview writes nothing";
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "pix")) << "a preview writes nothing";
  const auto html = report::to_html(preview.report);
  EXPECT_NE(html.find("<td>pix</td><td>pix-orga</td><td>comptes : 142 à créer"), std::string::npos);
}

}  // namespace
}  // namespace edusync
