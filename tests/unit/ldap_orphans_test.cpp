// A lost state against a populated SambaEdu directory (real slapd,
// tests/support/slapd_fixture.hpp): the accounts of the persons still in the exports are adopted
// again (same logins), and the import-made accounts nobody matches any more -- the persons who left
// while the state was lost
// -- hold the run (ORPHAN_ACCOUNTS) until confirmed, then depart like any leaver: disabled and
// out of their classes and groups at once, moved to ou=Trash after the grace period.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "connectors/ldap_sambaedu/session.hpp"
#include "run/runner.hpp"
#include "support/slapd_fixture.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using connectors::ldap::Entry;
using connectors::ldap::Scope;
using test::Slapd;

class LdapOrphans : public test::SlapdSuite<LdapOrphans> {
 protected:
  void SetUp() override {
    SlapdSuite::SetUp();
    eleves_ = test::read_handmade("eleves.xml");
  }

  run::RunOutcome run(const std::string& today, bool confirm = false) {
    std::filesystem::remove_all(dir_.path() / "inbox");
    dir_.write("inbox/ElevesSansAdresses.xml", eleves_);
    dir_.write("inbox/ResponsablesAvecAdresses.xml", test::read_handmade("responsables.xml"));
    dir_.write("inbox/sts_emp_0140065T_2025.xml", test::read_handmade("sts.xml"));
    run::RunOptions options;
    options.today = today;
    options.confirm = confirm;
    return test::run_config(
        "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir_.path() / "state").string() +
            "\ninbox: " + (dir_.path() / "inbox").string() +
            "\nsafety: {max_departure_ratio: 0.5, grace_days: 30}\nconnectors:\n"
            "  - {name: sambaedu, type: ldap-sambaedu, uri: \"" +
            slapd_->uri() + "\", base_dn: \"" + Slapd::kBase + "\", bind_dn: \"" + Slapd::kAdmin +
            "\", bind_password_file: " + slapd_->password_file() + ", timeout: 10}\n",
        options);
  }

  static std::map<std::string, Entry> branch(const std::string& ou) {
    auto session = connectors::ldap::Session::open(
        {slapd_->uri(), Slapd::kAdmin, Slapd::kPassword, false, "", std::chrono::seconds(10)});
    std::map<std::string, Entry> entries;
    for (auto& entry : session.search("ou=" + ou + "," + Slapd::kBase, Scope::one_level,
                                      "(objectClass=*)", {"*"})) {
      entries[ou == "Groups" ? entry.first("cn") : entry.first("uid")] = entry;
    }
    return entries;
  }

  static std::string login_numbered(const std::string& employee_number) {
    for (const auto& [login, entry] : branch("People")) {
      if (entry.first("employeenumber") == employee_number) return login;
    }
    return {};
  }

  test::TempDir dir_;
  std::string eleves_;
};

TEST_F(LdapOrphans, LostStateHoldsOrphanAccountsThenDepartsThemWhenConfirmed) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto leaver = login_numbered("01203");
  ASSERT_FALSE(leaver.empty());
  std::map<std::string, std::string> logins;  // employeeNumber -> login
  for (const auto& [login, entry] : branch("People")) logins[entry.first("employeenumber")] = login;

  // The state is lost; meanwhile pupil 0100003 left the school.
  std::filesystem::remove_all(dir_.path() / "state");
  test::replace_in_latin9(eleves_,
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>",
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");
  const auto held = run("2025-11-27");
  ASSERT_EQ(held.status, run::Status::held) << held.report.error;
  ASSERT_EQ(held.report.gates.size(), 1u);
  EXPECT_EQ(held.report.gates[0].code, "ORPHAN_ACCOUNTS");
  const auto message = text::french(held.report.gates[0].message);
  EXPECT_NE(message.find("1 compte de « sambaedu » porte"), std::string::npos) << message;
  EXPECT_NE(message.find(leaver + " ("), std::string::npos) << message;
  EXPECT_NE(message.find("edusync run --confirm"), std::string::npos) << message;
  EXPECT_EQ(branch("People").at(leaver).first("sambaacctflags"), "[U          ]");  // untouched
  std::string output;
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/report.schema.json " + held.report_dir + "/report.json 2>&1",
                              output),
            0)
      << output;

  const auto confirmed = run("2025-11-27", true);
  ASSERT_EQ(confirmed.status, run::Status::done) << confirmed.report.connectors.at(0).error;
  EXPECT_TRUE(confirmed.report.confirmed);
  auto people = branch("People");
  EXPECT_EQ(people.at(leaver).first("sambaacctflags"), "[UD         ]");
  for (const auto& [number, login] : logins) {
    if (number != "01203") {
      EXPECT_TRUE(people.contains(login)) << number;  // adopted again, same login
    }
  }
  const auto groups = branch("Groups");
  // Out of their class, as any leaver (who stays in Eleves until removed).
  const auto members = groups.at("Classe_6_B").values("memberuid");
  EXPECT_EQ(std::count(members.begin(), members.end(), leaver), 0);
  bool listed = false;
  for (const auto& l : confirmed.report.leavers) {
    if (l.login == leaver) listed = l.departed_on == "2025-11-27" && l.removal_on == "2025-12-27";
  }
  EXPECT_TRUE(listed);

  // A later run is not held again; at the end of the grace period the account goes to the Trash.
  ASSERT_EQ(run("2025-12-01").status, run::Status::done);
  const auto removed = run("2025-12-28");
  ASSERT_EQ(removed.status, run::Status::done) << removed.report.connectors.at(0).error;
  EXPECT_FALSE(branch("People").contains(leaver));
  EXPECT_TRUE(branch("Trash").contains(leaver));
}

}  // namespace
}  // namespace edusync
