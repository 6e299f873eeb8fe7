// Two current pupils of one school with the same ELENOET (a record copied in SIECLE: the
// arrival NOUVEL Noémie given ARNAUD Ambre's number 71463, INE_RNIE and INE_BEA, as the
// sample's generator once did): reported as DUPLICATE_ELENOET, and kept apart in every target
// that matches on the number: KOXO (IdentifiantUnique), SambaEdu (employeeNumber) and the
// adoption of an existing directory from a fresh state. Real runs, real files, real slapd.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "connectors/files/csv.hpp"
#include "connectors/ldap_sambaedu/session.hpp"
#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/slapd_fixture.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;
using connectors::ldap::Entry;
using connectors::ldap::Scope;
using test::Slapd;

constexpr char kAmbre[] = "426470438UQ";   // ARNAUD Ambre, ELENOET 71463
constexpr char kNoemie[] = "999000123ZZ";  // NOUVEL Noémie, the arrival

// samples/college-next with the arrival copied from ARNAUD Ambre's record, numbers included.
std::string copied_arrival_eleves() {
  std::string eleves =
      test::read_file(std::string(EDUSYNC_SAMPLES) + "/college-next/ElevesSansAdresses.xml");
  auto replace_all = [&](const std::string& from, const std::string& to) {
    std::size_t n = 0;
    for (auto at = eleves.find(from); at != std::string::npos;
         at = eleves.find(from, at + to.size()), ++n) {
      eleves.replace(at, from.size(), to);
    }
    return n;
  };
  EXPECT_EQ(replace_all("ELENOET=\"99901\"", "ELENOET=\"71463\""), 2u);
  EXPECT_EQ(replace_all("<ELENOET>99901<", "<ELENOET>71463<"), 1u);
  EXPECT_EQ(replace_all("<INE_RNIE>999000123ZZ<", "<INE_RNIE>426470438UQ<"), 1u);
  return eleves;
}

class DuplicateElenoet : public test::SlapdSuite<DuplicateElenoet> {
 protected:
  // A run on samples/<sample>, its Eleves file replaced by `eleves` when given.
  run::RunOutcome run(const std::string& sample, const std::string& today,
                      const std::string& eleves = "", const std::string& state = "state",
                      bool confirm = false) {
    const auto inbox = dir_.path() / "inbox";
    fs::remove_all(inbox);
    fs::create_directories(inbox);
    for (const auto& entry : fs::directory_iterator(std::string(EDUSYNC_SAMPLES) + "/" + sample)) {
      if (entry.path().extension() == ".json") continue;
      if (!eleves.empty() && entry.path().filename() == "ElevesSansAdresses.xml") continue;
      fs::copy_file(entry.path(), inbox / entry.path().filename());
    }
    if (!eleves.empty()) dir_.write("inbox/ElevesSansAdresses.xml", eleves);
    const std::string yaml =
        "school: {uai: 0069500U, name: Sample}\nstate_dir: " + (dir_.path() / state).string() +
        "\ninbox: " + inbox.string() + "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n" +
        "  - {name: koxo, type: koxo-csv, dir: " + (dir_.path() / "koxo").string() + "}\n" +
        "  - {name: sambaedu, type: ldap-sambaedu, uri: \"" + slapd_->uri() + "\", base_dn: \"" +
        Slapd::kBase + "\", bind_dn: \"" + Slapd::kAdmin +
        "\", bind_password_file: " + slapd_->password_file() +
        ", mail_domain: clg.example, timeout: 10}\n";
    run::RunOptions options;
    options.today = today;
    options.confirm = confirm;
    return test::run_config(yaml, options);
  }

  // A first run of a fresh state on the populated directory: the accounts of the pupils who
  // left meanwhile match nobody, so the run is held (ORPHAN_ACCOUNTS) until confirmed.
  run::RunOutcome adopt_after_confirmation(const std::string& state) {
    const auto held = run("college-next", "2026-02-03", copied_arrival_eleves(), state);
    EXPECT_EQ(held.status, run::Status::held) << held.report.error;
    EXPECT_TRUE(std::any_of(held.report.gates.begin(), held.report.gates.end(),
                            [](const auto& gate) { return gate.code == "ORPHAN_ACCOUNTS"; }));
    return run("college-next", "2026-02-03", copied_arrival_eleves(), state, true);
  }

  // IdentifiantUnique (column 4) -> surnames, from the newest full KOXO file.
  std::multimap<std::string, std::string> koxo_ids() {
    std::string newest;
    for (const auto& entry : fs::directory_iterator(dir_.path() / "koxo")) {
      const auto name = entry.path().string();
      if (name.ends_with("_full.csv") && name > newest) newest = name;
    }
    std::multimap<std::string, std::string> ids;
    const auto rows = connectors::files::parse_csv(test::read_file(newest), ';');
    for (std::size_t i = 1; i < rows.size(); ++i) ids.emplace(rows[i][4], rows[i][1]);
    return ids;
  }

  static std::map<std::string, Entry> people() {
    auto session = connectors::ldap::Session::open(
        {slapd_->uri(), Slapd::kAdmin, Slapd::kPassword, false, "", std::chrono::seconds(10)});
    std::map<std::string, Entry> entries;
    for (auto& entry : session.search(std::string("ou=People,") + Slapd::kBase, Scope::one_level,
                                      "(objectClass=*)", {"*"})) {
      entries[entry.first("uid")] = entry;
    }
    return entries;
  }

  std::string login_of(const std::string& key, const std::string& state = "state") {
    state::StateStore store((dir_.path() / state).string());
    for (const auto& identity : store.load_identities()) {
      if (identity.key == key) return identity.login;
    }
    return {};
  }

  static std::string failures(const run::RunOutcome& outcome) {
    std::string text;
    for (const auto& c : outcome.report.connectors) {
      text += c.name + ": " + c.status + " " + text::french(c.error);
      for (const auto& f : c.failures) text += " / " + text::french(f);
      text += "\n";
    }
    return text;
  }

  test::TempDir dir_;
};

TEST_F(DuplicateElenoet, CopiedArrivalIsReportedAndKeptApartInKoxoAndSambaEdu) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  const auto second = run("college-next", "2026-02-02", copied_arrival_eleves());
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;

  std::vector<const model::Warning*> duplicates;
  for (const auto& warning : second.report.warnings) {
    if (warning.code == "DUPLICATE_ELENOET") duplicates.push_back(&warning);
  }
  EXPECT_EQ(duplicates.size(), 1u);
  if (!duplicates.empty()) {
    EXPECT_EQ(duplicates[0]->keys, (std::vector<std::string>{kAmbre, kNoemie}));
    EXPECT_NE(text::french(duplicates[0]->message).find("71463"), std::string::npos);
    EXPECT_NE(duplicates[0]->where.find("ElevesSansAdresses.xml:"), std::string::npos);
  }
  const bool shared_ine_reported =
      std::any_of(second.report.warnings.begin(), second.report.warnings.end(), [](const auto& w) {
        return w.code == "DUPLICATE_INE" &&
               text::french(w.message).find(kAmbre) != std::string::npos;
      });
  EXPECT_TRUE(shared_ine_reported);  // the copied INE_RNIE
  EXPECT_NE(login_of(kAmbre), login_of(kNoemie));

  // KOXO: 71463 is Ambre's only; Noémie is refused (no number of her own), never a second row.
  const auto koxo = koxo_ids();
  EXPECT_EQ(koxo.count("71463"), 1u);
  if (koxo.count("71463") > 0) {
    EXPECT_EQ(koxo.find("71463")->second, "ARNAUD");
  }
  // SambaEdu: one account carries employeeNumber 71463, Ambre's.
  std::map<std::string, std::vector<std::string>> by_number;
  for (const auto& [uid, entry] : people()) by_number[entry.first("employeenumber")].push_back(uid);
  EXPECT_EQ(by_number["71463"], std::vector<std::string>{login_of(kAmbre)});
  EXPECT_EQ(people().at(login_of(kNoemie)).first("employeenumber"), "");

  // Corrected in SIECLE (the sample as it is now): Noémie gets her own number everywhere.
  const auto fixed = run("college-next", "2026-02-03");
  ASSERT_EQ(fixed.status, run::Status::done) << fixed.report.error;
  EXPECT_EQ(koxo_ids().count("99901"), 1u);
  EXPECT_EQ(people().at(login_of(kNoemie)).first("employeenumber"), "99901");
}

// From a fresh state, an existing directory holding the two pupils is adopted account by
// account (after the ORPHAN_ACCOUNTS hold that the leavers' accounts cause is confirmed): neither
// as this version leaves it (71463 on Ambre's account only) nor as the previous version left it
// (71463 on both) does the copied number merge them or make a third account.
TEST_F(DuplicateElenoet, AdoptionFromAFreshStateTakesBothAccountsAndMakesNoThird) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  ASSERT_EQ(run("college-next", "2026-02-02", copied_arrival_eleves()).status, run::Status::done);
  const auto ambre = login_of(kAmbre), noemie = login_of(kNoemie);
  const auto accounts = people().size();

  const auto fresh = adopt_after_confirmation("fresh1");
  ASSERT_EQ(fresh.status, run::Status::done) << fresh.report.error << failures(fresh);
  EXPECT_EQ(login_of(kAmbre, "fresh1"), ambre);
  EXPECT_EQ(login_of(kNoemie, "fresh1"), noemie);
  EXPECT_EQ(people().size(), accounts);

  std::string out;
  ASSERT_EQ(
      slapd_->modify("dn: uid=" + noemie + ",ou=People," + Slapd::kBase +
                         "\nchangetype: modify\nreplace: employeeNumber\nemployeeNumber: 71463\n",
                     &out),
      0)
      << out;
  const auto old_directory = adopt_after_confirmation("fresh2");
  ASSERT_EQ(old_directory.status, run::Status::done) << old_directory.report.error;
  EXPECT_EQ(login_of(kAmbre, "fresh2"), ambre);
  EXPECT_EQ(login_of(kNoemie, "fresh2"), noemie);
  EXPECT_EQ(people().size(), accounts);
  EXPECT_FALSE(people().contains("nouvel2"));
  std::size_t with_71463 = 0;  // the number the previous version left on Noémie's is taken off
  for (const auto& [uid, entry] : people()) with_71463 += entry.first("employeenumber") == "71463";
  EXPECT_EQ(with_71463, 1u);
}

}  // namespace
}  // namespace edusync
