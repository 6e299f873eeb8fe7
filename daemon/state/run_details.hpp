#pragma once
// What the state keeps of each run besides its record (table runs, state_store.hpp), as rows of
// their own since schema version 2 (state/key_migration.hpp):
//   run_inputs    the exports a run read: path, kind, UAI, school year, export date, version,
//                 records, bytes and sha256; what the unchanged-inputs short cut compares the
//                 inbox with (run/unchanged.hpp)
//   run_accounts  the accounts a run created: key, kind, login, names, division; what the
//                 account sheets list (`edusync accounts`), with the passwords of
//                 initial_passwords
// Rows keep the order the run gave them (column position). Neither table holds a password.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "state/database.hpp"

namespace edusync::state {

struct RunInput {
  std::string path;  // as the run read it: "x.zip:member.xml" for a zip member
  std::string kind;  // the report's name of the kind: "siecle-eleves", "sts-emp"...
  std::string uai;
  std::string school_year;
  std::string export_date;  // ISO; empty when the file carries none (STS-web)
  std::string version;      // the root's VERSION attribute; empty when absent
  std::uint64_t records = 0;
  std::uint64_t bytes = 0;  // XML bytes read (after decompression)
  std::string sha256;       // of those bytes, hex
};

struct CreatedAccount {
  std::string key;
  std::string kind;  // pupil, staff
  std::string login;
  std::string surname, given_name;
  std::string division;  // pupils; empty for staff
};

// Creates both tables when missing (a new store, and the upgrade to version 2).
void create_run_detail_tables(Database& db);

// Replace what was recorded for `run_id` (a run record is saved more than once).
void save_run_inputs(Database& db, const std::string& run_id, const std::vector<RunInput>& inputs);
void save_created_accounts(Database& db, const std::string& run_id,
                           const std::vector<CreatedAccount>& accounts);

// In the order saved; empty for an unknown run.
std::vector<RunInput> run_inputs(Database& db, const std::string& run_id);
std::vector<CreatedAccount> created_accounts(Database& db, const std::string& run_id);
// How many accounts `run_id` created.
std::size_t created_account_count(Database& db, const std::string& run_id);
// The latest run (by start) that created accounts; nullopt when none did.
std::optional<std::string> last_run_with_accounts(Database& db);

}  // namespace edusync::state
