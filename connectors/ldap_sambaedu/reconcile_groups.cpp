// Groups: created with their members (a groupOfNames cannot be empty), memberships merged into
// one modify per group, renamed by modrdn (gidNumber and SID kept), removed when their
// structure is gone, all of last year's removed at the rollover (SE3's annual import).
#include <algorithm>

#include "connectors/ldap_sambaedu/reconcile_internal.hpp"

namespace edusync::connectors::ldap::detail {
namespace {

bool population(GroupKind kind) {
  return kind == GroupKind::pupils || kind == GroupKind::teachers ||
         kind == GroupKind::administrative;
}

bool has_class(const Entry& entry, const std::string& lower_class) {
  for (const auto& value : entry.values("objectclass")) {
    if (lower(value) == lower_class) return true;
  }
  return false;
}

// SE3 user RIDs are algorithmic (2 × uidNumber + 1000, always even): a group never takes one.
bool user_rid(std::uint32_t rid) {
  return rid % 2 == 0 && rid >= 3002 && rid <= 2 * 65535 + 1000;
}

class GroupReconciler {
 public:
  GroupReconciler(const ReconcileInput& input, Work& work)
      : in_(input),
        work_(work),
        groups_(input.actual.groups),
        gids_(input.actual.gids),
        rids_(input.actual.rids),
        next_rid_(input.actual.next_rid) {}

  void run() {
    renames();
    removals();
    for (const auto& [cn, group] : in_.after.groups) desired(group);
    if (overflowed_ > 0) {
      work_.notices.push_back(
          text::message("connector.ldap.upper_gid_range", {text::count("count", overflowed_)}));
    }
    if (in_.actual.next_rid != 0 && next_rid_ != in_.actual.next_rid) {
      // Delete the old value and add the new in one modify: refused if another writer moved it.
      work_.phases[3].push_back(
          {modify_operation(
               in_.actual.domain_dn,
               {{Modification::Op::remove, "sambaNextRid", {std::to_string(in_.actual.next_rid)}},
                {Modification::Op::add, "sambaNextRid", {std::to_string(next_rid_)}}}),
           "sambaDomain"});
    }
  }

 private:
  void renames() {
    for (const auto& [cn, group] : in_.before.groups) {
      if (in_.after.groups.contains(cn)) continue;
      const auto renamed = in_.renamed.find(group.structure);
      if (renamed == in_.renamed.end()) continue;
      const auto new_cn =
          group_cn(group.kind, in_.layout.prefix, group.subject_part, renamed->second);
      const auto old = groups_.find(lower(cn));
      if (!in_.after.groups.contains(new_cn) || old == groups_.end() ||
          groups_.contains(lower(new_cn)))
        continue;
      work_.phases[2].push_back(
          {rename_operation(old->second.dn, "cn=" + escape_dn_value(new_cn), ""), new_cn});
      Entry moved = old->second;
      moved.dn = in_.layout.group_dn(new_cn);
      moved.attributes["cn"] = {new_cn};
      groups_.erase(old);
      groups_.emplace(lower(new_cn), std::move(moved));
      renamed_away_.insert(cn);
    }
  }

  void removals() {
    for (const auto& [cn, group] : in_.before.groups) {
      if (population(group.kind) || renamed_away_.contains(cn)) continue;
      if (in_.after.groups.contains(cn) && !in_.rollover) continue;
      const auto found = groups_.find(lower(cn));
      if (found == groups_.end()) continue;
      work_.phases[1].push_back({remove_operation(found->second.dn), cn});
      groups_.erase(found);
    }
  }

  void desired(const DesiredGroup& group) {
    const auto found = groups_.find(lower(group.cn));
    const auto previous = in_.before.groups.find(group.cn);
    if (found == groups_.end()) {
      if (previous != in_.before.groups.end() && !in_.rollover) {
        work_.drift.push_back(
            text::message("connector.ldap.group_recreated", {text::arg("cn", group.cn)}));
      }
      create(group);
      return;
    }
    const Entry& actual = found->second;
    if (has_class(actual, "groupofnames") != group.group_of_names) {
      work_.notices.push_back(
          text::message("connector.ldap.group_other_class", {text::arg("cn", group.cn)}));
      return;
    }
    std::vector<Modification> mods =
        modifications(actual, attributes(group, false), {"cn", "memberUid", "member"});
    if (!group.group_of_names && !has_class(actual, "sambagroupmapping")) {
      mods.push_back({Modification::Op::add, "sambaSID", {sid(actual.first("gidnumber"))}});
    }
    const auto before_members = members_changed(group, actual, mods);
    if (before_members && previous != in_.before.groups.end() &&
        previous->second.members == group.members) {
      work_.drift.push_back(
          text::message("connector.ldap.members_restored", {text::arg("cn", group.cn)}));
    }
    if (!mods.empty())
      work_.phases[3].push_back(
          {modify_operation(in_.layout.group_dn(group.cn), std::move(mods)), group.cn});
  }

  // Adds to `mods` the member values to add and remove; true when there are any.
  bool members_changed(const DesiredGroup& group, const Entry& actual,
                       std::vector<Modification>& mods) const {
    const std::string name = group.group_of_names ? "member" : "memberUid";
    const Values wanted = member_values(group);
    const Values& have = actual.values(lower(name));
    const auto missing = missing_ignoring_case(wanted, have);
    Values extra;
    std::set<std::string> wanted_lower;
    for (const auto& value : wanted) wanted_lower.insert(lower(value));
    for (const auto& value : have) {
      if (!wanted_lower.contains(lower(value))) extra.push_back(value);
    }
    // Add before remove: a groupOfNames never goes through zero members.
    if (!missing.empty()) mods.push_back({Modification::Op::add, name, missing});
    if (!extra.empty()) mods.push_back({Modification::Op::remove, name, extra});
    return !missing.empty() || !extra.empty();
  }

  Values member_values(const DesiredGroup& group) const {
    Values values;
    for (const auto& login : group.members)
      values.push_back(group.group_of_names ? in_.layout.user_dn(login) : login);
    return values;
  }

  // The managed attributes; with `numbers`, the ones only written at creation too.
  Attributes attributes(const DesiredGroup& group, bool numbers) const {
    Attributes a;
    a["description"] = {group.description};
    if (group.group_of_names) {
      a["objectClass"] = {"top", "groupOfNames"};
    } else {
      a["objectClass"] = {"top", "posixGroup", "sambaGroupMapping"};
      a["sambaGroupType"] = {"2"};
      a["displayName"] = {group.cn};
    }
    if (numbers) {
      a["cn"] = {group.cn};
      const auto members = member_values(group);
      if (!members.empty()) a[group.group_of_names ? "member" : "memberUid"] = members;
    }
    return a;
  }

  void create(const DesiredGroup& group) {
    Attributes a = attributes(group, true);
    if (!group.group_of_names) {
      const auto gid = allocate_gid(group.kind);
      if (gid == 0) {
        work_.refused.emplace_back(
            group.cn, text::message("connector.ldap.no_free_gid", {text::arg("cn", group.cn)}));
        return;
      }
      a["gidNumber"] = {std::to_string(gid)};
      a["sambaSID"] = {sid(std::to_string(gid))};
    }
    work_.phases[3].push_back({add_operation(in_.layout.group_dn(group.cn), a), group.cn});
  }

  // A gidNumber range scanned from `next`: every number below it is taken (numbers are only
  // ever added to gids_ during a run), so allocating n groups costs O(n), not O(n²).
  struct GidRange {
    std::uint32_t next;
    std::uint32_t last;
  };

  // SE3's ranges (get_first_free_gidNumber): [2000, 4999] for classes, teams and subjects,
  // [10000, 64000] for courses and the head teachers' group; the smallest number no account or
  // group holds. A full lower range goes on in the upper one (SE3 would give 4999 again; only
  // a school of some 1 500 divisions fills it) and is reported once; 0 when both are full.
  std::uint32_t allocate_gid(GroupKind kind) {
    if (const auto fixed = fixed_gid(kind); fixed != 0) return fixed;
    if (!upper_gid_range(kind)) {
      if (const auto gid = first_free(lower_); gid != 0) return gid;
      ++overflowed_;
    }
    return first_free(upper_);
  }

  std::uint32_t first_free(GidRange& range) {
    while (range.next <= range.last && gids_.contains(range.next)) ++range.next;
    if (range.next > range.last) return 0;
    gids_.insert(range.next);
    return range.next++;
  }

  // A group SID: the next RID of the domain's pool (sambaNextRid) when it has one, as Samba's
  // `net groupmap add` does; Samba's algorithmic group RID (2 × gid + 1001) otherwise.
  std::string sid(const std::string& gid_text) {
    std::uint32_t rid = 0;
    if (in_.actual.next_rid == 0) {
      rid = 2 * static_cast<std::uint32_t>(std::stoul(gid_text.empty() ? "0" : gid_text)) + 1001;
    } else {
      rid = next_rid_;
      while (rids_.contains(rid) || user_rid(rid)) ++rid;
      rids_.insert(rid);
      next_rid_ = rid + 1;
    }
    return in_.layout.domain_sid + "-" + std::to_string(rid);
  }

  const ReconcileInput& in_;
  Work& work_;
  std::map<std::string, Entry> groups_;  // the directory's groups as they will be after renames
  std::set<std::uint32_t> gids_;
  GidRange lower_{2000, 4999};
  GidRange upper_{10000, 64000};
  std::size_t overflowed_ = 0;  // lower-range groups numbered in the upper range
  std::set<std::uint32_t> rids_;
  std::uint32_t next_rid_;
  std::set<std::string> renamed_away_;
};

}  // namespace

void reconcile_groups(const ReconcileInput& input, Work& work) {
  GroupReconciler(input, work).run();
}

}  // namespace edusync::connectors::ldap::detail
