// gidNumber allocation of the SambaEdu connector's reconciliation (pure: no directory): SE3's
// ranges, every number given once, a full lower range continued in the upper one and reported,
// a group refused when both ranges are full.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "connectors/ldap_sambaedu/reconcile.hpp"

namespace edusync::connectors::ldap {
namespace {

// `count` groups of `kind`, members none, cn "<stem><number>".
void add_groups(Desired& desired, GroupKind kind, const std::string& stem, int count) {
  for (int i = 0; i < count; ++i) {
    DesiredGroup group;
    group.cn = stem + std::to_string(i);
    group.kind = kind;
    group.description = group.cn;
    desired.groups.emplace(group.cn, group);
  }
}

// The gidNumber of every group the reconciliation creates, by cn.
std::map<std::string, std::uint32_t> created_gids(const Work& work) {
  std::map<std::string, std::uint32_t> gids;
  for (const auto& step : work.phases[3]) {
    if (step.operation.kind != Operation::Kind::add) continue;
    for (const auto& modification : step.operation.modifications) {
      if (modification.attribute == "gidNumber")
        gids[step.subject] = static_cast<std::uint32_t>(std::stoul(modification.values.at(0)));
    }
  }
  return gids;
}

Work reconcile_into(const Desired& after, const Snapshot& actual) {
  static const Layout layout{"dc=test", "S-1-5-21-1-2-3", "", "", false, PasswordHash::ssha};
  static const Desired nothing;
  static const std::map<std::string, std::string> none;
  return reconcile({layout, nothing, after, actual, none, false, none, "2026-01-16"});
}

TEST(LdapGid, SmallestFreeNumberOfEachRangeNumbersGivenOnce) {
  Desired after;
  add_groups(after, GroupKind::division, "Classe_", 3);
  add_groups(after, GroupKind::division_course, "Cours_", 2);
  Snapshot actual;
  actual.gids = {2000, 2002, 10000};  // held by existing groups or accounts
  const auto gids = created_gids(reconcile_into(after, actual));
  EXPECT_EQ(gids.at("Classe_0"), 2001u);
  EXPECT_EQ(gids.at("Classe_1"), 2003u);
  EXPECT_EQ(gids.at("Classe_2"), 2004u);
  EXPECT_EQ(gids.at("Cours_0"), 10001u);
  EXPECT_EQ(gids.at("Cours_1"), 10002u);
}

TEST(LdapGid, AFullLowerRangeGoesOnInTheUpperOneAndIsReported) {
  Desired after;
  add_groups(after, GroupKind::division, "Classe_", 3005);  // [2000, 4999] holds 3 000
  add_groups(after, GroupKind::division_course, "Cours_", 10);
  const auto work = reconcile_into(after, Snapshot{});
  const auto gids = created_gids(work);
  ASSERT_EQ(gids.size(), 3015u);
  std::set<std::uint32_t> distinct;
  std::size_t upper = 0;
  for (const auto& [cn, gid] : gids) {
    EXPECT_TRUE(distinct.insert(gid).second) << cn << " got " << gid << " twice";
    if (cn.starts_with("Classe_") && gid >= 10000) ++upper;
  }
  EXPECT_EQ(upper, 5u);
  ASSERT_EQ(work.notices.size(), 1u);
  EXPECT_NE(text::french(work.notices[0]).find("5 groupe(s)"), std::string::npos)
      << text::french(work.notices[0]);
  EXPECT_TRUE(work.refused.empty());
}

TEST(LdapGid, BothRangesFullRefusesTheGroupAndGivesNoNumberTwice) {
  Desired after;
  add_groups(after, GroupKind::division_course, "Cours_", 2);
  Snapshot actual;
  for (std::uint32_t gid = 10000; gid < 64000; ++gid) actual.gids.insert(gid);  // 64000 free
  const auto work = reconcile_into(after, actual);
  const auto gids = created_gids(work);
  ASSERT_EQ(gids.size(), 1u);
  EXPECT_EQ(gids.begin()->second, 64000u);
  ASSERT_EQ(work.refused.size(), 1u);
  EXPECT_NE(text::french(work.refused[0].second).find("plus aucun gidNumber libre"),
            std::string::npos);
}

}  // namespace
}  // namespace edusync::connectors::ldap
