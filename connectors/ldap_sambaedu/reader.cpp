#include "connectors/ldap_sambaedu/reader.hpp"

#include <charconv>

namespace edusync::connectors::ldap {
namespace {

const std::vector<std::string> kUserAttributes = {"objectClass",
                                                  "uid",
                                                  "cn",
                                                  "sn",
                                                  "givenName",
                                                  "initials",
                                                  "mail",
                                                  "uidNumber",
                                                  "gidNumber",
                                                  "homeDirectory",
                                                  "loginShell",
                                                  "gecos",
                                                  "employeeNumber",
                                                  "sambaSID",
                                                  "sambaPrimaryGroupSID",
                                                  "sambaAcctFlags"};
const std::vector<std::string> kGroupAttributes = {"objectClass", "cn",        "gidNumber",
                                                   "description", "sambaSID",  "sambaGroupType",
                                                   "displayName", "memberUid", "member"};

std::uint32_t number(const std::string& text) {
  std::uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void index(std::vector<Entry> entries, const std::string& key, std::map<std::string, Entry>& into,
           Snapshot& snapshot) {
  for (auto& entry : entries) {
    if (const auto gid = number(entry.first("gidnumber")); gid != 0) snapshot.gids.insert(gid);
    const auto name = entry.first(key);
    if (!name.empty()) into.emplace(lower(name), std::move(entry));
  }
}

void collect_rids(const std::map<std::string, Entry>& entries, const std::string& domain_sid,
                  Snapshot& snapshot) {
  const std::string prefix = lower(domain_sid) + "-";
  for (const auto& [name, entry] : entries) {
    const auto sid = lower(entry.first("sambasid"));
    if (sid.starts_with(prefix)) snapshot.rids.insert(number(sid.substr(prefix.size())));
  }
}

void read_domain(Session& session, Layout& layout, Snapshot& snapshot) {
  const auto domains = session.search(layout.base_dn, Scope::subtree, "(objectClass=sambaDomain)",
                                      {"sambaDomainName", "sambaSID", "sambaNextRid"});
  for (const auto& domain : domains) {
    if (!layout.domain_sid.empty() && lower(domain.first("sambasid")) != lower(layout.domain_sid))
      continue;
    if (layout.domain_sid.empty()) layout.domain_sid = domain.first("sambasid");
    snapshot.domain_dn = domain.dn;
    snapshot.next_rid = number(domain.first("sambanextrid"));
    break;
  }
  if (layout.domain_sid.empty()) {
    throw Error(text::message("connector.ldap.no_domain_sid", {text::arg("base", layout.base_dn)}));
  }
}

}  // namespace

Snapshot read_snapshot(Session& session, Layout& layout) {
  Snapshot snapshot;
  const auto base = session.search(layout.base_dn, Scope::base, "(objectClass=*)", {"1.1"});
  if (base.empty())
    throw Error(text::message("connector.ldap.no_base", {text::arg("base", layout.base_dn)}));
  read_domain(session, layout, snapshot);
  std::set<std::string> branches;
  for (const auto& ou : session.search(layout.base_dn, Scope::one_level,
                                       "(objectClass=organizationalUnit)", {"ou"})) {
    branches.insert(lower(ou.first("ou")));
  }
  for (const char* branch : {"People", "Groups", "Trash"}) {
    if (!branches.contains(lower(branch))) snapshot.missing_branches.insert(branch);
  }
  index(session.search(layout.people_dn(), Scope::one_level, "(uid=*)", kUserAttributes), "uid",
        snapshot.people, snapshot);
  index(session.search(layout.trash_dn(), Scope::one_level, "(uid=*)", kUserAttributes), "uid",
        snapshot.trash, snapshot);
  index(session.search(layout.groups_dn(), Scope::one_level, "(cn=*)", kGroupAttributes), "cn",
        snapshot.groups, snapshot);
  for (const auto* branch : {&snapshot.people, &snapshot.trash, &snapshot.groups}) {
    collect_rids(*branch, layout.domain_sid, snapshot);
  }
  return snapshot;
}

}  // namespace edusync::connectors::ldap
