// diff() as a pure function on small directories built in the test.
#include "diff/diff.hpp"

#include <gtest/gtest.h>

namespace edusync {
namespace {

using model::StructureKind;

model::Pupil pupil(const std::string& key, const std::string& given = "Léa") {
  model::Pupil p;
  p.key = key;
  p.uai = "0140065T";
  p.eleve_id = key;
  p.surname = "MARTIN";
  p.given_name = given;
  p.account.login = "martin" + key;
  return p;
}

struct Builder {
  model::Directory d;
  Builder() { d.school_year = "2025"; }
  Builder& year(const std::string& y) {
    d.school_year = y;
    return *this;
  }
  Builder& division(const std::string& code) {
    d.divisions.push_back({"0140065T", code, {}, {}});
    return *this;
  }
  Builder& group(const std::string& code) {
    d.groups.push_back({"0140065T", code, {}, {}});
    return *this;
  }
  Builder& add(model::Pupil p, const std::string& division_code,
               std::vector<std::string> groups = {}) {
    d.memberships.push_back(
        {p.key, "0140065T", StructureKind::division, division_code, model::Origin::siecle});
    for (auto& g : groups)
      d.memberships.push_back({p.key, "0140065T", StructureKind::group, g, model::Origin::siecle});
    d.pupils.push_back(std::move(p));
    return *this;
  }
  Builder& departed(model::Pupil p, const std::string& on) {
    p.departed_on = on;
    d.pupils.push_back(std::move(p));
    return *this;
  }
};

std::vector<std::string> summary(const plan::Plan& plan) {
  std::vector<std::string> lines;
  for (const auto& item : plan.items) {
    std::string line =
        std::string(to_string(item.entity)) + " " + to_string(item.op) + " " + item.key;
    if (!item.structure.empty()) line += " " + item.structure;
    for (const auto& f : item.fields) line += " [" + f.field + ":" + f.before + ">" + f.after + "]";
    lines.push_back(line);
  }
  return lines;
}

const diff::Rules kRules;

Builder school() {
  Builder b;
  b.division("6 A").division("6 B").group("6LAT");
  b.add(pupil("1"), "6 A", {"6LAT"}).add(pupil("2"), "6 A", {"6LAT"}).add(pupil("3"), "6 B");
  return b;
}

TEST(Diff, FirstRunAddsEverythingStructuresFirst) {
  const auto plan = diff::diff({}, school().d, kRules);
  EXPECT_EQ(summary(plan),
            (std::vector<std::string>{
                "division add 6 A", "division add 6 B", "group add 6LAT", "pupil add 1",
                "pupil add 2", "pupil add 3", "membership add 1 6 A", "membership add 1 6LAT",
                "membership add 2 6 A", "membership add 2 6LAT", "membership add 3 6 B"}));
  EXPECT_FALSE(plan.rollover);
  EXPECT_EQ(plan.items[3].login, "martin1");
}

TEST(Diff, SameDirectoryGivesAnEmptyPlan) {
  EXPECT_TRUE(diff::diff(school().d, school().d, kRules).empty());
}

TEST(Diff, CorrectedFirstNameIsAFieldUpdate) {
  auto after = school();
  after.d.pupils[0].given_name = "Léna";
  EXPECT_EQ(summary(diff::diff(school().d, after.d, kRules)),
            std::vector<std::string>{"pupil update 1 [given_name:Léa>Léna]"});
}

TEST(Diff, ClassChangeMovesTheMembershipAndShowsTheDivision) {
  auto after = school();
  after.d.memberships[0].structure_code = "6 B";  // pupil 1: 6 A -> 6 B
  EXPECT_EQ(summary(diff::diff(school().d, after.d, kRules)),
            (std::vector<std::string>{"pupil update 1 [division:6 A>6 B]",
                                      "membership remove 1 6 A", "membership add 1 6 B"}));
}

TEST(Diff, LeaverDepartsThenIsRemovedAndCanReturn) {
  Builder gone;
  gone.division("6 A").division("6 B").group("6LAT");
  gone.add(pupil("1"), "6 A", {"6LAT"})
      .add(pupil("2"), "6 A", {"6LAT"})
      .departed(pupil("3"), "2025-11-20");
  EXPECT_EQ(summary(diff::diff(school().d, gone.d, kRules)),
            (std::vector<std::string>{"membership remove 3 6 B", "pupil depart 3"}));
  // Still departed: nothing to do.
  EXPECT_TRUE(diff::diff(gone.d, gone.d, kRules).empty());
  // Back within the grace period: same key (so same login), memberships restored.
  EXPECT_EQ(summary(diff::diff(gone.d, school().d, kRules)),
            (std::vector<std::string>{"pupil return 3 [division:>6 B]", "membership add 3 6 B"}));
  // Grace period over: removed.
  Builder removed;
  removed.division("6 A").division("6 B").group("6LAT");
  removed.add(pupil("1"), "6 A", {"6LAT"}).add(pupil("2"), "6 A", {"6LAT"});
  EXPECT_EQ(summary(diff::diff(gone.d, removed.d, kRules)),
            std::vector<std::string>{"pupil remove 3"});
}

TEST(Diff, RenamedGroupWithTheSameMembersIsARename) {
  Builder after;
  after.division("6 A").division("6 B").group("6LATIN");
  after.add(pupil("1"), "6 A", {"6LATIN"})
      .add(pupil("2"), "6 A", {"6LATIN"})
      .add(pupil("3"), "6 B");
  EXPECT_EQ(summary(diff::diff(school().d, after.d, kRules)),
            std::vector<std::string>{"group rename 6LATIN [code:6LAT>6LATIN]"});
}

TEST(Diff, NewCodeWithOtherMembersIsRemoveAndAdd) {
  Builder after;
  after.division("6 A").division("6 B").group("6ESP");
  after.add(pupil("1"), "6 A").add(pupil("2"), "6 A").add(pupil("3"), "6 B", {"6ESP"});
  EXPECT_EQ(summary(diff::diff(school().d, after.d, kRules)),
            (std::vector<std::string>{"group add 6ESP", "membership remove 1 6LAT",
                                      "membership remove 2 6LAT", "membership add 3 6ESP",
                                      "group remove 6LAT"}));
}

TEST(Diff, RenameThresholdIsConfigurable) {
  // 6LAT {1,2} -> 6LATIN {1,2,3}: Jaccard 2/3.
  Builder after;
  after.division("6 A").division("6 B").group("6LATIN");
  after.add(pupil("1"), "6 A", {"6LATIN"})
      .add(pupil("2"), "6 A", {"6LATIN"})
      .add(pupil("3"), "6 B", {"6LATIN"});
  const auto strict = diff::diff(school().d, after.d, kRules);
  EXPECT_EQ(plan::count_changes(strict)["groups"]["renamed"], 0u);
  const auto lenient = diff::diff(school().d, after.d, diff::Rules{0.6});
  EXPECT_EQ(summary(lenient), (std::vector<std::string>{"group rename 6LATIN [code:6LAT>6LATIN]",
                                                        "membership add 3 6LATIN"}));
}

TEST(Diff, YearRolloverRemovesLastYearsStructuresAndKeepsAccounts) {
  Builder next;
  next.year("2026").division("5 A").division("6 A");
  next.add(pupil("1"), "5 A").add(pupil("2"), "5 A").add(pupil("3"), "6 A");
  const auto plan = diff::diff(school().d, next.d, kRules);
  EXPECT_TRUE(plan.rollover);
  auto counts = plan::count_changes(plan);
  EXPECT_EQ(counts["divisions"]["added"], 2u);  // 6 A of 2026 is a new division
  EXPECT_EQ(counts["divisions"]["removed"], 2u);
  EXPECT_EQ(counts["divisions"]["renamed"], 0u);  // never renamed into this year's
  EXPECT_EQ(counts["groups"]["removed"], 1u);
  EXPECT_EQ(counts["pupils"]["removed"], 0u);
  EXPECT_EQ(counts["pupils"]["departed"], 0u);
  EXPECT_EQ(counts["memberships"]["removed"], 5u);
  EXPECT_EQ(counts["memberships"]["added"], 3u);
}

TEST(Diff, GuardiansAndStaffFollowTheSameRules) {
  model::Directory before, after;
  before.school_year = after.school_year = "2025";
  model::Contact mother;
  mother.key = "personne:1";
  mother.surname = "MARTIN";
  mother.pupils.push_back({"1", model::Responsibility::legal, "10", true});
  before.guardians.push_back(mother);
  mother.mobile = "+33611111111";
  after.guardians.push_back(mother);
  model::Staff teacher;
  teacher.key = "sts:42";
  teacher.function = "ENS";
  after.staff.push_back(teacher);
  after.services.push_back(
      {"sts:42", "0140065T", StructureKind::division, "6 A", "030201", "CG", model::Origin::sts});
  EXPECT_EQ(summary(diff::diff(before, after, kRules)),
            (std::vector<std::string>{"guardian update personne:1 [mobile:>+33611111111]",
                                      "staff add sts:42", "service add sts:42 6 A"}));
}

TEST(Diff, DeterministicAndCountsMatchItems) {
  Builder after;
  after.division("6 A").group("6LAT");
  after.add(pupil("1", "Léna"), "6 A", {"6LAT"}).add(pupil("4"), "6 A");
  const auto a = diff::diff(school().d, after.d, kRules);
  const auto b = diff::diff(school().d, after.d, kRules);
  EXPECT_EQ(summary(a), summary(b));
  std::uint64_t total = 0;
  for (const auto& [family, ops] : plan::count_changes(a)) {
    for (const auto& [op, count] : ops) total += count;
  }
  EXPECT_EQ(total, a.items.size());
}

}  // namespace
}  // namespace edusync
