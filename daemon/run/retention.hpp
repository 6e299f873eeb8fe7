#pragma once
// Retention of the report directories (state_dir/reports/<run>/): a school's disk stays small
// for years although every run, a nightly one that changed nothing included, writes one.
// A directory is removed when all of these hold:
//   - it is not among the report.keep_runs most recent runs, nor started fewer than
//     report.keep_days days before `today` (0: age keeps nothing);
//   - no file of its run still holds initial passwords (account sheets, state/password_files):
//     the sheets of new accounts stay until identity.password_retention_days erases them;
//   - it is not the report of the run in force (the first run of the latest applied snapshot,
//     which the reports of the unchanged runs after it point to);
//   - it is not the newest held run, when no run was applied after it (awaiting confirmation).
// Run records stay in the state (small); `edusync report` says when a run's report was removed.
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "state/database.hpp"

namespace edusync::run {

struct RetentionResult {
  std::vector<std::string> removed;   // run ids whose directory was removed
  std::vector<std::string> failures;  // "<dir> : <reason>", left for the next run
};

// Removes the report directories that the policy no longer keeps, only under `reports_root`
// (a report_dir elsewhere is never touched). `today` is ISO; `current_run` is always kept.
RetentionResult prune_reports(state::Database& db, const std::filesystem::path& reports_root,
                              const config::Report& policy, const std::string& today,
                              const std::string& current_run);

}  // namespace edusync::run
