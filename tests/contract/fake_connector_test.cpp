// The fake connector itself (tests/support/fake_connector.hpp): what it holds after a plan is
// what the plan says, and it fails exactly as it is told to.
#include "support/fake_connector.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "contract/adapter.hpp"
#include "contract/school.hpp"
#include "diff/diff.hpp"

namespace edusync::contract {
namespace {

const std::map<std::string, std::string> kNoPasswords;

connectors::ApplyResult apply(connectors::Connector& connector, const model::Directory& before,
                              const model::Directory& after) {
  const auto plan = diff::diff(before, after, diff::Rules{});
  return connector.apply({plan, before, after, kNoPasswords, "run", "2025-11-20"});
}

// The next export: 6A renamed 6A1 (same pupils), a pupil arrived in the group only, the
// teacher gone.
model::Directory next_export() {
  auto d = small_school();
  d.divisions[0].code = "6A1";
  d.groups[0].divisions = {"6A1"};
  for (auto& m : d.memberships) {
    if (m.structure_code == "6A") m.structure_code = "6A1";
  }
  auto arrival = d.pupils[1];
  arrival.key = "0802116653S";
  arrival.ines = {arrival.key};
  arrival.surname = "ARRIVÉE";
  d.pupils.push_back(arrival);
  d.memberships.push_back({arrival.key, kUai, model::StructureKind::group, "6LAT"});
  d.staff.clear();
  d.services.clear();
  d.head_teachers.clear();
  return d;
}

// The one after: the third pupil left (kept, departed, out of every class).
model::Directory export_after_next() {
  auto d = next_export();
  d.pupils[2].departed_on = "2025-12-01";
  std::erase_if(d.memberships, [&](const auto& m) { return m.pupil_key == d.pupils[2].key; });
  return d;
}

// A configuration item of type "fake" with no key: the fake is told its failures directly.
config::ConnectorConfig fake_item() {
  config::ConnectorConfig item;
  item.name = "fake";
  item.type = test::kFakeType;
  return item;
}

TEST(FakeConnector, HoldsWhatThePlanSaysFromNothingThenAfterRenamesArrivalsAndDepartures) {
  test::FakeConnector fake(fake_item());
  const model::Directory empty;
  const auto school = small_school();
  const auto first = apply(fake, empty, school);
  ASSERT_TRUE(first.complete());
  EXPECT_EQ(first.applied, diff::diff(empty, school, diff::Rules{}).items.size());
  EXPECT_EQ(test::canonical_text(fake.held()), test::canonical_text(school));

  const auto next = next_export();
  const auto plan = diff::diff(school, next, diff::Rules{});
  ASSERT_TRUE(std::any_of(plan.items.begin(), plan.items.end(),
                          [](const plan::Item& i) { return i.op == plan::Op::rename; }));
  ASSERT_TRUE(apply(fake, school, next).complete());
  EXPECT_EQ(test::canonical_text(fake.held()), test::canonical_text(next));

  const auto last = export_after_next();
  ASSERT_TRUE(apply(fake, next, last).complete());
  EXPECT_EQ(test::canonical_text(fake.held()), test::canonical_text(last));
  EXPECT_EQ(fake.apply_calls(), 3u);
}

TEST(FakeConnector, AtARolloverLastYearsStructuresGiveWayToThisYearsOfTheSameCode) {
  test::FakeConnector fake(fake_item());
  const auto school = small_school();
  auto next_year = school;
  next_year.school_year = "2026";
  next_year.divisions[0].label = "6e A (2026)";
  const auto plan = diff::diff(school, next_year, diff::Rules{});
  ASSERT_TRUE(plan.rollover);
  ASSERT_TRUE(apply(fake, school, next_year).complete());
  EXPECT_EQ(test::canonical_text(fake.held()), test::canonical_text(next_year));
}

TEST(FakeConnector, ARefusedItemIsReportedByIndexAndTheOthersApplied) {
  test::FakeConnector fake(fake_item());
  fake.fail_item(1);
  const model::Directory empty;
  const auto school = small_school();
  const auto plan = diff::diff(empty, school, diff::Rules{});
  const auto result = fake.apply({plan, empty, school, kNoPasswords, "run", "2025-11-20"});
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.failures[0].item, 1u);
  EXPECT_FALSE(result.failures[0].message.empty());
  EXPECT_EQ(result.applied, plan.items.size() - 1);
  EXPECT_FALSE(result.complete());
  EXPECT_NE(test::canonical_text(fake.held()), test::canonical_text(school));
}

TEST(FakeConnector, EveryItemOfAFailingKeyIsRefused) {
  test::FakeConnector fake(fake_item());
  fake.fail_key(kFirstPupil);
  const model::Directory empty;
  const auto school = small_school();
  const auto plan = diff::diff(empty, school, diff::Rules{});
  std::size_t of_key = 0;
  for (const auto& item : plan.items) of_key += item.key == kFirstPupil ? 1u : 0u;
  ASSERT_GT(of_key, 1u);  // the pupil and their memberships
  const auto result = fake.apply({plan, empty, school, kNoPasswords, "run", "2025-11-20"});
  EXPECT_EQ(result.failures.size(), of_key);
  for (const auto& failure : result.failures) EXPECT_EQ(plan.items[failure.item].key, kFirstPupil);
  EXPECT_EQ(result.applied, plan.items.size() - of_key);
}

TEST(FakeConnector, AWholeFailureKeepsWhatItHeldAndAThrowIsAThrow) {
  test::FakeConnector fake(fake_item());
  const model::Directory empty;
  const auto school = small_school();
  fake.fail_whole("serveur injoignable");
  const auto result = apply(fake, empty, school);
  EXPECT_NE(text::french(result.error).find("serveur injoignable"), std::string::npos);
  EXPECT_EQ(result.applied, 0u);
  EXPECT_EQ(test::canonical_text(fake.held()), test::canonical_text(empty));
  fake.fail_whole("");
  fake.throw_on_apply();
  EXPECT_THROW(apply(fake, empty, school), std::runtime_error);
  EXPECT_EQ(fake.apply_calls(), 2u);
}

TEST(FakeConnector, MadeByTheRegistryFromItsKeysAndSharingItsTargetByName) {
  const auto fakes = std::make_shared<test::FakeTargets>();
  const auto registry = registry_with_fake(fakes);
  const model::Directory empty;
  const auto school = small_school();
  const auto failing = make_connector(registry, "{name: partial, type: fake, fail_item: 0}");
  EXPECT_EQ(apply(*failing, empty, school).failures.size(), 1u);
  const auto working = make_connector(registry, "{name: whole, type: fake}");
  ASSERT_TRUE(apply(*working, empty, school).complete());
  const auto again = make_connector(registry, "{name: whole, type: fake}");
  ASSERT_TRUE(apply(*again, school, school).complete());
  ASSERT_NE(fakes->find("whole"), nullptr);
  EXPECT_EQ(fakes->find("whole")->apply_calls, 2u);
  EXPECT_EQ(test::canonical_text(fakes->find("whole")->held), test::canonical_text(school));
  EXPECT_EQ(fakes->find("partial")->apply_calls, 1u);
  EXPECT_THROW(make_connector(registry, "{name: bad, type: fake, fail_item: many}"),
               std::runtime_error);
}

}  // namespace
}  // namespace edusync::contract
