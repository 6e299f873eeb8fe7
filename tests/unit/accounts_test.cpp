// The accounts stage: logins forever, aliases, departures, grace, login reuse delay.
#include "run/accounts.hpp"

#include <gtest/gtest.h>

namespace edusync {
namespace {

model::Directory with_pupil(const std::string& key, const std::string& eleve_id,
                            std::vector<std::string> ines, const std::string& given = "Jean") {
  model::Directory d;
  d.school_year = "2025";
  model::Pupil p;
  p.key = key;
  p.uai = "0140065T";
  p.eleve_id = eleve_id;
  p.ines = std::move(ines);
  p.surname = "DUPONT";
  p.given_name = given;
  p.birth_date = "2012-04-03";
  d.pupils.push_back(p);
  d.memberships.push_back(
      {key, "0140065T", model::StructureKind::division, "6 A", model::Origin::siecle});
  model::Contact parent;
  parent.key = "personne:9";
  parent.pupils.push_back({key, model::Responsibility::legal, "10", false});
  d.guardians.push_back(parent);
  return d;
}

run::AccountSettings settings() {
  return {};
}

TEST(Accounts, NewPupilGetsLoginUidAndPassword) {
  const auto outcome = run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, {},
                                                settings(), "2025-11-20");
  ASSERT_EQ(outcome.desired.pupils.size(), 1u);
  EXPECT_EQ(outcome.desired.pupils[0].account.login, "dupontj");
  EXPECT_EQ(outcome.desired.pupils[0].account.uid_number, 1001u);
  ASSERT_EQ(outcome.new_passwords.size(), 1u);
  EXPECT_EQ(outcome.new_passwords[0].second.size(), 8u);
  EXPECT_EQ(outcome.changed.size(), 2u);  // the pupil and the guardian
}

TEST(Accounts, StoredLoginIsKeptWhenTheNameChanges) {
  std::vector<state::Identity> stored = {{"eleve:1", state::PersonKind::pupil, "dupontj", 1001,
                                          "2025-09-01", "", "", "eleve:0140065T:1"}};
  const auto outcome = run::build_desired_state(with_pupil("eleve:1", "1", {}, "Yann"), nullptr,
                                                stored, settings(), "2025-11-20");
  EXPECT_EQ(outcome.desired.pupils[0].account.login, "dupontj");
  EXPECT_TRUE(outcome.new_passwords.empty());
}

TEST(Accounts, PupilWhoGetsAnIneKeepsHisIdentityAndLinksFollow) {
  std::vector<state::Identity> stored = {{"eleve:1", state::PersonKind::pupil, "dupontj", 1001,
                                          "2025-09-01", "", "", "eleve:0140065T:1"}};
  const auto outcome = run::build_desired_state(with_pupil("123456789AB", "1", {"123456789AB"}),
                                                nullptr, stored, settings(), "2025-11-20");
  ASSERT_EQ(outcome.desired.pupils.size(), 1u);
  EXPECT_EQ(outcome.desired.pupils[0].key, "eleve:1");
  EXPECT_EQ(outcome.desired.pupils[0].account.login, "dupontj");
  EXPECT_EQ(outcome.desired.memberships[0].pupil_key, "eleve:1");
  EXPECT_EQ(outcome.desired.guardians[0].pupils[0].pupil_key, "eleve:1");
  EXPECT_TRUE(outcome.new_passwords.empty());
}

TEST(Accounts, AbsentPersonDepartsThenIsRemovedAfterGrace) {
  const auto first = run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, {},
                                              settings(), "2025-11-01");
  model::Directory empty;
  empty.school_year = "2025";
  auto gone =
      run::build_desired_state(empty, &first.desired, first.changed, settings(), "2025-11-20");
  ASSERT_EQ(gone.desired.pupils.size(), 1u);
  EXPECT_EQ(gone.desired.pupils[0].departed_on, "2025-11-20");
  EXPECT_EQ(gone.desired.pupils[0].account.login, "dupontj");
  EXPECT_TRUE(gone.desired.memberships.empty());
  std::vector<state::Identity> identities = first.changed;
  for (auto& identity : identities) identity.departed = "2025-11-20";
  const auto still =
      run::build_desired_state(empty, &gone.desired, identities, settings(), "2025-12-19");
  EXPECT_EQ(still.desired.pupils.size(), 1u);  // 29 days
  const auto removed =
      run::build_desired_state(empty, &gone.desired, identities, settings(), "2025-12-20");
  EXPECT_TRUE(removed.desired.pupils.empty());  // 30 days
  const auto pupil = std::find_if(removed.changed.begin(), removed.changed.end(),
                                  [](const auto& i) { return i.key == "eleve:1"; });
  ASSERT_NE(pupil, removed.changed.end());
  EXPECT_EQ(pupil->removed, "2025-12-20");
  EXPECT_EQ(pupil->uid_number, 0u);    // freed
  EXPECT_EQ(pupil->login, "dupontj");  // held
}

TEST(Accounts, RemovedLoginIsHeldForTheReuseDelay) {
  std::vector<state::Identity> stored = {{"eleve:old", state::PersonKind::pupil, "dupontj", 0,
                                          "2024-09-01", "2024-10-01", "2024-11-01", ""}};
  const auto held = run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, stored,
                                             settings(), "2025-10-31");
  EXPECT_EQ(held.desired.pupils[0].account.login, "dupont2");
  const auto released = run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, stored,
                                                 settings(), "2025-11-01");
  EXPECT_EQ(released.desired.pupils[0].account.login, "dupontj");
}

TEST(Accounts, UidNumbersOfDepartedAccountsAreNotReused) {
  std::vector<state::Identity> stored = {
      {"eleve:old", state::PersonKind::pupil, "martinl", 1001, "2024-09-01", "2025-11-10", "", ""}};
  const auto outcome = run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, stored,
                                                settings(), "2025-11-20");
  EXPECT_EQ(outcome.desired.pupils[0].account.uid_number, 1002u);
}

TEST(Accounts, BirthdatePolicyWarnsThatPasswordsAreGuessable) {
  auto s = settings();
  s.password_policy = identity::PasswordPolicy::birthdate;
  const auto outcome =
      run::build_desired_state(with_pupil("eleve:1", "1", {}), nullptr, {}, s, "2025-11-20");
  EXPECT_EQ(outcome.new_passwords.at(0).second, "20120403");
  ASSERT_FALSE(outcome.warnings.empty());
  EXPECT_EQ(outcome.warnings.back().code, "GUESSABLE_PASSWORD");
}

}  // namespace
}  // namespace edusync
