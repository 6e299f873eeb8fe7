#pragma once
// The end of an initial password's life. After identity.password_retention_days the password
// is erased from the state store AND from every file edusync wrote it to: the password column
// of target files (KOXO's MotDePasse, Moodle's password) is emptied in place (the file stays:
// an importer may still read the latest full file, and an empty KOXO password keeps the one
// KOXO holds), and the run's account sheets are written again with "(expiré)". Only the files
// recorded as due are touched (state/password_files.hpp). A file that has gone (rotation, an
// operator) is simply forgotten; one that cannot be rewritten stays recorded, is retried on
// the next run, and is named in the report.
#include <string>

#include "config/config.hpp"
#include "report/account_sheets.hpp"
#include "report/run_report.hpp"
#include "state/password_files.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

// `sheets`: the school and login addresses the account sheets written again are headed with
// (sheet_heading); each gets its own run, date and no expiry.
report::PasswordExpiry expire_initial_passwords(state::StateStore& store, const std::string& today,
                                                const report::SheetHeading& sheets = {});

// The heading of the account sheets of run `run_id` (its date is read from the id): the school,
// its UAIs and the login_address of each target that has one, from `config`; the report
// language; `expires`, the day the run's initial passwords are erased (empty: unknown).
report::SheetHeading sheet_heading(const config::Config& config, const std::string& run_id,
                                   const std::string& expires);

// `csv` (a UTF-8 BOM kept) with every cell of the column headed `column` emptied, the header
// and every other byte unchanged. Throws std::runtime_error when no such column exists.
std::string without_column(const std::string& csv, char separator, const std::string& column);

// The account sheets a run may write (`edusync accounts`), to record with its passwords.
std::vector<state::PasswordFileRecord> account_sheet_files(const std::string& report_dir,
                                                           const std::string& run_id,
                                                           const std::string& expires);

}  // namespace edusync::run
