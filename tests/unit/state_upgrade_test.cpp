// The state store written by the previous version's binary (tests/data/state-v0, see its
// README): opened by this version, it is upgraded to school-qualified keys, and a recomputed
// run on the same exports plans nothing and keeps every login, uid number and initial password.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "run/runner.hpp"
#include "state/key_migration.hpp"
#include "state/state_store.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

std::string replaced(std::string text,
                     const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [from, to] : edits) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

// The second school of the stored cité scolaire: the hand-made school under other numbers.
std::string second_school(const std::string& text) {
  return replaced(text, {{"0140065T", "0610001A"},
                         {"ELEVE_ID=\"01000", "ELEVE_ID=\"02000"},
                         {"<ELEVE_ID>01000", "<ELEVE_ID>02000"},
                         {"PERSONNE_ID=\"2000", "PERSONNE_ID=\"3000"},
                         {"<PERSONNE_ID>2000", "<PERSONNE_ID>3000"},
                         {"23456789", "34567890"}});
}

// What the previous version stored, read without upgrading: key -> "login uid" and
// key -> initial password.
struct Stored {
  std::map<std::string, std::string> accounts;
  std::map<std::string, std::string> passwords;
};

Stored read_raw(const std::string& db_path) {
  state::Database db(db_path, state::Database::Mode::read_only);
  Stored stored;
  auto identities =
      db.prepare("SELECT key, coalesce(login, ''), coalesce(uid_number, 0) FROM identities");
  while (identities.step()) {
    stored.accounts[identities.text(0)] =
        identities.text(1) + " " + std::to_string(identities.integer(2));
  }
  auto passwords = db.prepare("SELECT key, password FROM initial_passwords");
  while (passwords.step()) stored.passwords[passwords.text(0)] = passwords.text(1);
  return stored;
}

// The key this version gives to a key of the stored cité scolaire.
std::string upgraded(const std::string& key) {
  for (const std::string prefix : {"eleve:", "personne:"}) {
    if (!key.starts_with(prefix)) continue;
    const auto local = key.substr(prefix.size());
    const bool second = local.starts_with(prefix == "eleve:" ? "02" : "3");
    return prefix + (second ? "0610001A:" : "0140065T:") + local;
  }
  return key;
}

TEST(StateUpgrade, StoreWrittenByThePreviousVersionIsUpgradedAndARecomputedRunPlansNothing) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "state");
  const auto db = (dir.path() / "state" / "edusync.db").string();
  fs::copy_file(std::string(EDUSYNC_TEST_DATA) + "/state-v0/edusync.db", db);
  const auto before = read_raw(db);
  ASSERT_TRUE(before.accounts.contains("eleve:0100003"));  // the previous key format
  ASSERT_TRUE(before.accounts.contains("eleve:0200003"));
  ASSERT_TRUE(before.accounts.contains("personne:300001"));

  for (const char* name : {"eleves.xml", "responsables.xml"}) {
    const auto text = test::read_handmade(name);
    dir.write(std::string("inbox/a_") + name, text);
    dir.write(std::string("inbox/b_") + name, second_school(text));
  }
  dir.write("inbox/a_sts.xml", test::read_handmade("sts.xml"));
  const std::string yaml = "school: {uai: [0140065T, 0610001A], name: Test}\nstate_dir: " +
                           (dir.path() / "state").string() +
                           "\ninbox: " + (dir.path() / "inbox").string() +
                           "\nsafety: {max_departure_ratio: 0.5, grace_days: 30}\nconnectors:\n"
                           "  - {name: audit, type: journal, path: " +
                           (dir.path() / "journal.jsonl").string() + "}\n";
  run::RunOptions options;
  options.today = "2025-11-21";
  options.recompute = true;
  const auto outcome = test::run_config(yaml, options);
  ASSERT_EQ(outcome.status, run::Status::done) << outcome.report.error;
  EXPECT_TRUE(outcome.report.plan.empty())
      << outcome.report.plan.items.size() << " changes planned";
  EXPECT_TRUE(outcome.report.new_accounts.empty());

  const auto after = read_raw(db);
  {
    state::Database raw(db, state::Database::Mode::read_only);
    EXPECT_EQ(state::schema_version(raw), state::kSchemaVersion);
  }
  std::map<std::string, std::string> expected_accounts, expected_passwords;
  for (const auto& [key, account] : before.accounts) expected_accounts[upgraded(key)] = account;
  for (const auto& [key, password] : before.passwords) expected_passwords[upgraded(key)] = password;
  EXPECT_EQ(after.accounts, expected_accounts);
  EXPECT_EQ(after.passwords, expected_passwords);
  // The report of the previous version's run names its accounts by the former keys: the
  // account sheets made from it still find their passwords.
  state::StateStore store((dir.path() / "state").string());
  const auto by_former_key = store.passwords({"eleve:0200003", "123456789AB"}, "2025-11-21");
  ASSERT_EQ(by_former_key.size(), 2u);
  EXPECT_EQ(by_former_key.at("eleve:0200003"), before.passwords.at("eleve:0200003"));
}

}  // namespace
}  // namespace edusync
