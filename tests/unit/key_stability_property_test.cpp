// A property of the identity keys, checked over generated data (tools/generator) with a few
// fixed seeds: for random schools (one to three, some numbering their SIECLE bases alike,
// pupils with and without INE), an export, then a later one with departures, arrivals
// without INE and INEs given since, `run` then `run --recompute` on the same inputs plans
// nothing and changes no identity; every current pupil has an identity of their own; and a
// pupil present in both exports keeps key, login and uid number.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <random>
#include <set>

#include "run/runner.hpp"
#include "state/state_store.hpp"
#include "support/generated_schools.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

struct Scenario {
  std::vector<test::GeneratedSchool> schools;
  std::string description;
};

class KeyStability : public ::testing::TestWithParam<std::uint64_t> {
 protected:
  // The random set of schools of one seed.
  Scenario make_scenario(std::mt19937_64& rng) {
    Scenario scenario;
    const std::size_t count = 1 + rng() % 3;
    const bool same_numbering = count > 1 && rng() % 2 == 0;
    const std::uint64_t base_seed = rng() % 1000;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t seed = same_numbering ? base_seed : base_seed + i;
      const std::size_t pupils = 20 + rng() % 30;
      auto school = test::generate_school(dir_.path() / ("gen" + std::to_string(i)), seed, pupils,
                                          static_cast<std::uint32_t>(69500 + 37 * i));
      const double without_ine = static_cast<double>(rng() % 101) / 100.0;
      std::bernoulli_distribution strip(without_ine);
      test::edit_pupils(school.eleves(), [&](const std::string&, std::string& block) {
        if (strip(rng)) test::erase_ines(block);
      });
      scenario.description +=
          school.uai + " (seed " + std::to_string(seed) + ", " + std::to_string(pupils) +
          " pupils, " + std::to_string(static_cast<int>(without_ine * 100)) + " % without INE) ";
      scenario.schools.push_back(std::move(school));
    }
    return scenario;
  }

  // The later export: dated two weeks on, some pupils gone, some new ones without INE (copies
  // of a classmate, with the same guardians), some given an INE since.
  void churn(Scenario& scenario, std::mt19937_64& rng) {
    std::uint32_t next = 1;
    for (auto& school : scenario.schools) {
      test::replace_everywhere(school, "15/01/2026", "29/01/2026");
      auto current = test::current_pupil_ids(school.eleves());
      std::shuffle(current.begin(), current.end(), rng);
      const std::size_t leaving = 1 + rng() % 3, arriving = 1 + rng() % 3;
      for (std::size_t i = 0; i < leaving; ++i)
        test::make_leave(school.eleves(), current[i], "20/01/2026");
      for (std::size_t i = 0; i < arriving; ++i) {
        test::add_arrival(school, current[leaving + i], std::to_string(990000000 + next),
                          std::to_string(990000 + next));
        ++next;
        ++arrivals_;
      }
      std::size_t given = 0;
      test::edit_pupils(school.eleves(), [&](const std::string&, std::string& block) {
        if (given < 2 && !test::has_ine(block) && rng() % 2 == 0) {
          block.insert(block.find('>') + 1,
                       "\n<ID_NATIONAL>" + std::to_string(700000000 + next++) + "QZ</ID_NATIONAL>");
          ++given;
        }
      });
    }
  }

  run::RunOutcome run(const Scenario& scenario, const std::string& today, bool recompute) {
    test::drop_schools(dir_.path() / "inbox", scenario.schools);
    std::string uais;
    for (const auto& school : scenario.schools) uais += (uais.empty() ? "" : ", ") + school.uai;
    const std::string yaml = "school: {uai: [" + uais +
                             "], name: Test}\nstate_dir: " + (dir_.path() / "state").string() +
                             "\ninbox: " + (dir_.path() / "inbox").string() +
                             "\nsafety: {max_departure_ratio: 0.9, grace_days: 30}\n"
                             "connectors:\n  - {name: audit, type: journal, path: " +
                             (dir_.path() / "journal.jsonl").string() + "}\n";
    run::RunOptions options;
    options.today = today;
    options.recompute = recompute;
    return test::run_config(yaml, options);
  }

  std::map<std::string, state::Identity> identities() {
    state::StateStore store((dir_.path() / "state").string());
    std::map<std::string, state::Identity> by_key;
    for (auto& identity : store.load_identities()) by_key[identity.key] = identity;
    return by_key;
  }

  static std::string dump(const std::map<std::string, state::Identity>& identities) {
    std::string text;
    for (const auto& [key, i] : identities) {
      text += key + " " + i.login + " " + std::to_string(i.uid_number) + " " + i.created + " " +
              i.departed + " " + i.removed + " " + i.aliases + "\n";
    }
    return text;
  }

  // A run on the inputs already applied, recomputed: nothing to do, nothing stored differently.
  void expect_recompute_plans_nothing(const Scenario& scenario, const std::string& today) {
    const auto before = identities();
    const auto again = run(scenario, today, true);
    ASSERT_EQ(again.status, run::Status::done) << again.report.error;
    EXPECT_TRUE(again.report.plan.empty()) << again.report.plan.items.size() << " changes planned";
    EXPECT_EQ(dump(identities()), dump(before));
  }

  // Every current pupil has an identity of their own: as many pupil identities present (not
  // departed) as pupils in the directory, and no login twice.
  void expect_one_identity_per_pupil(const run::RunOutcome& outcome) {
    std::size_t present = 0;
    std::set<std::string> logins;
    for (const auto& [key, identity] : identities()) {
      if (identity.kind == state::PersonKind::pupil && identity.departed.empty()) ++present;
      if (!identity.login.empty()) {
        EXPECT_TRUE(logins.insert(identity.login).second) << identity.login;
      }
    }
    EXPECT_EQ(present, outcome.report.totals["pupils"].get<std::size_t>());
  }

  std::size_t count_pupils(const std::function<bool(const state::Identity&)>& which) {
    std::size_t n = 0;
    for (const auto& [key, identity] : identities()) {
      if (identity.kind == state::PersonKind::pupil && which(identity)) ++n;
    }
    return n;
  }

  test::TempDir dir_;
  std::size_t arrivals_ = 0;
};

TEST_P(KeyStability, RecomputedRunPlansNothingAndKeysSurviveAChurn) {
  std::mt19937_64 rng(GetParam());
  auto scenario = make_scenario(rng);
  SCOPED_TRACE(scenario.description);
  RecordProperty("scenario", scenario.description);

  const auto first = run(scenario, "2026-01-16", false);
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  expect_one_identity_per_pupil(first);
  expect_recompute_plans_nothing(scenario, "2026-01-16");
  const auto after_first = identities();

  churn(scenario, rng);
  const auto second = run(scenario, "2026-01-30", false);
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  expect_one_identity_per_pupil(second);
  // Exactly the arrivals are new and exactly the leavers departed: a pupil given an INE since
  // keeps the identity of their first key (a re-key would show as one more of each).
  const auto present_before = first.report.totals["pupils"].get<std::size_t>();
  const auto present_after = second.report.totals["pupils"].get<std::size_t>();
  EXPECT_EQ(count_pupils([](const auto& i) { return i.created == "2026-01-30"; }), arrivals_);
  EXPECT_EQ(count_pupils([](const auto& i) { return i.departed == "2026-01-30"; }),
            present_before + arrivals_ - present_after);
  const auto after_second = identities();
  for (const auto& [key, identity] : after_first) {  // nobody re-keyed, no login or uid changed
    const auto found = after_second.find(key);
    ASSERT_NE(found, after_second.end()) << key;
    EXPECT_EQ(found->second.login, identity.login) << key;
    EXPECT_EQ(found->second.uid_number, identity.uid_number) << key;
  }
  expect_recompute_plans_nothing(scenario, "2026-01-30");
}

INSTANTIATE_TEST_SUITE_P(FixedSeeds, KeyStability, ::testing::Values(3, 17, 42, 2026));

}  // namespace
}  // namespace edusync
