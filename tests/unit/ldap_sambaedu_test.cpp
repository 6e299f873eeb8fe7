// The SambaEdu LDAP target against a real slapd (tests/support/slapd_fixture.hpp): `edusync
// run` in process on the hand-written exports, then the directory read back and checked the
// way an ldapsearch would show it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>

#include "config/config.hpp"
#include "connectors/ldap_sambaedu/hashes.hpp"
#include "connectors/ldap_sambaedu/sambaedu_connector.hpp"
#include "connectors/ldap_sambaedu/session.hpp"
#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/connector_config.hpp"
#include "support/slapd_fixture.hpp"
#include "support/test_support.hpp"
#include "support/timetable_export.hpp"

namespace edusync {
namespace {

using connectors::ldap::Entry;
using connectors::ldap::Scope;
using test::Slapd;

std::set<std::string> as_set(const connectors::ldap::Values& values) {
  return {values.begin(), values.end()};
}

class LdapSambaEdu : public test::SlapdSuite<LdapSambaEdu> {
 protected:
  void SetUp() override {
    SlapdSuite::SetUp();
    eleves_ = test::read_handmade("eleves.xml");
    responsables_ = test::read_handmade("responsables.xml");
    sts_ = test::read_handmade("sts.xml");
    password_file_ = slapd_->password_file();
  }
  void TearDown() override { connectors::ldap::before_write_hook() = nullptr; }

  std::string config_text() const {
    return "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir_.path() / "state").string() +
           "\ninbox: " + (dir_.path() / "inbox").string() +
           "\nsafety: {max_departure_ratio: 0.5, grace_days: 30}\nconnectors:\n"
           "  - {name: sambaedu, type: ldap-sambaedu, uri: \"" +
           slapd_->uri() + "\", base_dn: \"" + Slapd::kBase + "\", bind_dn: \"" + Slapd::kAdmin +
           "\", bind_password_file: " + password_file_ +
           ", mail_domain: clg-test.ac-caen.fr, timeout: 10}\n";
  }

  // `edusync run` on the hand-written exports; `more_connectors` are YAML list items added
  // after the SambaEdu connector.
  run::RunOutcome run(const std::string& today, const std::string& more_connectors = "",
                      std::optional<std::string> only = {}, bool recompute = false) {
    std::filesystem::remove_all(dir_.path() / "inbox");
    dir_.write("inbox/ElevesSansAdresses.xml", eleves_);
    dir_.write("inbox/ResponsablesAvecAdresses.xml", responsables_);
    dir_.write("inbox/sts_emp_0140065T_2025.xml", sts_);
    if (!edt_.empty()) dir_.write("inbox/edt.xml", edt_);
    run::RunOptions options;
    options.today = today;
    options.only = std::move(only);
    options.recompute = recompute;
    return test::run_config(config_text() + more_connectors, options);
  }

  // Hand-made drift: `edited`'s sn changed and their Classe_6_A membership removed,
  // Equipe_6_A and `deleted`'s account deleted.
  static void edit_by_hand(const std::string& edited, const std::string& deleted) {
    const std::string base = Slapd::kBase;
    std::string out;
    ASSERT_EQ(slapd_->modify("dn: uid=" + edited + ",ou=People," + base +
                                 "\nchangetype: modify\nreplace: sn\nsn: Piratée\n\n" +
                                 "dn: cn=Classe_6_A,ou=Groups," + base +
                                 "\nchangetype: modify\ndelete: memberUid\nmemberUid: " + edited +
                                 "\n\n" + "dn: cn=Equipe_6_A,ou=Groups," + base +
                                 "\nchangetype: delete\n\n" + "dn: uid=" + deleted + ",ou=People," +
                                 base + "\nchangetype: delete\n",
                             &out),
              0)
        << out;
  }

  static connectors::ldap::Session admin() {
    return connectors::ldap::Session::open(
        {slapd_->uri(), Slapd::kAdmin, Slapd::kPassword, false, "", std::chrono::seconds(10)});
  }

  static std::map<std::string, Entry> branch(const std::string& ou, const std::string& key) {
    std::map<std::string, Entry> entries;
    for (auto& entry : admin().search("ou=" + ou + "," + Slapd::kBase, Scope::one_level,
                                      "(objectClass=*)", {"*"})) {
      entries[entry.first(key)] = entry;
    }
    return entries;
  }
  static std::map<std::string, Entry> people() { return branch("People", "uid"); }
  static std::map<std::string, Entry> trash() { return branch("Trash", "uid"); }
  static std::map<std::string, Entry> groups() { return branch("Groups", "cn"); }

  std::string login_of(const std::string& key) {
    state::StateStore store((dir_.path() / "state").string());
    for (const auto& identity : store.load_identities()) {
      if (identity.key == key) return identity.login;
    }
    return {};
  }

  test::TempDir dir_;
  std::string eleves_, responsables_, sts_, password_file_;
  std::string edt_;  // a timetable export dropped beside them when set
};

TEST_F(LdapSambaEdu, FirstLoadWritesSe3AccountsAndGroups) {
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done) << first.report.connectors.at(0).error;
  ASSERT_EQ(first.report.connectors.at(0).status, "ok");
  const auto users = people();
  EXPECT_EQ(users.size(), 9u);  // 5 pupils, 4 staff, no guardian
  const auto login = login_of("123456789AB");
  ASSERT_TRUE(users.contains(login));
  const Entry& pupil = users.at(login);
  EXPECT_EQ(as_set(pupil.values("objectclass")),
            (std::set<std::string>{"top", "posixAccount", "shadowAccount", "person",
                                   "inetOrgPerson", "sambaSamAccount"}));
  EXPECT_EQ(pupil.first("givenname"), "Lætitia");
  EXPECT_EQ(pupil.first("employeenumber"), "01201");
  EXPECT_EQ(pupil.first("mail"), login + "@clg-test.ac-caen.fr");
  EXPECT_EQ(pupil.first("homedirectory"), "/home/" + login);
  EXPECT_EQ(pupil.first("loginshell"), "/bin/bash");
  EXPECT_EQ(pupil.first("gidnumber"), "5005");
  EXPECT_EQ(pupil.first("sambaacctflags"), "[U          ]");
  EXPECT_EQ(pupil.first("sambaprimarygroupsid"), std::string(Slapd::kDomainSid) + "-513");
  const auto uid = std::stoul(pupil.first("uidnumber"));
  EXPECT_EQ(pupil.first("sambasid"),
            std::string(Slapd::kDomainSid) + "-" + std::to_string(2 * uid + 1000));
  EXPECT_EQ(pupil.first("gecos").substr(0, 8), "Laetitia");
  EXPECT_NE(pupil.first("gecos").find(",F,N"), std::string::npos) << pupil.first("gecos");
  EXPECT_EQ(pupil.first("userpassword").rfind("{SSHA}", 0), 0u);
  EXPECT_EQ(pupil.first("sambantpassword").size(), 32u);
  EXPECT_EQ(pupil.first("shadowlastchange"), "20412");  // 2025-11-20 in days since 1970
  EXPECT_EQ(pupil.first("sambapwdmustchange"), "2147483647");
  EXPECT_EQ(pupil.first("sambapwdlastset"), "1");
  EXPECT_EQ(pupil.first("initials"), "laetitiaC");
  const auto teacher = std::find_if(users.begin(), users.end(), [](const auto& u) {
    return u.second.first("employeenumber") == "P4101";
  });
  ASSERT_NE(teacher, users.end());
  EXPECT_EQ(teacher->second.first("sn"), "LE GOFF");

  const auto all = groups();
  for (const char* cn :
       {"Eleves", "Profs", "Administratifs", "Classe_6_A", "Classe_6_B", "Equipe_6_A",
        "Matiere_AGL1", "Cours_AGL1_6_A", "Cours_6LAT", "Groupe_Professeurs_Principaux"}) {
    EXPECT_TRUE(all.contains(cn)) << cn;
  }
  EXPECT_EQ(all.at("Eleves").values("memberuid").size(), 5u);
  EXPECT_EQ(all.at("Eleves").first("gidnumber"), "5001");
  const Entry& classe = all.at("Classe_6_A");
  EXPECT_TRUE(as_set(classe.values("memberuid")).contains(login));
  const auto gid = std::stoul(classe.first("gidnumber"));
  EXPECT_GE(gid, 2000u);
  EXPECT_LE(gid, 4999u);
  EXPECT_EQ(classe.first("sambagrouptype"), "2");
  EXPECT_EQ(classe.first("description"), "6 A");
  EXPECT_EQ(classe.first("sambasid").rfind(std::string(Slapd::kDomainSid) + "-", 0), 0u);
  EXPECT_GE(std::stoul(all.at("Cours_6LAT").first("gidnumber")), 10000u);
  EXPECT_TRUE(as_set(all.at("Cours_6LAT").values("memberuid")).contains(login));
  EXPECT_TRUE(
      as_set(all.at("Groupe_Professeurs_Principaux").values("memberuid")).contains(teacher->first));
  std::set<std::string> sids;
  for (const auto& [cn, group] : all)
    EXPECT_TRUE(sids.insert(group.first("sambasid")).second) << cn;
  for (const auto& [uid_, user] : users)
    EXPECT_TRUE(sids.insert(user.first("sambasid")).second) << uid_;
}

// A group made in the timetable gets its SambaEdu course group, with its pupils; renamed in EDT
// the next week, it keeps its gidNumber and SID under its new name.
TEST_F(LdapSambaEdu, TimetableGroupsReachTheDirectoryAndARenameKeepsTheirIdentity) {
  edt_ = test::edt_export("AP 6");
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done) << first.report.connectors.at(0).error;
  const auto before = groups();
  ASSERT_TRUE(before.contains("Cours_AP_6")) << "the timetable's group, taught latin";
  const auto& course = before.at("Cours_AP_6");
  EXPECT_EQ(as_set(course.values("memberuid")),
            (std::set<std::string>{login_of("123456789AB"), login_of("223456789CD"),
                                   login_of("sts:4101")}))
      << "its pupils and the teacher of its course, as SE3's course groups";
  edt_ = test::edt_export("AP-6E");
  const auto renamed = run("2025-11-27");
  ASSERT_EQ(renamed.status, run::Status::done) << renamed.report.connectors.at(0).error;
  const auto after = groups();
  EXPECT_FALSE(after.contains("Cours_AP_6"));
  ASSERT_TRUE(after.contains("Cours_AP-6E"));
  EXPECT_EQ(after.at("Cours_AP-6E").first("gidnumber"), course.first("gidnumber"));
  EXPECT_EQ(after.at("Cours_AP-6E").first("sambasid"), course.first("sambasid"));
  EXPECT_EQ(as_set(after.at("Cours_AP-6E").values("memberuid")),
            as_set(course.values("memberuid")));
}

TEST_F(LdapSambaEdu, SecondExportArrivalDepartureClassChangeRename) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto before = groups();
  const auto laetitia = login_of("123456789AB");
  const auto leaver = login_of("eleve:0140065T:0100003");
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
  const auto second = run("2025-11-27");
  ASSERT_EQ(second.status, run::Status::done) << second.report.connectors.at(0).error;
  const auto users = people();
  const auto all = groups();
  const auto arrival = login_of("823456789KL");
  ASSERT_TRUE(users.contains(arrival));
  EXPECT_EQ(users.at(arrival).first("employeenumber"), "01208");
  EXPECT_TRUE(as_set(all.at("Classe_6_A").values("memberuid")).contains(arrival));
  // Departure: disabled, out of its class, still an Eleves member, not moved.
  EXPECT_EQ(users.at(leaver).first("sambaacctflags"), "[UD         ]");
  EXPECT_FALSE(as_set(all.at("Classe_6_B").values("memberuid")).contains(leaver));
  EXPECT_TRUE(as_set(all.at("Eleves").values("memberuid")).contains(leaver));
  // Class change and corrected first name: same entry, same login.
  EXPECT_EQ(users.at(laetitia).first("givenname"), "Laetitia");
  EXPECT_TRUE(as_set(all.at("Classe_6_B").values("memberuid")).contains(laetitia));
  EXPECT_FALSE(as_set(all.at("Classe_6_A").values("memberuid")).contains(laetitia));
  // Rename: a modrdn keeping gidNumber and SID.
  EXPECT_FALSE(all.contains("Cours_6LAT"));
  ASSERT_TRUE(all.contains("Cours_6LATIN"));
  EXPECT_EQ(all.at("Cours_6LATIN").first("gidnumber"), before.at("Cours_6LAT").first("gidnumber"));
  EXPECT_EQ(all.at("Cours_6LATIN").first("sambasid"), before.at("Cours_6LAT").first("sambasid"));
  EXPECT_EQ(all.at("Cours_6LATIN").first("displayname"), "Cours_6LATIN");
  EXPECT_TRUE(as_set(all.at("Cours_6LATIN").values("memberuid")).contains(laetitia));
}

TEST_F(LdapSambaEdu, DepartureReturnThenTrashAfterGrace) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto leaver = login_of("eleve:0140065T:0100003");
  const auto uid_number = people().at(leaver).first("uidnumber");
  const std::string full = eleves_;
  test::replace_in_latin9(eleves_,
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>6 B</CODE_STRUCTURE>",
                          "<STRUCTURES_ELEVE ELEVE_ID=\"0100003\" ELENOET=\"1203\">\n        "
                          "<STRUCTURE><CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");
  const std::string without = eleves_;
  ASSERT_EQ(run("2025-11-21").status, run::Status::done);
  EXPECT_EQ(people().at(leaver).first("sambaacctflags"), "[UD         ]");
  eleves_ = full;
  ASSERT_EQ(run("2025-12-01").status, run::Status::done);
  EXPECT_EQ(people().at(leaver).first("sambaacctflags"), "[U          ]");
  EXPECT_TRUE(as_set(groups().at("Classe_6_B").values("memberuid")).contains(leaver));
  eleves_ = without;
  ASSERT_EQ(run("2025-12-02").status, run::Status::done);
  const auto removed = run("2026-01-01");
  ASSERT_EQ(removed.status, run::Status::done) << removed.report.connectors.at(0).error;
  EXPECT_FALSE(people().contains(leaver));
  const auto bin = trash();
  ASSERT_TRUE(bin.contains(leaver));  // moved, never deleted
  EXPECT_EQ(bin.at(leaver).first("uidnumber"), uid_number);
  EXPECT_EQ(bin.at(leaver).first("sambaacctflags"), "[UD         ]");
  EXPECT_EQ(bin.at(leaver).first("employeenumber"), "01203");
  // Back after the removal: restored from the Trash, same uid and numbers.
  eleves_ = full;
  const auto back = run("2026-01-10");
  ASSERT_EQ(back.status, run::Status::done)
      << text::french(back.report.connectors.at(0).error)
      << (back.report.connectors.at(0).failures.empty()
              ? ""
              : text::french(back.report.connectors.at(0).failures[0]));
  EXPECT_TRUE(trash().empty());
  const auto users = people();
  ASSERT_TRUE(users.contains(leaver));
  EXPECT_EQ(users.at(leaver).first("uidnumber"), uid_number);
  EXPECT_EQ(users.at(leaver).first("sambaacctflags"), "[U          ]");
  EXPECT_TRUE(as_set(groups().at("Classe_6_B").values("memberuid")).contains(leaver));
}

TEST_F(LdapSambaEdu, RolloverRemovesLastYearsGroups) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto laetitia = login_of("123456789AB");
  for (auto* text : {&eleves_, &responsables_}) {
    test::replace_in_latin9(*text, "<ANNEE_SCOLAIRE>2025", "<ANNEE_SCOLAIRE>2026");
    test::replace_in_latin9(*text, "<DATE_EXPORT>14/11/2025", "<DATE_EXPORT>04/09/2026");
  }
  test::replace_in_latin9(sts_, "ANNEE=\"2025\"", "ANNEE=\"2026\"");
  // This year's 6LAT group is called 6LAT1: last year's is removed, not renamed.
  test::replace_in_latin9(eleves_, "<CODE_STRUCTURE> 6LAT </CODE_STRUCTURE>",
                          "<CODE_STRUCTURE>6LAT1</CODE_STRUCTURE>");
  test::replace_in_latin9(sts_, "<GROUPE CODE=\"6LAT\">", "<GROUPE CODE=\"6LAT1\">");
  const auto rollover = run("2026-09-04");
  ASSERT_EQ(rollover.status, run::Status::done) << rollover.report.connectors.at(0).error;
  ASSERT_TRUE(rollover.report.plan.rollover);
  const auto all = groups();
  EXPECT_FALSE(all.contains("Cours_6LAT"));
  ASSERT_TRUE(all.contains("Cours_6LAT1"));
  EXPECT_TRUE(as_set(all.at("Classe_6_A").values("memberuid")).contains(laetitia));
  EXPECT_EQ(all.at("Eleves").values("memberuid").size(), 5u);
  EXPECT_TRUE(people().contains(laetitia));  // accounts are kept
}

TEST_F(LdapSambaEdu, WrongBindPasswordAppliesNothing) {
  password_file_ = dir_.write("wrong.secret", "not-the-password\n");
  const auto outcome = run("2025-11-20");
  EXPECT_EQ(outcome.status, run::Status::partial);
  EXPECT_EQ(outcome.report.status, "partial");
  const auto& connector = outcome.report.connectors.at(0);
  EXPECT_EQ(connector.status, "failed");
  EXPECT_NE(text::french(connector.error).find("authentification refusée"), std::string::npos)
      << text::french(connector.error);
  EXPECT_NE(text::french(connector.error).find("Invalid credentials"), std::string::npos)
      << text::french(connector.error);
  EXPECT_EQ(text::french(connector.error).find("not-the-password"), std::string::npos);
  EXPECT_TRUE(people().empty());
}

TEST_F(LdapSambaEdu, RefusedEntryIsReportedSkippedAndFixedLater) {
  // A hand-made entry in the way of Classe_6_A: the server refuses to turn it into a posixGroup.
  ASSERT_EQ(slapd_->load(std::string("dn: ou=Groups,") + Slapd::kBase +
                         "\nobjectClass: organizationalUnit\nou: Groups\n\n" +
                         "dn: cn=Classe_6_A,ou=Groups," + Slapd::kBase +
                         "\nobjectClass: organizationalRole\ncn: Classe_6_A\n\n"),
            0);
  const auto refused = run("2025-11-20");
  EXPECT_EQ(refused.status, run::Status::partial);
  const auto& connector = refused.report.connectors.at(0);
  EXPECT_EQ(connector.status, "failed");
  ASSERT_EQ(connector.failures.size(), 1u) << connector.error;
  EXPECT_NE(text::french(connector.failures[0]).find("cn=Classe_6_A"), std::string::npos)
      << text::french(connector.failures[0]);
  EXPECT_NE(text::french(connector.failures[0]).find("refusé"), std::string::npos)
      << text::french(connector.failures[0]);
  EXPECT_EQ(people().size(), 9u);  // the rest went on
  EXPECT_TRUE(groups().contains("Classe_6_B"));
  // Fixed by hand: the next run (same exports, connector not acknowledged) converges.
  std::string out;
  ASSERT_EQ(slapd_->modify(std::string("dn: cn=Classe_6_A,ou=Groups,") + Slapd::kBase +
                               "\nchangetype: delete\n",
                           &out),
            0)
      << out;
  const auto fixed = run("2025-11-20");
  ASSERT_EQ(fixed.status, run::Status::done) << fixed.report.connectors.at(0).error;
  EXPECT_TRUE(
      as_set(groups().at("Classe_6_A").values("memberuid")).contains(login_of("123456789AB")));
}

TEST_F(LdapSambaEdu, SlapdKilledMidApplyThenNextRunConverges) {
  // slapd dies just before the 6th write of the run is sent: at most 5 entries (branches and
  // the first accounts) reach it, the rest of the run meets a dead server.
  connectors::ldap::before_write_hook() =
      [first = std::optional<std::size_t>()](std::size_t sent) mutable {
        if (!first) first = sent;
        if (sent == *first + 5) slapd_->kill(SIGKILL);
      };
  const auto cut = run("2025-11-20");
  connectors::ldap::before_write_hook() = nullptr;
  EXPECT_EQ(cut.status, run::Status::partial);
  EXPECT_EQ(cut.report.status, "partial");
  EXPECT_EQ(cut.report.connectors.at(0).status, "failed");
  EXPECT_FALSE(cut.report.connectors.at(0).error.empty());
  slapd_->start();
  const auto partial = people().size();
  EXPECT_LT(partial, 9u);
  const auto next = run("2025-11-21");
  ASSERT_EQ(next.status, run::Status::done) << next.report.connectors.at(0).error;
  const auto users = people();
  EXPECT_EQ(users.size(), 9u);
  for (const auto& [login, user] : users) EXPECT_EQ(user.values("uidnumber").size(), 1u);
  const auto all = groups();
  EXPECT_EQ(all.at("Eleves").values("memberuid").size(), 5u);
  EXPECT_TRUE(as_set(all.at("Classe_6_A").values("memberuid")).contains(login_of("123456789AB")));
  // Accounts created before the cut kept their passwords; none was created twice.
  for (const auto& [login, user] : users)
    EXPECT_FALSE(user.first("sambantpassword").empty()) << login;
}

TEST_F(LdapSambaEdu, HandMadeDriftIsRepairedAndReported) {
  ASSERT_EQ(run("2025-11-20").status, run::Status::done);
  const auto laetitia = login_of("123456789AB");
  const auto other = login_of("eleve:0140065T:0100003");
  edit_by_hand(laetitia, other);
  const std::string base = Slapd::kBase;
  // A resynchronisation: the acknowledged state applied again, with an empty plan.
  state::StateStore store((dir_.path() / "state").string());
  const auto snapshot = store.load_snapshot(*store.acknowledged("sambaedu"));
  connectors::SambaEduConnector connector(
      test::connector_config("sambaedu", "ldap-sambaedu",
                             {{"uri", slapd_->uri()},
                              {"base_dn", base},
                              {"bind_dn", Slapd::kAdmin},
                              {"bind_password_file", password_file_},
                              {"mail_domain", "clg-test.ac-caen.fr"}}));
  const plan::Plan empty;
  const std::map<std::string, std::string> no_passwords;
  const auto result =
      connector.apply({empty, snapshot, snapshot, no_passwords, "resync", "2025-11-21"});
  ASSERT_TRUE(result.complete()) << result.error;
  std::string drift;
  for (const auto& line : connector.drift()) drift.append(text::french(line)).append("\n");
  EXPECT_NE(drift.find("uid=" + laetitia + " : sn"), std::string::npos) << drift;
  EXPECT_NE(drift.find("cn=Classe_6_A : membres"), std::string::npos) << drift;
  EXPECT_NE(drift.find("cn=Equipe_6_A supprimé"), std::string::npos) << drift;
  EXPECT_NE(drift.find("uid=" + other + " supprimé"), std::string::npos) << drift;
  const auto reported =
      std::count_if(result.warnings.begin(), result.warnings.end(),
                    [](const auto& warning) { return warning.code == "LDAP_DRIFT"; });
  EXPECT_EQ(static_cast<std::size_t>(reported), connector.drift().size());  // in the report too
  const auto users = people();
  EXPECT_EQ(users.at(laetitia).first("sn"), "CŒURDEVEY");
  EXPECT_TRUE(users.contains(other));
  const auto all = groups();
  EXPECT_TRUE(as_set(all.at("Classe_6_A").values("memberuid")).contains(laetitia));
  EXPECT_TRUE(all.contains("Equipe_6_A"));
  // Nothing left to repair: a second pass writes nothing.
  const auto again =
      connector.apply({empty, snapshot, snapshot, no_passwords, "resync", "2025-11-21"});
  EXPECT_EQ(again.applied, 0u);
  EXPECT_TRUE(connector.drift().empty());
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

TEST_F(LdapSambaEdu, AdoptsAnExistingSambaEduDirectory) {
  std::string out;
  ASSERT_EQ(slapd_->load(
                test::read_file(std::string(EDUSYNC_TEST_DATA) + "/ldap/se3_adoption.ldif"), &out),
            0)
      << out;
  const auto first = run("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done)
      << text::french(first.report.connectors.at(0).error)
      << (first.report.connectors.at(0).failures.empty()
              ? ""
              : text::french(first.report.connectors.at(0).failures[0]));
  // Matched by employeeNumber (padded or not, People or Trash), then by cn: their logins kept.
  EXPECT_EQ(login_of("123456789AB"), "lcoeurdevey");
  EXPECT_EQ(login_of("sts:4101"), "legoffm");
  EXPECT_EQ(login_of("eleve:0140065T:0100003"), "zdelafontaine");
  const auto users = people();
  std::map<std::string, int> by_number;
  for (const auto& [login, user] : users) ++by_number[user.first("employeenumber")];
  for (const auto& [number, count] : by_number)
    EXPECT_TRUE(number.empty() || count == 1) << number;  // nothing twice
  const Entry& laetitia = users.at("lcoeurdevey");
  EXPECT_EQ(laetitia.first("uidnumber"), "1500");
  EXPECT_EQ(laetitia.first("employeenumber"), "01201");
  EXPECT_EQ(laetitia.first("sambaacctflags"), "[U          ]");  // SE3's TABs corrected
  EXPECT_EQ(laetitia.first("userpassword"),
            "{MD5}23U/4Xe2YgyzzQP9fY+33g==");  // the user's password kept
  EXPECT_EQ(laetitia.first("sambasid"), std::string(Slapd::kDomainSid) + "-4000");
  EXPECT_EQ(users.at("legoffm").first("uidnumber"), "1600");
  // Found by cn among accounts without employeeNumber, which is then written.
  ASSERT_TRUE(users.contains("jbmartin"));
  EXPECT_EQ(users.at("jbmartin").first("employeenumber"), "01202");
  EXPECT_EQ(users.at("jbmartin").first("uidnumber"), "1601");
  ASSERT_TRUE(users.contains("ndoublon"));
  EXPECT_EQ(users.at("ndoublon").first("uidnumber"), "1603");
  // Back from the Trash with the same uid and numbers.
  EXPECT_TRUE(trash().empty());
  ASSERT_TRUE(users.contains("zdelafontaine"));
  EXPECT_EQ(users.at("zdelafontaine").first("uidnumber"), "1602");
  EXPECT_EQ(users.at("zdelafontaine").first("sambaacctflags"), "[U          ]");
  // Hand-made accounts untouched, their numbers not given to anyone else.
  EXPECT_EQ(users.at("technicien").first("uidnumber"), "1001");
  EXPECT_EQ(users.at("technicien").first("cn"), "Technicien Reseau");
  EXPECT_TRUE(users.contains("admin"));
  for (const auto& [login, user] : users) {
    if (login != "technicien") {
      EXPECT_NE(user.first("uidnumber"), "1001") << login;
    }
  }
  EXPECT_EQ(users.size(), 11u);  // 9 people of the exports + admin + technicien
  // Existing groups kept their numbers and SIDs; members follow the exports.
  const auto all = groups();
  EXPECT_EQ(all.at("Classe_6_A").first("gidnumber"), "2000");
  EXPECT_EQ(all.at("Classe_6_A").first("sambasid"), std::string(Slapd::kDomainSid) + "-1005");
  const auto members = as_set(all.at("Classe_6_A").values("memberuid"));
  EXPECT_TRUE(members.contains("lcoeurdevey"));
  EXPECT_FALSE(members.contains("ancien"));
  EXPECT_EQ(all.at("Eleves").values("memberuid").size(), 5u);
}

// The nightly run without a new export (daemon/run/runner.hpp): the unchanged-inputs short cut
// still calls the SambaEdu connector, which reconciles, so hand-made drift is repaired and
// reported without waiting for exports that differ; the journal, which does not reconcile, is
// not called. With nothing drifted the directory is not written to.
class LdapReconcileRun : public LdapSambaEdu {
 protected:
  // The fixture's directory plus an audit journal; the same exports on every run.
  run::RunOutcome run_unchanged(const std::string& today, std::optional<std::string> only = {},
                                bool recompute = false) {
    return run(today, "  - {name: audit, type: journal, path: " + journal() + "}\n",
               std::move(only), recompute);
  }

  std::string journal() const { return (dir_.path() / "journal.jsonl").string(); }

  static std::string unchanged_since(const run::RunOutcome& outcome) {
    return nlohmann::json::parse(test::read_file(outcome.report_dir + "/report.json"))["run"].value(
        "unchanged_since", "");
  }

  static const report::ConnectorOutcome& connector(const run::RunOutcome& outcome,
                                                   const std::string& name) {
    const auto& all = outcome.report.connectors;
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.name == name; });
    if (found == all.end()) throw std::runtime_error("no connector " + name + " in the report");
    return *found;
  }

  // The connector's LDAP_DRIFT messages, one a line.
  static std::string drift(const report::ConnectorOutcome& outcome) {
    std::string lines;
    for (const auto& warning : outcome.warnings) {
      if (warning.code == "LDAP_DRIFT") lines += text::french(warning.message) + "\n";
    }
    return lines;
  }
};

TEST_F(LdapReconcileRun, UnchangedInputsStillRepairHandMadeDrift) {
  const auto first = run_unchanged("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done) << connector(first, "sambaedu").error;
  const auto journal_text = test::read_file(journal());
  const auto laetitia = login_of("123456789AB");
  const auto other = login_of("eleve:0140065T:0100003");
  edit_by_hand(laetitia, other);

  // --only audit: the short cut calls nothing else, the directory stays as edited.
  const auto audit_only = run_unchanged("2025-11-21", "audit");
  ASSERT_EQ(audit_only.status, run::Status::done) << audit_only.report.error;
  EXPECT_EQ(unchanged_since(audit_only), first.report.id);
  ASSERT_EQ(audit_only.report.connectors.size(), 1u);
  EXPECT_EQ(people().at(laetitia).first("sn"), "Piratée");

  // The same exports the next night: nothing recomputed, the drift repaired and reported.
  const auto second = run_unchanged("2025-11-22");
  ASSERT_EQ(second.status, run::Status::done)
      << second.report.error;  // warnings do not change the exit code
  EXPECT_EQ(second.report.status, "ok");
  EXPECT_EQ(unchanged_since(second), first.report.id);  // the run that computed the snapshot
  EXPECT_TRUE(second.report.plan.empty());
  const auto& repaired = connector(second, "sambaedu");
  EXPECT_EQ(repaired.status, "ok") << repaired.error;
  EXPECT_GE(repaired.applied, 4u);  // one write per repair at least
  const auto lines = drift(repaired);
  EXPECT_NE(lines.find("uid=" + laetitia + " : sn"), std::string::npos) << lines;
  EXPECT_NE(lines.find("cn=Classe_6_A : membres"), std::string::npos) << lines;
  EXPECT_NE(lines.find("cn=Equipe_6_A supprimé"), std::string::npos) << lines;
  EXPECT_NE(lines.find("uid=" + other + " supprimé"), std::string::npos) << lines;
  EXPECT_EQ(connector(second, "audit").status, "ok");
  EXPECT_EQ(connector(second, "audit").applied, 0u);
  EXPECT_EQ(test::read_file(journal()), journal_text);  // the journal was not called
  EXPECT_NE(test::read_file(second.report_dir + "/report.txt").find("LDAP_DRIFT — "),
            std::string::npos);
  EXPECT_NE(test::read_file(second.report_dir + "/report.html").find("LDAP_DRIFT"),
            std::string::npos);
  std::string output;
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/report.schema.json " + second.report_dir + "/report.json 2>&1",
                              output),
            0)
      << output;
  const auto users = people();
  EXPECT_EQ(users.at(laetitia).first("sn"), "CŒURDEVEY");
  EXPECT_TRUE(users.contains(other));
  const auto all = groups();
  EXPECT_TRUE(as_set(all.at("Classe_6_A").values("memberuid")).contains(laetitia));
  EXPECT_TRUE(all.contains("Equipe_6_A"));

  // Nothing drifted since: the connector is called, finds nothing and writes nothing.
  const auto third = run_unchanged("2025-11-23");
  ASSERT_EQ(third.status, run::Status::done) << third.report.error;
  EXPECT_EQ(unchanged_since(third), first.report.id);
  EXPECT_EQ(connector(third, "sambaedu").status, "ok");
  EXPECT_EQ(connector(third, "sambaedu").applied, 0u);
  EXPECT_EQ(drift(connector(third, "sambaedu")), "");
}

// The whole way (--recompute, or new exports giving the same desired state): the connector
// already acknowledged the snapshot, and is still called because it reconciles.
TEST_F(LdapReconcileRun, SameDesiredStateRecomputedStillRepairsDrift) {
  ASSERT_EQ(run_unchanged("2025-11-20").status, run::Status::done);
  const auto laetitia = login_of("123456789AB");
  std::string out;
  ASSERT_EQ(slapd_->modify("dn: uid=" + laetitia + ",ou=People," + Slapd::kBase +
                               "\nchangetype: modify\nreplace: sn\nsn: Piratée\n",
                           &out),
            0)
      << out;
  const auto recomputed = run_unchanged("2025-11-21", {}, true);
  ASSERT_EQ(recomputed.status, run::Status::done) << recomputed.report.error;
  EXPECT_EQ(unchanged_since(recomputed), "");
  EXPECT_TRUE(recomputed.report.plan.empty());
  const auto& repaired = connector(recomputed, "sambaedu");
  EXPECT_EQ(repaired.status, "ok") << repaired.error;
  EXPECT_EQ(repaired.applied, 1u);
  EXPECT_NE(drift(repaired).find("uid=" + laetitia + " : sn"), std::string::npos)
      << drift(repaired);
  EXPECT_EQ(connector(recomputed, "audit").applied, 0u);
  EXPECT_EQ(people().at(laetitia).first("sn"), "CŒURDEVEY");
}

// The directory unreachable on a night without new exports: the run is partial (exit 4), as
// any run whose connector failed; the next run goes the whole way (the short cut follows only
// an "ok" run), finds nothing to change and still reconciles.
TEST_F(LdapReconcileRun, UnreachableDirectoryOnUnchangedInputsIsPartial) {
  const auto first = run_unchanged("2025-11-20");
  ASSERT_EQ(first.status, run::Status::done) << connector(first, "sambaedu").error;
  slapd_->kill(SIGTERM);
  const auto down = run_unchanged("2025-11-21");
  slapd_->start();
  EXPECT_EQ(down.status, run::Status::partial);
  EXPECT_EQ(down.report.status, "partial");
  EXPECT_EQ(unchanged_since(down), first.report.id);
  EXPECT_EQ(connector(down, "sambaedu").status, "failed");
  EXPECT_FALSE(connector(down, "sambaedu").error.empty());
  EXPECT_EQ(connector(down, "audit").status, "ok");
  const auto next = run_unchanged("2025-11-22");
  ASSERT_EQ(next.status, run::Status::done) << connector(next, "sambaedu").error;
  EXPECT_EQ(unchanged_since(next), "");
  EXPECT_TRUE(next.report.plan.empty());
  EXPECT_EQ(connector(next, "sambaedu").status, "ok");
  EXPECT_EQ(connector(next, "sambaedu").applied, 0u);
}

}  // namespace
}  // namespace edusync
