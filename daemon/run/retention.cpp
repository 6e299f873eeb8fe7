#include "run/retention.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "common/dates.hpp"
#include "state/password_files.hpp"

namespace edusync::run {
namespace {

namespace fs = std::filesystem;

struct ReportedRun {
  std::string id, started, status, report_dir;
  std::int64_t snapshot_id = 0;  // 0: none
};

// Newest first (runs within one second: in the order they were recorded).
std::vector<ReportedRun> reported_runs(state::Database& db) {
  std::vector<ReportedRun> runs;
  auto query = db.prepare(
      "SELECT id, started, status, report_dir, coalesce(snapshot_id, 0) FROM runs "
      "WHERE report_dir IS NOT NULL AND report_dir != '' ORDER BY started DESC, rowid DESC");
  while (query.step())
    runs.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.integer(4)});
  return runs;
}

bool applied(const ReportedRun& run) {
  return (run.status == "ok" || run.status == "partial") && run.snapshot_id != 0;
}

// The runs kept whatever their age: the run in force (the oldest run of the newest applied
// snapshot) and the newest held run after it (awaiting its confirmation).
std::set<std::string> runs_in_force(const std::vector<ReportedRun>& runs) {
  std::set<std::string> kept;
  std::int64_t newest = 0;
  for (const auto& run : runs) {
    if (applied(run) && run.snapshot_id > newest) newest = run.snapshot_id;
  }
  const ReportedRun* in_force = nullptr;
  for (const auto& run : runs) {  // newest first: the last match is the oldest
    if (applied(run) && run.snapshot_id == newest) in_force = &run;
  }
  for (const auto& run : runs) {  // the newest held run, if none was applied since
    if (in_force != nullptr && &run == in_force) break;
    if (run.status == "held") {
      kept.insert(run.id);
      break;
    }
  }
  if (in_force != nullptr) kept.insert(in_force->id);
  return kept;
}

// `dir` names a directory strictly inside `root` (both made absolute and normal; "root/",
// "root/." and "root/x/.." are root itself, not inside it).
bool inside(const fs::path& dir, const fs::path& root) {
  auto a = fs::absolute(dir).lexically_normal();
  auto b = fs::absolute(root).lexically_normal();
  if (!a.has_filename()) a = a.parent_path();
  if (!b.has_filename()) b = b.parent_path();
  const auto mismatch = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return mismatch.first == b.end() && mismatch.second != a.end();
}

}  // namespace

RetentionResult prune_reports(state::Database& db, const fs::path& reports_root,
                              const config::Report& policy, const std::string& today,
                              const std::string& current_run) {
  RetentionResult result;
  const auto runs = reported_runs(db);
  const auto sheets = state::runs_holding_passwords(db);
  const auto in_force = runs_in_force(runs);
  auto young = [&](const ReportedRun& run) {
    return policy.keep_days > 0 && run.started.size() >= 10 &&
           days_between(run.started.substr(0, 10), today) < policy.keep_days;
  };
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& run = runs[i];
    const bool kept = i < static_cast<std::size_t>(policy.keep_runs) || run.id == current_run ||
                      young(run) || sheets.contains(run.id) || in_force.contains(run.id);
    if (kept || !inside(run.report_dir, reports_root)) continue;
    std::error_code error;
    if (!fs::exists(run.report_dir, error)) continue;  // removed earlier
    fs::remove_all(run.report_dir, error);
    if (error)
      result.failures.push_back(run.report_dir + " : " + error.message());
    else
      result.removed.push_back(run.id);
  }
  return result;
}

}  // namespace edusync::run
