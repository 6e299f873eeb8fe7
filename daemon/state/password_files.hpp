#pragma once
// Where initial passwords were written in clear outside the state store: target files (KOXO's
// MotDePasse, Moodle's password) and the account sheets of a run. Each file is recorded with
// the date its passwords expire (the earliest expiry of the passwords it holds), so that the
// erasure after identity.password_retention_days reaches the files too and costs one indexed
// query plus the files actually due (table password_files, created on first use).
#include <set>
#include <string>
#include <vector>

#include "state/database.hpp"

namespace edusync::state {

struct PasswordFileRecord {
  std::string path;
  std::string run_id;
  std::string expires;  // ISO date: the passwords in it are erased once today is past it
  // How to erase them: "csv" (empty the column `column` of a CSV with `separator`) or
  // "account-sheet-html" (render the run's sheet again, without passwords).
  std::string format = "csv";
  char separator = ';';
  std::string column;
};

// Records (or re-records: the path is the key) the files.
void record_password_files(Database& db, const std::vector<PasswordFileRecord>& files);
// The files whose passwords expired before `today`, oldest first.
std::vector<PasswordFileRecord> password_files_due(Database& db, const std::string& today);
void forget_password_file(Database& db, const std::string& path);
// The runs that wrote a file still holding initial passwords (their account sheets included).
std::set<std::string> runs_holding_passwords(Database& db);
// The earliest expiry date among the stored passwords of `keys`; empty when none is stored.
std::string earliest_password_expiry(Database& db, const std::vector<std::string>& keys);

}  // namespace edusync::state
