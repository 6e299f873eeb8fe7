#include "service/run_record.hpp"

#include "plan/plan.hpp"
#include "state/state_store.hpp"

namespace edusync::service {

std::vector<FinishedRun> read_history(const std::filesystem::path& state_dir, std::size_t count) {
  std::vector<FinishedRun> runs;
  if (!std::filesystem::exists(state_dir / "edusync.db")) return runs;
  auto store = state::StateStore::for_reading(state_dir.string());
  for (const auto& record : store.recent_runs(count)) {
    FinishedRun run;
    run.id = record.id;
    run.status = record.status;
    run.started = record.started;
    run.finished = record.finished;
    run.report_dir = record.report_dir;
    runs.push_back(std::move(run));
  }
  return runs;
}

FinishedRun finished_run(const run::RunOutcome& outcome, const Trigger& trigger) {
  const auto& report = outcome.report;
  FinishedRun run;
  run.id = report.id;
  run.trigger = to_string(trigger.kind);
  run.status = outcome.status == run::Status::refused ? "refused" : report.status;
  run.started = report.started;
  run.finished = report.finished;
  run.report_dir = outcome.report_dir;
  run.error = report.error;
  run.changes = plan::count_changes(report.plan);
  for (const auto& gate : report.gates)
    run.gates.push_back(text::render(gate.message, report.language));
  for (const auto& connector : report.connectors) {
    run.connectors.push_back({connector.name, connector.type, connector.status,
                              text::render(connector.error, report.language), report.id});
  }
  return run;
}

}  // namespace edusync::service
