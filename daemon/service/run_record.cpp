#include "service/run_record.hpp"

#include "plan/plan.hpp"

namespace edusync::service {

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
  for (const auto& gate : report.gates) run.gates.push_back(gate.message);
  for (const auto& connector : report.connectors) {
    run.connectors.push_back(
        {connector.name, connector.type, connector.status, connector.error, report.id});
  }
  return run;
}

}  // namespace edusync::service
