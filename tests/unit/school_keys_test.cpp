// Local keys carry the school (ELEVE_ID and PERSONNE_ID are numbered by each school's SIECLE
// base), and a state store written with the previous, school-less keys is upgraded once
// without changing any login, uid number or initial password. Real runs on generated schools
// (tools/generator), real SQLite.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "common/sha256.hpp"
#include "run/accounts.hpp"
#include "run/runner.hpp"
#include "state/key_migration.hpp"
#include "state/snapshot_codec.hpp"
#include "state/state_store.hpp"
#include "support/generated_schools.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

// The key format of the previous version: "eleve:<UAI>:<ID>" -> "eleve:<ID>", same for
// "personne:"; other keys as they are.
std::string school_less(const std::string& key) {
  for (const std::string prefix : {"eleve:", "personne:"}) {
    if (!key.starts_with(prefix)) continue;
    const auto colon = key.find(':', prefix.size());
    return colon == std::string::npos ? key : prefix + key.substr(colon + 1);
  }
  return key;
}

// Rewrites a store made by this version as the previous version wrote it: identities,
// initial passwords and snapshots under school-less keys (aliases kept: the previous version
// already wrote "eleve:<UAI>:<ELEVE_ID>" there), schema version 0.
void write_as_previous_version(const std::string& state_dir) {
  state::StateStore store(state_dir);
  auto& db = store.database();
  state::Transaction transaction(db);
  for (const char* table : {"identities", "initial_passwords"}) {
    std::vector<std::string> keys;
    auto rows = db.prepare(std::string("SELECT key FROM ") + table);
    while (rows.step()) keys.push_back(rows.text(0));
    auto update = db.prepare(std::string("UPDATE ") + table + " SET key = ?1 WHERE key = ?2");
    for (const auto& key : keys) update.bind(1, school_less(key)).bind(2, key).run();
  }
  std::vector<std::pair<std::int64_t, std::string>> snapshots;
  auto rows = db.prepare("SELECT id, data FROM snapshots");
  while (rows.step()) snapshots.emplace_back(rows.integer(0), rows.text(1));
  for (auto& [id, blob] : snapshots) {
    auto d = state::decode_snapshot(blob);
    for (auto& p : d.pupils) p.key = school_less(p.key);
    for (auto& m : d.memberships) m.pupil_key = school_less(m.pupil_key);
    for (auto* contacts : {&d.guardians, &d.other_contacts}) {
      for (auto& c : *contacts) {
        c.key = school_less(c.key);
        for (auto& link : c.pupils) link.pupil_key = school_less(link.pupil_key);
      }
    }
    const auto encoded = state::encode_snapshot(d);
    db.prepare("UPDATE snapshots SET data = ?1, sha256 = ?2 WHERE id = ?3")
        .bind_blob(1, encoded)
        .bind(2, sha256_hex(encoded))
        .bind(3, id)
        .run();
  }
  db.exec("PRAGMA user_version = 0");
  transaction.commit();
}

class SchoolKeys : public ::testing::Test {
 protected:
  // Two schools; with `same_numbering`, their SIECLE bases share every ELEVE_ID and
  // PERSONNE_ID. Pupils keep their INE with probability `with_ine`.
  void make_schools(bool same_numbering, double with_ine) {
    std::mt19937_64 rng(7);
    std::bernoulli_distribution keep(with_ine);
    for (std::uint32_t i = 0; i < 2; ++i) {
      auto school = test::generate_school(dir_.path() / ("gen" + std::to_string(i)),
                                          same_numbering ? 5 : 5 + i, 40, 69500 + 37 * i);
      test::edit_pupils(school.eleves(), [&](const std::string&, std::string& block) {
        if (!keep(rng)) test::erase_ines(block);
      });
      schools_.push_back(std::move(school));
    }
  }

  run::RunOutcome run(const std::string& today, bool recompute = false, bool dry_run = false) {
    test::drop_schools(dir_.path() / "inbox", schools_);
    const std::string yaml = "school: {uai: [" + schools_[0].uai + ", " + schools_[1].uai +
                             "], name: Cité scolaire}\nstate_dir: " + state_dir() +
                             "\ninbox: " + (dir_.path() / "inbox").string() +
                             "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n"
                             "  - {name: audit, type: journal, path: " +
                             (dir_.path() / "journal.jsonl").string() + "}\n";
    run::RunOptions options;
    options.today = today;
    options.recompute = recompute;
    options.dry_run = dry_run;
    return test::run_config(yaml, options);
  }

  std::string state_dir() const { return (dir_.path() / "state").string(); }

  std::map<std::string, state::Identity> identities() {
    state::StateStore store(state_dir());
    std::map<std::string, state::Identity> by_key;
    for (auto& identity : store.load_identities()) by_key[identity.key] = identity;
    return by_key;
  }

  std::map<std::string, std::string> passwords() {
    state::StateStore store(state_dir());
    std::map<std::string, std::string> by_key;
    auto rows = store.database().prepare("SELECT key, password FROM initial_passwords");
    while (rows.step()) by_key[rows.text(0)] = rows.text(1);
    return by_key;
  }

  std::size_t count(state::PersonKind kind) {
    std::size_t n = 0;
    for (const auto& [key, identity] : identities()) n += identity.kind == kind ? 1 : 0;
    return n;
  }

  int schema_version() {
    state::Database db((fs::path(state_dir()) / "edusync.db").string(),
                       state::Database::Mode::read_only);
    return state::schema_version(db);
  }

  test::TempDir dir_;
  std::vector<test::GeneratedSchool> schools_;
};

TEST_F(SchoolKeys, TwoSchoolsNumberingAlikeKeepSeparateIdentitiesAndARecomputedRunPlansNothing) {
  make_schools(true, 0.0);  // no INE at all: new arrivals, every one of them
  const auto first = run("2026-01-16");
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  const auto pupils = first.report.totals["pupils"].get<std::size_t>();
  const auto guardians = first.report.totals["guardians"].get<std::size_t>();
  EXPECT_EQ(count(state::PersonKind::pupil), pupils);
  EXPECT_EQ(count(state::PersonKind::guardian), guardians);
  std::set<std::string> logins;
  for (const auto& [key, identity] : identities()) {
    if (!identity.login.empty()) {
      EXPECT_TRUE(logins.insert(identity.login).second) << identity.login;
    }
  }
  // Every link stays within the school of the guardian.
  state::StateStore store(state_dir());
  const auto snapshot = store.load_snapshot(*store.latest_snapshot_id());
  std::map<std::string, std::string> school_of;
  for (const auto& p : snapshot.pupils) school_of[p.key] = p.uai;
  ASSERT_FALSE(snapshot.guardians.empty());
  for (const auto& guardian : snapshot.guardians) {
    const auto uai = guardian.key.substr(9, 8);  // personne:<UAI>:<PERSONNE_ID>
    for (const auto& link : guardian.pupils)
      EXPECT_EQ(school_of.at(link.pupil_key), uai) << guardian.key;
  }

  // The two bases hold the same names and mobiles: SIECLE's « doublons responsables » are
  // looked for within each school only (two bases cannot merge their records).
  std::size_t duplicates = 0;
  for (const auto& warning : first.report.warnings) {
    if (warning.code != "DUPLICATE_GUARDIAN") continue;
    ++duplicates;
    ASSERT_EQ(warning.keys.size(), 2u);
    EXPECT_EQ(warning.keys[0].substr(0, 18), warning.keys[1].substr(0, 18))
        << text::french(warning.message);
  }
  EXPECT_LT(duplicates, guardians / 4);

  const auto again = run("2026-01-16", true);
  ASSERT_EQ(again.status, run::Status::done) << again.report.error;
  EXPECT_TRUE(again.report.plan.empty()) << again.report.plan.items.size() << " changes planned";
}

TEST_F(SchoolKeys, StoreOfThePreviousVersionIsUpgradedOnceWithoutChangingLoginsUidsOrPasswords) {
  make_schools(false, 0.5);
  const auto first = run("2026-01-16");
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  const auto before = identities();
  const auto passwords_before = passwords();
  std::set<std::string> old_keys;
  for (const auto& [key, identity] : before) {
    EXPECT_TRUE(old_keys.insert(school_less(key)).second)
        << "the test needs numbers apart: " << key;
  }
  ASSERT_GT(std::count_if(before.begin(), before.end(),
                          [](const auto& i) { return i.first.starts_with("eleve:"); }),
            0);
  write_as_previous_version(state_dir());
  ASSERT_EQ(schema_version(), 0);

  const auto again = run("2026-01-16", true);  // opens the store, which upgrades it
  ASSERT_EQ(again.status, run::Status::done) << again.report.error;
  EXPECT_EQ(schema_version(), state::kSchemaVersion);
  EXPECT_TRUE(again.report.plan.empty()) << again.report.plan.items.size() << " changes planned";
  EXPECT_TRUE(again.report.new_accounts.empty());
  const auto after = identities();
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [key, identity] : before) {
    const auto found = after.find(key);
    ASSERT_NE(found, after.end()) << key;
    EXPECT_EQ(found->second.login, identity.login) << key;
    EXPECT_EQ(found->second.uid_number, identity.uid_number) << key;
    EXPECT_EQ(found->second.created, identity.created) << key;
  }
  EXPECT_EQ(passwords(), passwords_before);
}

TEST_F(SchoolKeys, DryRunOnAStoreOfThePreviousVersionPlansNothingAndWritesNothing) {
  make_schools(false, 0.5);
  ASSERT_EQ(run("2026-01-16").status, run::Status::done);
  write_as_previous_version(state_dir());
  const auto db = (fs::path(state_dir()) / "edusync.db").string();
  const auto bytes = test::read_file(db);
  const auto dry = run("2026-01-16", true, true);
  ASSERT_EQ(dry.status, run::Status::done) << dry.report.error;
  EXPECT_TRUE(dry.report.plan.empty()) << dry.report.plan.items.size() << " changes planned";
  EXPECT_EQ(test::read_file(db), bytes);
  EXPECT_EQ(schema_version(), 0);
}

// A version-0 store of two schools numbering alike holds one identity for two children (the
// defect being fixed): the upgrade gives it to the pupil its alias names, the other child gets
// an account of their own, and the guardians become one identity per school.
TEST_F(SchoolKeys, MergedIdentityOfThePreviousVersionGoesToThePupilItsAliasNames) {
  {
    state::StateStore store(state_dir());
    model::Directory d;
    d.school_year = "2025";
    d.schools = {{"0069500U"}, {"0069537J"}};
    for (const char* uai : {"0069500U", "0069537J"}) {
      model::Pupil p;
      p.key = "eleve:12";
      p.uai = uai;
      p.eleve_id = "12";
      p.surname = std::string("NOM") + uai;
      p.given_name = "Léa";
      d.pupils.push_back(p);
      d.memberships.push_back(
          {"eleve:12", uai, model::StructureKind::division, "6A", model::Origin::siecle});
      model::Contact c;
      c.key = "personne:34";
      c.personne_id = "34";
      c.pupils.push_back({"eleve:12", model::Responsibility::legal, "10", false});
      d.guardians.push_back(c);
    }
    state::Transaction transaction(store.database());
    store.save_identities(
        {{"eleve:12", state::PersonKind::pupil, "noml", 1001, "2025-09-01", "", "",
          "eleve:0069537J:12"},
         {"personne:34", state::PersonKind::guardian, "", 0, "2025-09-01", "", "", ""}});
    store.save_passwords({{"eleve:12", "s3cr3t!x"}}, "2025-09-01", "2026-09-01");
    const auto id = store.store_snapshot(d, "2025-09-01");
    store.acknowledge("audit", id, "2025-09-01");
    store.database().exec("PRAGMA user_version = 0");
    transaction.commit();
  }
  state::StateStore store(state_dir());  // upgrades
  const auto all = store.load_identities();
  std::map<std::string, state::Identity> by_key;
  for (const auto& identity : all) by_key[identity.key] = identity;
  ASSERT_TRUE(by_key.contains("eleve:0069537J:12"));
  EXPECT_EQ(by_key.at("eleve:0069537J:12").login, "noml");
  EXPECT_EQ(by_key.at("eleve:0069537J:12").uid_number, 1001u);
  EXPECT_FALSE(by_key.contains("eleve:12"));
  EXPECT_TRUE(by_key.contains("personne:0069500U:34"));
  EXPECT_TRUE(by_key.contains("personne:0069537J:34"));
  EXPECT_EQ(store.passwords({"eleve:0069537J:12"}, "2026-01-01").size(), 1u);
  const auto snapshot = store.load_snapshot(*store.acknowledged("audit"));
  std::set<std::string> keys, links;
  for (const auto& p : snapshot.pupils) keys.insert(p.key);
  for (const auto& c : snapshot.guardians) {
    for (const auto& link : c.pupils) links.insert(c.key + ">" + link.pupil_key);
  }
  EXPECT_EQ(keys, (std::set<std::string>{"eleve:0069500U:12", "eleve:0069537J:12"}));
  EXPECT_EQ(links, (std::set<std::string>{"personne:0069500U:34>eleve:0069500U:12",
                                          "personne:0069537J:34>eleve:0069537J:12"}));
}

// Version 0 gave a uid number to a person who could get no login: the upgrade gives it back.
TEST_F(SchoolKeys, UpgradeFreesTheUidNumberOfAPersonWithoutLogin) {
  {
    state::StateStore store(state_dir());
    model::Directory d;
    d.school_year = "2025";
    d.schools = {{"0140065T"}};
    model::Pupil p;
    p.key = "eleve:7";
    p.uai = "0140065T";
    p.eleve_id = "7";
    p.surname = "---";
    p.account = {"", 1001};
    d.pupils.push_back(p);
    state::Transaction transaction(store.database());
    store.save_identities({{"eleve:7", state::PersonKind::pupil, "", 1001, "2025-09-01", "", "",
                            "eleve:0140065T:7"}});
    store.store_snapshot(d, "2025-09-01");
    store.save_run({"r1", "2025-09-01", "2025-09-01", "ok", false, "", "", 1});
    store.database().exec("PRAGMA user_version = 0");
    transaction.commit();
  }
  state::StateStore store(state_dir());
  const auto identities = store.load_identities();
  ASSERT_EQ(identities.size(), 1u);
  EXPECT_EQ(identities[0].key, "eleve:0140065T:7");
  EXPECT_EQ(identities[0].uid_number, 0u);
  const auto snapshot = store.load_snapshot(*store.latest_snapshot_id());
  ASSERT_EQ(snapshot.pupils.size(), 1u);
  EXPECT_EQ(snapshot.pupils[0].key, "eleve:0140065T:7");
  EXPECT_EQ(snapshot.pupils[0].account.uid_number, 0u);
}

// A person who can get no login (nothing usable in the name) gets no uid number either: the
// next person gets the first free one.
TEST(SchoolKeysAccounts, PersonWithoutLoginUsesUpNoUidNumber) {
  model::Directory d;
  d.school_year = "2025";
  for (const auto& [id, surname] :
       std::vector<std::pair<std::string, std::string>>{{"1", "---"}, {"2", "DUPONT"}}) {
    model::Pupil p;
    p.key = "eleve:0140065T:" + id;
    p.uai = "0140065T";
    p.eleve_id = id;
    p.surname = surname;
    p.given_name = "Jean";
    d.pupils.push_back(p);
  }
  const auto outcome = run::build_desired_state(d, nullptr, {}, {}, "2025-11-20");
  ASSERT_EQ(outcome.desired.pupils.size(), 2u);
  EXPECT_EQ(outcome.desired.pupils[0].account.login, "");
  EXPECT_EQ(outcome.desired.pupils[0].account.uid_number, 0u);
  EXPECT_EQ(outcome.desired.pupils[1].account.login, "dupontj");
  EXPECT_EQ(outcome.desired.pupils[1].account.uid_number, 1001u);
  for (const auto& identity : outcome.changed) {
    if (identity.key == "eleve:0140065T:1") {
      EXPECT_EQ(identity.uid_number, 0u);
    }
  }
}

}  // namespace
}  // namespace edusync
