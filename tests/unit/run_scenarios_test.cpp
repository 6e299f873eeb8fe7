// Scenario tests of `edusync run` (in process, real files, real SQLite): a school's year played
// export after export, from the hand-written exports of tests/data/handmade.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "report/run_report.hpp"
#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

class RunScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    eleves_ = test::read_handmade("eleves.xml");
    responsables_ = test::read_handmade("responsables.xml");
    sts_ = test::read_handmade("sts.xml");
  }

  std::string config_text(double ratio = 0.5) const {
    return "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir_.path() / "state").string() +
           "\ninbox: " + (dir_.path() / "inbox").string() +
           "\nsafety: {max_departure_ratio: " + std::to_string(ratio) + ", grace_days: 30}\n" +
           "connectors:\n  - {name: audit, type: journal, path: " + journal() + "}\n" +
           extra_connectors_;
  }

  std::string journal() const { return (dir_.path() / "journal.jsonl").string(); }

  void drop_exports() const {
    std::filesystem::remove_all(dir_.path() / "inbox");
    dir_.write("inbox/ElevesSansAdresses.xml", eleves_);
    dir_.write("inbox/ResponsablesAvecAdresses.xml", responsables_);
    if (!sts_.empty()) dir_.write("inbox/sts_emp_0140065T_2025.xml", sts_);
  }

  run::RunOutcome run(const std::string& today, bool confirm = false, double ratio = 0.5,
                      bool dry_run = false) {
    drop_exports();
    run::RunOptions options;
    options.today = today;
    options.confirm = confirm;
    options.dry_run = dry_run;
    options.recompute = recompute_;
    return test::run_config(config_text(ratio), options);
  }

  nlohmann::json changes(const run::RunOutcome& outcome) {
    return nlohmann::json::parse(test::read_file(outcome.report_dir + "/report.json"))["changes"];
  }

  std::map<std::string, state::Identity> identities() {
    state::StateStore store((dir_.path() / "state").string());
    std::map<std::string, state::Identity> by_key;
    for (auto& identity : store.load_identities()) by_key[identity.key] = identity;
    return by_key;
  }

  std::size_t journal_lines() const {
    if (!std::filesystem::exists(journal())) return 0;
    const auto text = test::read_file(journal());
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }

  // Every table of the state but the run history, as text: equal dumps, nothing written.
  std::string state_without_runs() {
    state::StateStore store((dir_.path() / "state").string());
    std::string dump;
    for (const char* table :
         {"identities", "initial_passwords", "snapshots", "acknowledgements", "export_marks"}) {
      auto rows = store.database().prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1");
      while (rows.step())
        dump += std::string(table) + ": " + rows.text(0) + " " + rows.text(1) + "\n";
    }
    return dump;
  }

  std::string unchanged_since(const run::RunOutcome& outcome) {
    return nlohmann::json::parse(test::read_file(outcome.report_dir + "/report.json"))["run"].value(
        "unchanged_since", "");
  }

  // The report's entry for `key`, which must be there once.
  static const report::PersonChange& named(const report::RunReport& report,
                                           const std::string& key) {
    const report::PersonChange* found = nullptr;
    for (const auto& change : report.person_changes) {
      if (change.key != key) continue;
      EXPECT_EQ(found, nullptr) << key << " named twice";
      found = &change;
    }
    if (found == nullptr) throw std::runtime_error(key + " is not named by the report");
    return *found;
  }

  test::TempDir dir_;
  std::string eleves_, responsables_, sts_;
  std::string extra_connectors_;  // appended to `connectors:`
  bool recompute_ = false;
};

TEST_F(RunScenario, FirstRunCreatesEverythingAndASecondRunChangesNothing) {
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  EXPECT_EQ(first.report.status, "ok");
  const auto c = changes(first);
  EXPECT_EQ(c["pupils"]["added"], 5);
  EXPECT_EQ(c["guardians"]["added"], 3);
  EXPECT_EQ(c["staff"]["added"], 4);
  EXPECT_EQ(c["divisions"]["added"], 3);
  EXPECT_EQ(first.report.new_accounts.size(), 9u);
  const auto lines = journal_lines();
  EXPECT_EQ(lines, first.report.plan.items.size());
  const auto before = identities();
  EXPECT_EQ(before.at("123456789AB").login, "coeurdel");

  const auto second = run("2025-11-21");
  ASSERT_EQ(second.status, run::Status::done);
  EXPECT_TRUE(second.report.plan.empty());
  EXPECT_EQ(journal_lines(), lines);  // nothing appended
  EXPECT_EQ(identities().size(), before.size());
  for (const auto& report : {first.report_dir, second.report_dir}) {
    std::string output;
    EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                    "/report.schema.json " + report + "/report.json 2>&1",
                                output),
              0)
        << output;
  }
}

TEST_F(RunScenario, SecondExportWithArrivalDepartureClassChangeRenameAndNewTeacher) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto logins = identities();
  // Arrival, departure (0100003 no longer exported), class change and corrected first name of
  // 0100001, group 6LAT renamed 6LATIN, a new teacher with a service.
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  test::replace_in_latin9(eleves_, "<STRUCTURE><CODE_STRUCTURE>6 A</CODE_STRUCTURE>",
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>");
  test::replace_in_latin9(eleves_, "<CODE_STRUCTURE> 6LAT </CODE_STRUCTURE>",
                          "<CODE_STRUCTURE>6LATIN</CODE_STRUCTURE>");
  test::replace_in_latin9(eleves_,
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>",
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");
  test::replace_in_latin9(
      eleves_, "    </ELEVES>",
      R"(      <ELEVE ELEVE_ID="0100008" ELENOET="1208"><ID_NATIONAL>823456789KL</ID_NATIONAL>
        <NOM_DE_FAMILLE>NOUVEAU</NOM_DE_FAMILLE><PRENOM>Adèle</PRENOM><DATE_NAISS>08/08/2012</DATE_NAISS><CODE_SEXE>2</CODE_SEXE></ELEVE>
    </ELEVES>)");
  test::replace_in_latin9(
      eleves_, "    </STRUCTURES>",
      R"(      <STRUCTURES_ELEVE ELEVE_ID="0100008" ELENOET="1208"><STRUCTURE><CODE_STRUCTURE>6 A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>
    </STRUCTURES>)");
  test::replace_in_latin9(sts_, "<GROUPE CODE=\"6LAT\">", "<GROUPE CODE=\"6LATIN\">");
  test::replace_in_latin9(
      sts_, "    </INDIVIDUS>",
      R"(      <INDIVIDU ID="4106" TYPE="epp"><SEXE>1</SEXE><NOM_USAGE>NOUVEAU</NOM_USAGE><PRENOM>Paul</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU>
    </INDIVIDUS>)");
  test::replace_in_latin9(
      sts_, "<DIVISION CODE=\"6 B\"><LIBELLE_LONG>6EME B</LIBELLE_LONG></DIVISION>",
      "<DIVISION CODE=\"6 B\"><LIBELLE_LONG>6EME B</LIBELLE_LONG><SERVICES><SERVICE "
      "CODE_MATIERE=\"061300\"><ENSEIGNANTS><ENSEIGNANT "
      "ID=\"4106\"/></ENSEIGNANTS></SERVICE></SERVICES></DIVISION>");
  const auto second = run("2025-11-27");
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  const auto c = changes(second);
  EXPECT_EQ(c["pupils"]["added"], 1);
  EXPECT_EQ(c["pupils"]["departed"], 1);
  EXPECT_EQ(c["pupils"]["updated"], 1);  // 0100001: first name and class in one update
  EXPECT_EQ(c["groups"]["renamed"], 1);
  EXPECT_EQ(c["groups"]["added"], 0);
  EXPECT_EQ(c["staff"]["added"], 1);
  const auto after = identities();
  EXPECT_EQ(after.at("123456789AB").login,
            logins.at("123456789AB").login);  // corrected name, same login
  EXPECT_EQ(after.at("eleve:0140065T:0100003").departed, "2025-11-27");
  ASSERT_EQ(second.report.leavers.size(), 1u);
  EXPECT_EQ(second.report.leavers[0].removal_on, "2025-12-27");

  // The report names each of them: name, login, class, what changed (before -> after).
  const auto& moved = named(second.report, "123456789AB");
  EXPECT_EQ(moved.op, "updated");
  EXPECT_EQ(moved.login, logins.at("123456789AB").login);
  EXPECT_EQ(moved.division, "6 B");
  EXPECT_NE(moved.name.find("Laetitia"), std::string::npos) << moved.name;
  std::map<std::string, std::pair<std::string, std::string>> fields;
  for (const auto& f : moved.fields) fields[f.field] = {f.before, f.after};
  EXPECT_EQ(fields.at("division"), (std::pair<std::string, std::string>{"6 A", "6 B"}));
  EXPECT_EQ(fields.at("given_name"), (std::pair<std::string, std::string>{"Lætitia", "Laetitia"}));
  const auto& arrival = named(second.report, "823456789KL");
  EXPECT_EQ(arrival.op, "added");
  EXPECT_EQ(arrival.name, "NOUVEAU Adèle");
  EXPECT_EQ(arrival.division, "6 A");
  EXPECT_FALSE(arrival.login.empty());
  const auto& leaver = named(second.report, "eleve:0140065T:0100003");
  EXPECT_EQ(leaver.op, "departed");
  EXPECT_EQ(leaver.name, "DE LA FONTAINE Zoé");
  EXPECT_EQ(leaver.login, logins.at("eleve:0140065T:0100003").login);
  EXPECT_EQ(leaver.removal_on, "2025-12-27");
  const auto& teacher = named(second.report, "sts:4106");
  EXPECT_EQ(teacher.op, "added");
  EXPECT_EQ(teacher.kind, "staff");
  EXPECT_EQ(teacher.name, "NOUVEAU Paul");
  EXPECT_FALSE(teacher.login.empty());
  // And so do the text and HTML reports, in words.
  const auto text = report::to_text(second.report);
  for (const std::string& said : std::vector<std::string>{
           "Qui a changé", "  6 B :", "modification : CŒURDEVEY Laetitia (" + moved.login + ")",
           "classe : 6 A → 6 B", "prénom : Lætitia → Laetitia",
           "arrivée : NOUVEAU Adèle (" + arrival.login + ")",
           "départ : DE LA FONTAINE Zoé (" + leaver.login + ") — suppression le 27/12/2025",
           "  personnels :", "arrivée : NOUVEAU Paul (" + teacher.login + ")"})
    EXPECT_NE(text.find(said), std::string::npos) << said << " in\n" << text;
  const auto html = report::to_html(second.report);
  for (const char* said :
       {"<th>Identifiant</th>", "NOUVEAU Adèle", "classe : 6 A → 6 B", "id=\"filter\""})
    EXPECT_NE(html.find(said), std::string::npos) << said;
}

TEST_F(RunScenario, PartialExportIsHeldThenConfirmedOnUnchangedInputs) {
  ASSERT_EQ(run("2025-11-20", false, 0.10).status, run::Status::done);
  const auto lines = journal_lines();
  // A partial export: only the first two ELEVE records.
  const auto cut = eleves_.find("<ELEVE ELEVE_ID=\"0100003\"");
  const auto end = eleves_.find("</ELEVES>");
  eleves_.erase(cut, end - cut);
  const auto held = run("2025-11-21", false, 0.10);
  EXPECT_EQ(held.status, run::Status::held);
  EXPECT_EQ(held.report.status, "held");
  std::set<std::string> codes;
  for (const auto& gate : held.report.gates) codes.insert(gate.code);
  EXPECT_TRUE(codes.contains("REMOVAL_THRESHOLD"));
  EXPECT_TRUE(codes.contains("INCOMPLETE_EXPORT"));
  EXPECT_EQ(journal_lines(), lines);                                  // nothing applied
  EXPECT_EQ(identities().at("eleve:0140065T:0100003").departed, "");  // no departure recorded

  const auto confirmed = run("2025-11-21", true, 0.10);
  EXPECT_EQ(confirmed.status, run::Status::done);
  EXPECT_TRUE(confirmed.report.confirmed);
  EXPECT_GT(journal_lines(), lines);
  EXPECT_EQ(identities().at("eleve:0140065T:0100003").departed, "2025-11-21");
}

TEST_F(RunScenario, ConfirmWithChangedInputsHoldsAgain) {
  ASSERT_EQ(run("2025-11-20", false, 0.10).status, run::Status::done);
  const auto cut = eleves_.find("<ELEVE ELEVE_ID=\"0100003\"");
  eleves_.erase(cut, eleves_.find("</ELEVES>") - cut);
  ASSERT_EQ(run("2025-11-21", false, 0.10).status, run::Status::held);
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  const auto again = run("2025-11-21", true, 0.10);
  EXPECT_EQ(again.status, run::Status::held);
  EXPECT_EQ(again.report.gates.back().code, "CONFIRM_INPUTS_CHANGED");
}

// The STS-web export left out of the inbox: the gate says which export is missing, what it
// would do and where to download it, rather than only how many staff would leave; once the
// operator confirms, the absence is accepted and the next run is not held for it again.
TEST_F(RunScenario, AMissingStsExportIsNamedAndOnceConfirmedNotAskedAgain) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto lines = journal_lines();
  const std::string sts = sts_;
  sts_.clear();
  const auto held = run("2025-11-21");
  ASSERT_EQ(held.status, run::Status::held);
  ASSERT_FALSE(held.report.gates.empty());
  const auto& gate = held.report.gates.front();
  EXPECT_EQ(gate.code, "MISSING_EXPORT");
  for (const char* said :
       {"l'export STS-web des personnels", "0140065T", "Exports > Emploi du temps",
        "tous les comptes des personnels seraient désactivés"})
    EXPECT_NE(text::french(gate.message).find(said), std::string::npos)
        << said << " in " << text::french(gate.message);
  EXPECT_EQ(journal_lines(), lines);           // nothing applied
  ASSERT_EQ(held.report.previews.size(), 1u);  // what the target would have been sent
  EXPECT_EQ(held.report.previews[0].changes.at("staff").at("departed"), 4u);

  ASSERT_EQ(run("2025-11-21", true).status, run::Status::done);
  const auto next = run("2025-11-22");
  EXPECT_EQ(next.status, run::Status::done);
  for (const auto& g : next.report.gates) EXPECT_NE(g.code, "MISSING_EXPORT");

  sts_ = sts;  // back in the inbox: read again, nothing held
  EXPECT_EQ(run("2025-11-23").status, run::Status::done);
}

TEST_F(RunScenario, StaleExportIsHeld) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  test::replace_in_latin9(eleves_, "<DATE_EXPORT>14/11/2025</DATE_EXPORT>",
                          "<DATE_EXPORT>01/10/2025</DATE_EXPORT>");
  const auto stale = run("2025-11-21");
  EXPECT_EQ(stale.status, run::Status::held);
  ASSERT_FALSE(stale.report.gates.empty());
  EXPECT_EQ(stale.report.gates[0].code, "STALE_EXPORT");
}

TEST_F(RunScenario, YearBackwardsIsHeldAndRolloverKeepsAccounts) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  auto year = [&](const std::string& from, const std::string& to) {
    for (auto* text : {&eleves_, &responsables_})
      test::replace_in_latin9(*text, "<ANNEE_SCOLAIRE>" + from, "<ANNEE_SCOLAIRE>" + to);
    test::replace_in_latin9(sts_, "ANNEE=\"" + from + "\"", "ANNEE=\"" + to + "\"");
  };
  year("2025", "2024");
  const auto backwards = run("2025-11-21");
  EXPECT_EQ(backwards.status, run::Status::held);
  EXPECT_EQ(backwards.report.gates.at(0).code, "YEAR_BACKWARDS");
  year("2024", "2026");
  for (auto* text : {&eleves_, &responsables_})
    test::replace_in_latin9(*text, "<DATE_EXPORT>14/11/2025", "<DATE_EXPORT>04/09/2026");
  const auto rollover = run("2026-09-04");
  ASSERT_EQ(rollover.status, run::Status::done) << rollover.report.error;
  EXPECT_TRUE(rollover.report.plan.rollover);
  const auto c = changes(rollover);
  EXPECT_EQ(c["divisions"]["removed"], 3);
  EXPECT_EQ(c["divisions"]["added"], 3);
  EXPECT_EQ(c["divisions"]["renamed"], 0);
  EXPECT_EQ(c["pupils"]["removed"], 0);
  EXPECT_EQ(c["pupils"]["added"], 0);
}

TEST_F(RunScenario, LeaverReturnsWithinGraceWithTheSameAccountAndIsRemovedAfter) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto original = identities().at("eleve:0140065T:0100003");
  const std::string full = eleves_;
  test::replace_in_latin9(eleves_,
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>",
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");
  const std::string without = eleves_;
  ASSERT_EQ(changes(run("2025-11-21"))["pupils"]["departed"], 1);
  eleves_ = full;
  const auto back = run("2025-12-01");
  ASSERT_EQ(back.status, run::Status::done);
  EXPECT_EQ(changes(back)["pupils"]["returned"], 1);
  EXPECT_EQ(named(back.report, "eleve:0140065T:0100003").op, "returned");
  EXPECT_EQ(named(back.report, "eleve:0140065T:0100003").login, original.login);
  const auto returned = identities().at("eleve:0140065T:0100003");
  EXPECT_EQ(returned.login, original.login);
  EXPECT_EQ(returned.uid_number, original.uid_number);
  EXPECT_EQ(returned.departed, "");
  eleves_ = without;
  const auto again = run("2025-12-02");
  ASSERT_EQ(again.status, run::Status::done)
      << again.report.error
      << (again.report.gates.empty() ? "" : text::french(again.report.gates[0].message));
  ASSERT_EQ(changes(again)["pupils"]["departed"], 1) << changes(again).dump();
  const auto in_grace = run("2025-12-20");  // 18 days: still in grace, nothing due
  EXPECT_EQ(unchanged_since(in_grace), again.report.id);
  EXPECT_EQ(changes(in_grace)["pupils"]["removed"], 0);
  const auto removed = run("2026-01-01");  // 30 days after 2025-12-02: due, so recomputed
  EXPECT_EQ(unchanged_since(removed), "");
  EXPECT_EQ(changes(removed)["pupils"]["removed"], 1);
  const auto& gone = named(removed.report, "eleve:0140065T:0100003");
  EXPECT_EQ(gone.op, "removed");
  EXPECT_EQ(gone.name, "DE LA FONTAINE Zoé");
  EXPECT_EQ(gone.login, original.login);
  EXPECT_EQ(identities().at("eleve:0140065T:0100003").removed, "2026-01-01");
  EXPECT_EQ(identities().at("eleve:0140065T:0100003").login,
            original.login);  // held for login_reuse_days
}

// The nightly run on exports already applied: nothing parsed, nothing but the run record
// written, and the report points to the run whose figures still hold.
TEST_F(RunScenario, UnchangedInputsAreNotRecomputedAndOnlyTheRunIsRecorded) {
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done);
  const auto state = state_without_runs();
  const auto lines = journal_lines();
  const auto second = run("2025-11-21");
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  EXPECT_EQ(unchanged_since(second), first.report.id);
  EXPECT_TRUE(second.report.plan.empty());
  EXPECT_EQ(second.report.sources.size(), 3u);
  EXPECT_EQ(second.report.sources[0].records, first.report.sources[0].records);
  EXPECT_EQ(second.report.sources[0].sha256, first.report.sources[0].sha256);
  ASSERT_EQ(second.report.connectors.size(), 1u);
  EXPECT_EQ(second.report.connectors[0].status, "ok");
  EXPECT_NE(test::read_file(second.report_dir + "/report.txt").find(first.report.id),
            std::string::npos);
  EXPECT_EQ(state_without_runs(), state);
  EXPECT_EQ(journal_lines(), lines);
  std::string output;
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/report.schema.json " + second.report_dir + "/report.json 2>&1",
                              output),
            0)
      << output;
  // Not chained: every short-cut run points to the run that computed the snapshot in force,
  // whose report holds the figures (and which retention keeps), not to the short cut before it.
  EXPECT_EQ(unchanged_since(run("2025-11-22")), first.report.id);
  // --recompute goes the whole way, and finds nothing to do either.
  recompute_ = true;
  const auto recomputed = run("2025-11-23");
  EXPECT_EQ(unchanged_since(recomputed), "");
  EXPECT_TRUE(recomputed.report.plan.empty());
  EXPECT_EQ(recomputed.report.totals["pupils"], 5);
  EXPECT_EQ(state_without_runs(), state);
}

TEST_F(RunScenario, AChangeInsideAnExportWithTheSameHeaderIsNotMissed) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  const auto second = run("2025-11-21");
  EXPECT_EQ(unchanged_since(second), "");
  EXPECT_EQ(changes(second)["pupils"]["updated"], 1);
}

TEST_F(RunScenario, AChangeOfTheSameSizeIsFoundByTheHash) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>",
                          "<PRENOM>Lëtitia</PRENOM>");  // one byte for one
  const auto second = run("2025-11-21");
  EXPECT_EQ(unchanged_since(second), "");
  EXPECT_EQ(changes(second)["pupils"]["updated"], 1);
}

TEST_F(RunScenario, ANewConnectorOnUnchangedInputsGetsEverything) {
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done);
  const auto second_journal = (dir_.path() / "second.jsonl").string();
  extra_connectors_ = "  - {name: second, type: journal, path: " + second_journal + "}\n";
  const auto second = run("2025-11-21");
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  EXPECT_EQ(unchanged_since(second), "");
  ASSERT_EQ(second.report.connectors.size(), 2u);
  EXPECT_EQ(second.report.connectors[1].applied, first.report.plan.items.size());
  const auto text = test::read_file(second_journal);
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')),
            first.report.plan.items.size());
}

TEST_F(RunScenario, DryRunChangesNothingAnywhere) {
  const auto dry = run("2025-11-20", false, 0.5, true);
  EXPECT_EQ(dry.status, run::Status::done);
  EXPECT_FALSE(dry.report.plan.empty());
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "state"));
  EXPECT_EQ(journal_lines(), 0u);
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto state_files =
      std::distance(std::filesystem::recursive_directory_iterator(dir_.path() / "state"), {});
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  const auto again = run("2025-11-21", false, 0.5, true);
  EXPECT_EQ(again.report.plan.items.size(), 1u);
  EXPECT_EQ(std::distance(std::filesystem::recursive_directory_iterator(dir_.path() / "state"), {}),
            state_files);
}

TEST_F(RunScenario, SameInputsSamePlan) {
  const auto a = run("2025-11-20", false, 0.5, true);
  const auto b = run("2025-11-20", false, 0.5, true);
  ASSERT_EQ(a.report.plan.items.size(), b.report.plan.items.size());
  for (std::size_t i = 0; i < a.report.plan.items.size(); ++i) {
    EXPECT_EQ(a.report.plan.items[i].key, b.report.plan.items[i].key);
    EXPECT_EQ(a.report.plan.items[i].login, b.report.plan.items[i].login);
  }
}

// Golden files of the text report (the summary operators read): the run id is the only part
// that changes from one run to the next. EDUSYNC_UPDATE_GOLDEN=1 rewrites them; review the diff.
void expect_golden(const report::RunReport& report, const std::string& dir,
                   const std::string& name) {
  std::string text = report::to_text(report);
  for (const auto& [from, to] :
       {std::pair{report.id, std::string("<RUN>")}, std::pair{dir, std::string("<DIR>")}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from))
      text.replace(at, from.size(), to);
  }
  const std::string path = std::string(EDUSYNC_GOLDEN) + "/" + name;
  if (std::getenv("EDUSYNC_UPDATE_GOLDEN") != nullptr) test::TempDir::write_absolute(path, text);
  EXPECT_EQ(text, test::read_file(path)) << "golden file " << path;
}

TEST_F(RunScenario, TextReportsMatchTheirGoldenFiles) {
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done);
  expect_golden(first.report, dir_.path().string(), "report_first_run.txt");
  test::replace_in_latin9(eleves_, "<PRENOM>Lætitia</PRENOM>", "<PRENOM>Laetitia</PRENOM>");
  test::replace_in_latin9(eleves_, "<CODE_STRUCTURE> 6LAT </CODE_STRUCTURE>",
                          "<CODE_STRUCTURE>6LATIN</CODE_STRUCTURE>");
  test::replace_in_latin9(sts_, "<GROUPE CODE=\"6LAT\">", "<GROUPE CODE=\"6LATIN\">");
  test::replace_in_latin9(eleves_,
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>",
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");
  const auto second = run("2025-11-27");
  ASSERT_EQ(second.status, run::Status::done);
  expect_golden(second.report, dir_.path().string(), "report_second_run.txt");
}

}  // namespace
}  // namespace edusync
