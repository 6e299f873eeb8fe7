// The real service writing to a real slapd (SambaEdu connector): `ctl status` and the systemd
// STATUS line tell how far the LDAP writes are; a SIGTERM while they are half-way stops the run
// between two writes. The process exits 0, every entry already written is whole, the run says what
// it sent; the next start finishes the job without a duplicate, keeping the accounts already made,
// and re-applies nothing to the other targets.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>
#include <string>

#include "connectors/ldap_sambaedu/session.hpp"
#include "service/daemon_fixture.hpp"
#include "service/fake_service_manager.hpp"
#include "support/generated_schools.hpp"
#include "support/slapd_fixture.hpp"

namespace edusync {
namespace {

using test::Daemon;
using test::Slapd;

constexpr std::size_t kPupils = 300;

struct Account {
  std::string uid_number;
  std::string employee_number;
  bool operator==(const Account&) const = default;
};

class DaemonWithLdap : public Daemon {
 protected:
  void SetUp() override {
    slapd_ = std::make_unique<Slapd>();
    school_ = test::generate_school(dir_.path() / "generated", 7, kPupils, 140);
    uai_ = school_.uai;
    extra_connectors_ = "  - {name: sambaedu, type: ldap-sambaedu, uri: \"" + slapd_->uri() +
                        "\", base_dn: \"" + Slapd::kBase + "\", bind_dn: \"" + Slapd::kAdmin +
                        "\", bind_password_file: \"" + slapd_->password_file() +
                        "\", mail_domain: clg-test.ac-caen.fr, timeout: 10}\n";
    Daemon::SetUp();
  }

  void drop_school() { test::drop_schools(dir_.path() / "inbox", {school_}); }

  // ou=People as the directory holds it: uid -> (uidNumber, employeeNumber).
  std::map<std::string, Account> people() const {
    connectors::ldap::ConnectionSettings settings;
    settings.uri = slapd_->uri();
    settings.bind_dn = Slapd::kAdmin;
    settings.bind_password = Slapd::kPassword;
    auto session = connectors::ldap::Session::open(settings);
    std::map<std::string, Account> accounts;
    for (const auto& entry : session.search(std::string("ou=People,") + Slapd::kBase,
                                            connectors::ldap::Scope::one_level, "(uid=*)",
                                            {"uid", "uidNumber", "employeeNumber"})) {
      accounts[entry.first("uid")] = {entry.first("uidnumber"), entry.first("employeenumber")};
    }
    return accounts;
  }

  std::vector<std::string> run_statuses() {
    std::vector<std::string> statuses;
    for (const auto& run : ctl_json("runs 10").value("runs", nlohmann::json::array()))
      statuses.push_back(run.value("status", ""));
    return statuses;
  }

  std::unique_ptr<Slapd> slapd_;
  test::GeneratedSchool school_;
};

TEST_F(DaemonWithLdap, SigtermBetweenLdapWritesStopsCleanlyAndTheNextStartFinishes) {
  drop_school();
  const std::string hold = path("hold");
  dir_.write("hold", "");
  std::map<std::string, Account> cut;
  {
    const test::FakeServiceManager systemd;
    auto daemon = start({"EDUSYNC_HOLD_AT=ldap-writes-halfway", "EDUSYNC_HOLD_FILE=" + hold,
                         "NOTIFY_SOCKET=" + systemd.path()});
    ASSERT_TRUE(test::eventually([&] { return std::filesystem::exists(hold + ".reached"); }))
        << daemon->output();
    // Half-way through the writes, status tells how far the directory is.
    ASSERT_TRUE(test::eventually([&] {
      return ctl_json("status")["run"].value("connector_progress", nlohmann::json()).is_object();
    })) << ctl_json("status").dump();
    const auto run = ctl_json("status")["run"];
    EXPECT_EQ(run["stage"], "applying");
    EXPECT_EQ(run["connector"], "sambaedu");
    const auto& writes = run["connector_progress"];
    EXPECT_GT(writes["done"].get<int>(), 0) << run.dump();
    EXPECT_LT(writes["done"].get<int>(), writes["total"].get<int>()) << run.dump();
    ASSERT_EQ(ctl("status"), 0);
    EXPECT_NE(output_.find("application au connecteur sambaedu"), std::string::npos) << output_;
    EXPECT_NE(output_.find(" opérations)"), std::string::npos) << output_;
    // And so does the line systemd shows (systemctl status).
    std::string told;
    for (std::string datagram = systemd.receive(); !datagram.empty();
         datagram = systemd.receive()) {
      told = datagram;
      if (told.find(" %") != std::string::npos) break;
    }
    EXPECT_TRUE(told.starts_with("STATUS=passage ")) << told;
    EXPECT_NE(told.find(" : application au connecteur sambaedu (2/2), "), std::string::npos)
        << told;
    daemon->signal(SIGTERM);
    ASSERT_TRUE(test::eventually(
        [&] { return daemon->output().find("arrêt demandé (SIGTERM)") != std::string::npos; }));
    std::filesystem::remove(hold);
    EXPECT_EQ(daemon->wait(), 0) << daemon->output();
    cut = people();
  }
  // Half-way: some accounts are there, not all of them.
  std::cout << "accounts written before the stop: " << cut.size() << "\n";
  EXPECT_GT(cut.size(), 0u);
  EXPECT_LT(cut.size(), kPupils);
  const auto journal = test::read_file(path("journal.jsonl"));

  auto daemon = start();
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 2 && idle(); })) << daemon->output();
  // Newest first: the interrupted run says it is partial, the next one finished.
  EXPECT_EQ(run_statuses(), (std::vector<std::string>{"ok", "partial"})) << daemon->output();
  const std::string partial_report = ctl_json("runs 10")["runs"][1].value("report", "");
  const auto report = test::read_file(partial_report + "/report.txt");
  EXPECT_NE(report.find("arrêt demandé pendant l'écriture dans l'annuaire"), std::string::npos)
      << report;
  const auto after = people();
  EXPECT_GE(after.size(), kPupils);
  for (const auto& [uid, account] : cut) {
    ASSERT_TRUE(after.count(uid)) << uid << " made before the stop is gone";
    EXPECT_EQ(after.at(uid), account) << uid << " changed its numbers";
  }
  std::set<std::string> numbers;
  for (const auto& [uid, account] : after) {
    if (account.employee_number.empty()) continue;
    EXPECT_TRUE(numbers.insert(account.employee_number).second)
        << "two accounts for employeeNumber " << account.employee_number;
  }
  EXPECT_EQ(test::read_file(path("journal.jsonl")), journal) << "the audit journal re-applied";

  // Converged: a recomputed run finds the directory as it must be.
  ASSERT_EQ(ctl("resync --recompute"), 0) << output_;
  ASSERT_TRUE(test::eventually([&] { return finished_runs() >= 3 && idle(); }));
  EXPECT_EQ(ctl_json("status")["last_run"]["status"], "ok");
  EXPECT_EQ(people(), after);
}

}  // namespace
}  // namespace edusync
