// The real binary on a real inbox and state: exit codes, crash safety (SIGKILL at each step,
// then a normal run converges), a failing connector (partial), check-config, account sheets.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;

class CliRun : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"eleves.xml", "responsables.xml", "sts.xml"}) {
      dir_.write(std::string("inbox/") + name,
                 test::read_file(std::string(EDUSYNC_TEST_DATA) + "/handmade/" + name));
    }
    write_config(journal());
  }

  void write_config(const std::string& second_journal) {
    config_ = dir_.write("edusync.yaml", "school: {uai: 0140065T, name: Test}\nstate_dir: " +
                                             (dir_.path() / "state").string() +
                                             "\ninbox: " + (dir_.path() / "inbox").string() +
                                             "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n"
                                             "  - {name: audit, type: journal, path: " +
                                             journal() +
                                             "}\n"
                                             "  - {name: second, type: journal, path: " +
                                             second_journal + "}\n");
  }

  std::string journal() const { return (dir_.path() / "journal.jsonl").string(); }

  int edusync(const std::string& arguments, const std::string& environment = "") {
    return test::run_command(environment + " " + kBinary + " --config " + config_ + " " +
                                 arguments + " --today 2025-11-20 --settle-ms 0 2>&1",
                             output_);
  }

  nlohmann::json last_report() {
    std::string json;
    test::run_command(kBinary + " --config " + config_ + " report --format json", json);
    return nlohmann::json::parse(json);
  }

  std::set<std::string> logins() {
    std::set<std::string> logins;
    for (const auto& item : last_report()["items"]) {
      if (item.contains("login")) logins.insert(item["login"]);
    }
    return logins;
  }

  test::TempDir dir_;
  std::string config_;
  std::string output_;
};

TEST_F(CliRun, CheckConfigValidatesTheFile) {
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + config_ + " check-config 2>&1", out), 0)
      << out;
  const auto bad = dir_.write(
      "bad.yaml", "school: {uai: 0140065T}\nstate_dir: /tmp/x\ninbox: /tmp/y\nsaftey: {}\n");
  EXPECT_EQ(test::run_command(kBinary + " --config " + bad + " check-config 2>&1", out), 2);
  EXPECT_NE(out.find("bad.yaml:4:1"), std::string::npos) << out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + bad + " run 2>&1", out), 2);
}

// A mistyped command is named with the closest one (exit 2, usage); --version says the version.
TEST_F(CliRun, AnUnknownCommandIsAnsweredWithTheClosestOne) {
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + config_ + " runn 2>&1", out), 2);
  EXPECT_NE(out.find("commande inconnue « runn » : vouliez-vous dire « run » ?"), std::string::npos)
      << out;
  EXPECT_NE(out.find("check-config"), std::string::npos) << "the commands are listed: " << out;
  EXPECT_EQ(test::run_command(kBinary + " --config=" + config_ + " inpsect 2>&1", out), 2);
  EXPECT_NE(out.find("« inspect »"), std::string::npos) << out;
  EXPECT_EQ(test::run_command(kBinary + " zzzzzz 2>&1", out), 2);
  EXPECT_EQ(out.find("vouliez-vous"), std::string::npos) << "nothing close: " << out;
  EXPECT_EQ(test::run_command(kBinary + " --version 2>&1", out), 0);
  EXPECT_EQ(out, "edusync " EDUSYNC_VERSION_EXPECTED "\n");
}

TEST_F(CliRun, RunThenReportThenAccounts) {
  ASSERT_EQ(edusync("run"), 0) << output_;
  EXPECT_NE(output_.find("audit (journal) : réussi"), std::string::npos) << output_;
  const auto report = last_report();
  EXPECT_EQ(report["run"]["status"], "ok");
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + config_ + " report --format html", out), 0);
  EXPECT_NE(out.find("<!DOCTYPE html>"), std::string::npos);
  ASSERT_EQ(
      test::run_command(
          kBinary + " --config " + config_ + " accounts --format csv --today 2025-11-20", out),
      0)
      << out;
  const std::string run_dir =
      (dir_.path() / "state" / "reports" / report["run"]["id"].get<std::string>()).string();
  const auto csv = test::read_file(run_dir + "/accounts.csv");
  EXPECT_NE(csv.find("6 A;CŒURDEVEY;Lætitia;coeurdel;"), std::string::npos) << csv;
  struct stat info {};
  ASSERT_EQ(::stat((run_dir + "/accounts.csv").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  // No initial password in any report or log.
  const auto password = csv.substr(csv.find("coeurdel;") + 9, 8);
  for (const char* file : {"/report.json", "/report.txt", "/report.html"}) {
    EXPECT_EQ(test::read_file(run_dir + file).find(password), std::string::npos) << file;
  }
  EXPECT_EQ(test::read_file(journal()).find(password), std::string::npos);
}

// On a terminal each stage is told as it ends, with what it found and how long it took; not
// into a file or a pipe, nor under systemd (INVOCATION_ID), whose status line carries it.
TEST_F(CliRun, OnATerminalEachStageIsToldAsItEnds) {
  const std::string command =
      kBinary + " --config " + config_ + " run --today 2025-11-20 --settle-ms 0";
  std::string out;
  ASSERT_EQ(test::run_command("script -qec '" + command + "' /dev/null", out), 0) << out;
  for (const char* said :
       {" s] boîte de dépôt (attente des fichiers, lecture des en-têtes) : 3 exports retenus",
        " s] lecture des exports : 5 élèves, 3 responsables, 4 personnels, ",
        " s] calcul des changements et contrôles de sécurité : 26 changements",
        " s] application aux connecteurs : audit réussi, 26 opérations appliquées, 0 échec ; ",
        "; second réussi, 26 opérations appliquées", " s] écriture du rapport : "})
    EXPECT_NE(out.find(said), std::string::npos) << said << " in\n" << out;
  ASSERT_EQ(edusync("run --recompute"), 0);
  EXPECT_EQ(output_.find(" s] lecture des exports"), std::string::npos) << "not a terminal";
  ASSERT_EQ(
      test::run_command("INVOCATION_ID=1 script -qec '" + command + " --recompute' /dev/null", out),
      0);
  EXPECT_EQ(out.find(" s] lecture des exports"), std::string::npos) << "under systemd: " << out;
  // In the report's language.
  config_ = dir_.write("edusync.yaml", test::read_file(config_) + "report: {language: en}\n");
  ASSERT_EQ(test::run_command("script -qec '" + kBinary + " --config " + config_ +
                                  " run --today 2025-11-20 --settle-ms 0 --recompute' /dev/null",
                              out),
            0);
  EXPECT_NE(out.find(" s] reading the exports: 5 pupils, 3 guardians, 4 staff, "),
            std::string::npos)
      << out;
}

// Sheets people can hand out: the school and its UAI, the date, where to log in, the
// change-your-password note, a page per class in French order; the CSV opens in Excel (BOM).
// `accounts` without a run takes the last run that created accounts, and `runs` lists them.
TEST_F(CliRun, AccountSheetsCanBeHandedOutAndRunsAreListed) {
  config_ = dir_.write("edusync.yaml", test::read_file(config_) +
                                           "  - {name: ent, type: journal, path: " +
                                           (dir_.path() / "ent.jsonl").string() +
                                           ", login_address: \"https://ent.example.fr\"}\n");
  ASSERT_EQ(edusync("run"), 0) << output_;
  const auto first = last_report()["run"]["id"].get<std::string>();
  ASSERT_EQ(edusync("run"), 0) << output_;  // unchanged: creates nothing
  std::string out;
  ASSERT_EQ(
      test::run_command(kBinary + " --config " + config_ + " accounts --today 2025-11-20", out), 0)
      << out;
  EXPECT_NE(out.find("du passage " + first), std::string::npos)
      << "the last run that created accounts, not the last run: " << out;
  const auto html = test::read_file(dir_.path() / "state" / "reports" / first / "accounts.html");
  for (const char* said :
       {"<b>Test</b> — UAI 0140065T", "Comptes créés le ", "<li>ent : https://ent.example.fr</li>",
        "À la première connexion, choisissez un nouveau mot de passe",
        "et sera effacé de nos fichiers le 27/11/2025", "<h1>6 A</h1>", "<h1>Personnels</h1>"})
    EXPECT_NE(html.find(said), std::string::npos) << said;
  // French order in a class: CŒURDEVEY before MARTIN-LEFÈVRE; staff after every class.
  EXPECT_LT(html.find("CŒURDEVEY"), html.find("MARTIN-LEFÈVRE"));
  EXPECT_LT(html.find("<h1>6 B</h1>"), html.find("<h1>Personnels</h1>"));
  ASSERT_EQ(
      test::run_command(
          kBinary + " --config " + config_ + " accounts --format csv --today 2025-11-20", out),
      0);
  const auto csv = test::read_file(dir_.path() / "state" / "reports" / first / "accounts.csv");
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "division;nom;prenom;identifiant;mot_de_passe\r\n"));

  ASSERT_EQ(test::run_command(kBinary + " --config " + config_ + " runs", out), 0) << out;
  EXPECT_NE(out.find("passage                 début                 état        comptes créés"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(first), std::string::npos);
  EXPECT_NE(out.find("réussi      9"), std::string::npos) << out;
  EXPECT_NE(out.find("réussi      0"), std::string::npos) << out;
}

// The HTML report is one self-contained page that a real browser renders: headless Chromium
// (Debian's package, installed by edusync.sh) loads it, its DOM holds the sections, and a
// screenshot is produced. No external asset: the page names no http(s) URL.
TEST_F(CliRun, HtmlReportRendersInHeadlessChromium) {
  ASSERT_EQ(edusync("run"), 0) << output_;
  const std::string run_dir =
      (dir_.path() / "state" / "reports" / last_report()["run"]["id"].get<std::string>()).string();
  const std::string html = test::read_file(run_dir + "/report.html");
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  const std::string chromium =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking "
      "--disable-component-update --disable-sync --user-data-dir=" +
      (dir_.path() / "chromium").string();
  std::string dom;
  ASSERT_EQ(test::run_command("timeout 120 " + chromium + " --dump-dom file://" + run_dir +
                                  "/report.html 2>/dev/null",
                              dom),
            0);
  for (const char* expected : {"Rapport de synchronisation edusync", "Changements",
                               "DUPLICATE_GUARDIAN", "Qui a changé", "Cibles"}) {
    EXPECT_NE(dom.find(expected), std::string::npos) << expected;
  }
  const std::string png = (dir_.path() / "report.png").string();
  std::string out;
  ASSERT_EQ(test::run_command("timeout 120 " + chromium + " --window-size=1200,1600 --screenshot=" +
                                  png + " file://" + run_dir + "/report.html 2>&1",
                              out),
            0)
      << out;
  EXPECT_GT(std::filesystem::file_size(png), 20'000u);  // a blank page is a few KB
}

TEST_F(CliRun, FailingConnectorGivesPartialAndCatchesUpLater) {
  write_config((dir_.path() / "missing-dir" / "j.jsonl").string());
  EXPECT_EQ(edusync("run"), 4) << output_;
  auto report = last_report();
  EXPECT_EQ(report["run"]["status"], "partial");
  EXPECT_EQ(report["connectors"][0]["status"], "ok");
  EXPECT_EQ(report["connectors"][1]["status"], "failed");
  EXPECT_NE(report["connectors"][1]["error"].get<std::string>().find("missing-dir"),
            std::string::npos);
  // Fixed: the lagging connector gets the whole plan, the other nothing.
  const std::string fixed = (dir_.path() / "second.jsonl").string();
  write_config(fixed);
  ASSERT_EQ(edusync("run"), 0) << output_;
  report = last_report();
  EXPECT_EQ(report["connectors"][0]["applied"], 0);
  EXPECT_GT(report["connectors"][1]["applied"].get<int>(), 20);
  EXPECT_FALSE(test::read_file(fixed).empty());
}

TEST_F(CliRun, KilledAtAnyStepTheNextRunConvergesWithoutDuplicates) {
  for (const char* point : {"after-state-commit", "after-connector-apply", "after-acknowledge"}) {
    SCOPED_TRACE(point);
    std::filesystem::remove_all(dir_.path() / "state");
    std::filesystem::remove(journal());
    EXPECT_NE(edusync("run", std::string("EDUSYNC_CRASH_AT=") + point), 0);
    ASSERT_EQ(edusync("run"), 0) << output_;
    ASSERT_EQ(edusync("run"), 0) << output_;
    EXPECT_NE(output_.find("audit (journal) : réussi, 0 opération appliquée, 0 échec"),
              std::string::npos)
        << output_;  // converged
    std::string out;
    // Every login allocated once: the identities table has no duplicate, the first snapshot's
    // logins are those of the crashed run (stored before any connector was touched).
    ASSERT_EQ(
        test::run_command(
            "sqlite3 " + (dir_.path() / "state" / "edusync.db").string() +
                " 'SELECT COUNT(*), COUNT(DISTINCT login) FROM identities WHERE login IS NOT NULL'",
            out),
        0);
    EXPECT_EQ(out, "9|9\n");
  }
}

TEST_F(CliRun, RandomKillsNeverCorruptTheState) {
  // Kill the process after a few milliseconds, many times: whatever the moment, the next run
  // completes and the store stays consistent. --foreground: timeout kills only edusync and
  // waits for it; without it, timeout kills its whole process group, itself included, and
  // returns before the killed run has released its lock.
  for (int delay_ms : {1, 3, 5, 8, 12, 20, 30, 50}) {
    std::string out;
    test::run_command("timeout --foreground -s KILL " + std::to_string(delay_ms / 1000.0) + " " +
                          kBinary + " --config " + config_ +
                          " run --today 2025-11-20 --settle-ms 0 >/dev/null 2>&1; echo $?",
                      out);
  }
  ASSERT_EQ(edusync("run"), 0) << output_;
  std::string out;
  ASSERT_EQ(test::run_command("sqlite3 " + (dir_.path() / "state" / "edusync.db").string() +
                                  " 'PRAGMA integrity_check'",
                              out),
            0);
  EXPECT_EQ(out, "ok\n");
  ASSERT_EQ(edusync("run"), 0);
  EXPECT_NE(output_.find("audit (journal) : réussi, 0 opération appliquée, 0 échec"),
            std::string::npos)
      << output_;
}

TEST_F(CliRun, HeldRunExitsThree) {
  ASSERT_EQ(edusync("run"), 0);
  const auto eleves = dir_.path() / "inbox" / "eleves.xml";
  auto text = test::read_file(eleves.string());
  const auto cut = text.find("<ELEVE ELEVE_ID=\"0100002\"");
  text.erase(cut, text.find("</ELEVES>") - cut);
  dir_.write("inbox/eleves.xml", text);
  EXPECT_EQ(edusync("run"), 3) << output_;
  EXPECT_NE(output_.find("REMOVAL_THRESHOLD"), std::string::npos);
  EXPECT_EQ(edusync("diff"), 3);
  EXPECT_EQ(edusync("run --confirm"), 0) << output_;
}

}  // namespace
}  // namespace edusync
