#pragma once
// Reconciliation: from what the directory holds now (read at the start of every apply) and
// what it must hold, the writes to send. The directory is the truth about itself: an entry
// deleted by hand is recreated, a membership edited by hand restored, an attribute changed by
// hand corrected and reported as drift. Computing from the directory rather than replaying the
// plan is also what makes a run interrupted half-way converge on the next one: whatever was
// done is not redone, whatever was not is.
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "connectors/ldap_sambaedu/desired.hpp"
#include "connectors/ldap_sambaedu/session.hpp"

namespace edusync::connectors::ldap {

// The managed part of the directory as read (keys lower-cased: uid and cn match ignoring case).
struct Snapshot {
  std::map<std::string, Entry> people;     // ou=People, by uid
  std::map<std::string, Entry> trash;      // ou=Trash, by uid
  std::map<std::string, Entry> groups;     // ou=Groups, by cn
  std::set<std::string> missing_branches;  // "People", "Groups", "Trash" when absent
  std::set<std::uint32_t> gids;            // every gidNumber of People, Trash and Groups
  std::set<std::uint32_t> rids;            // every RID of the domain SID in use
  std::string domain_dn;                   // the sambaDomain entry, empty when none
  std::uint32_t next_rid = 0;              // its sambaNextRid, 0 when none
};

// One write, with what it is about (a login or a group cn) for the report.
struct Step {
  Operation operation;
  std::string subject;
};

struct Work {
  // Sent phase after phase; the writes of one phase are independent and pipelined:
  // 0 branches, 1 removals, 2 moves and renames, 3 additions and modifications.
  std::array<std::vector<Step>, 4> phases;
  // In the reader's language (text/catalogue_connectors.cpp).
  std::vector<text::Message> drift;    // hand-made changes found (and repaired by the writes)
  std::vector<text::Message> notices;  // for the operator: accounts only in the directory…
  std::vector<std::pair<std::string, text::Message>> refused;  // subject, why nothing is written
  std::size_t size() const;
};

struct ReconcileInput {
  const Layout& layout;
  const Desired& before;  // what the target last acknowledged (empty on a first run)
  const Desired& after;
  const Snapshot& actual;
  const std::map<std::string, std::string>& renamed;  // structure code: old -> new
  bool rollover = false;
  const std::map<std::string, std::string>& passwords;  // person key -> clear initial password
  std::string today;                                    // ISO date
};

Work reconcile(const ReconcileInput& input);

std::string lower(std::string text);

}  // namespace edusync::connectors::ldap
