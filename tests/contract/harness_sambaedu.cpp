// `ldap-sambaedu`: a real slapd (tests/support/slapd_fixture.hpp), started once per test
// process and emptied for each harness. Failing: a loopback port bound but not listening (the
// server down: refused at once, retried with backoff), and a wrong bind password. Read back:
// every entry under the base, all user attributes, sorted.
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <set>

#include "connectors/ldap_sambaedu/session.hpp"
#include "contract/harness.hpp"
#include "support/closed_port.hpp"
#include "support/slapd_fixture.hpp"

namespace edusync::contract {
namespace {

using test::Slapd;

Slapd& shared_slapd() {
  static const auto slapd = std::make_unique<Slapd>();
  if (slapd->pid() <= 0) slapd->start();
  return *slapd;
}

using test::ClosedPort;

std::string entry_text(const connectors::ldap::Entry& entry) {
  std::string text = "dn: " + entry.dn + "\n";
  for (const auto& [attribute, values] : entry.attributes) {
    for (const auto& value : std::set<std::string>(values.begin(), values.end()))
      text.append(attribute).append(": ").append(value).append("\n");
  }
  return text;
}

class SambaEduHarness final : public Harness {
 public:
  SambaEduHarness() : slapd_(shared_slapd()) {
    slapd_.wipe();
    password_file_ = secret("bind.secret", Slapd::kPassword);
    wrong_password_file_ = secret("wrong.secret", "not-the-password");
    at_start_ = entries_by_dn();
  }

  std::string working(const std::string& name) override {
    return item(name, slapd_.uri(), password_file_);
  }
  std::vector<std::string> failing(const std::string& name) override {
    return {item(name + "-0", "ldap://127.0.0.1:" + std::to_string(closed_.port()), password_file_),
            item(name + "-1", slapd_.uri(), wrong_password_file_)};
  }
  std::string read_back(const std::string& /*name*/) override {
    std::string text;
    for (const auto& [dn, entry] : entries_by_dn()) text += entry + "\n";
    return text;
  }
  // `applied` counts LDAP writes: on an empty directory one add per entry written and one
  // modify of the sambaDomain entry (its sambaNextRid, after allocating group SIDs), so one
  // per entry that is new or differs from what the harness found at its start.
  std::uint64_t expected_applied(const plan::Plan& /*plan*/, const std::string& /*name*/) override {
    std::uint64_t written = 0;
    for (const auto& [dn, entry] : entries_by_dn()) {
      const auto found = at_start_.find(dn);
      written += found == at_start_.end() || found->second != entry ? 1u : 0u;
    }
    return written;
  }

 private:
  std::string item(const std::string& name, const std::string& uri,
                   const std::string& password_file) const {
    return "{name: " + name + ", type: ldap-sambaedu, uri: \"" + uri + "\", base_dn: \"" +
           Slapd::kBase + "\", bind_dn: \"" + Slapd::kAdmin + "\", bind_password_file: \"" +
           password_file + "\", mail_domain: clg-test.ac-caen.fr, timeout: 10}";
  }
  std::string secret(const std::string& file, const std::string& content) const {
    auto path = dir_.write(file, content);
    ::chmod(path.c_str(), 0600);
    return path;
  }
  // Every entry under the base, as text, by DN.
  std::map<std::string, std::string> entries_by_dn() const {
    auto session = connectors::ldap::Session::open(
        {slapd_.uri(), Slapd::kAdmin, Slapd::kPassword, false, "", std::chrono::seconds(10)});
    std::map<std::string, std::string> entries;
    for (const auto& entry :
         session.search(Slapd::kBase, connectors::ldap::Scope::subtree, "(objectClass=*)", {"*"}))
      entries[entry.dn] = entry_text(entry);
    return entries;
  }

  Slapd& slapd_;
  test::TempDir dir_;
  ClosedPort closed_;
  std::string password_file_, wrong_password_file_;
  std::map<std::string, std::string> at_start_;
};

}  // namespace

std::unique_ptr<Harness> make_sambaedu_harness() {
  return std::make_unique<SambaEduHarness>();
}

}  // namespace edusync::contract
