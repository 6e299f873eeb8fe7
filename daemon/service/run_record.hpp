#pragma once
// What the service remembers of a run, for `ctl status` and `ctl runs`: the run's record in the
// state plus what only the service knows (what triggered it), and the connectors' outcomes.
// Plain values, copied from the worker thread to the event loop.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "run/runner.hpp"
#include "service/run_queue.hpp"

namespace edusync::service {

struct ConnectorStatus {
  std::string name, type;
  std::string status;  // ok, failed, skipped (report/run_report.hpp)
  std::string error;
  std::string run;  // the run that said so
};

struct FinishedRun {
  std::string id;
  std::string trigger;  // schedule, inbox, resync, confirm; empty: not run by this service
  std::string status;   // ok, held, failed, partial, refused
  std::string started, finished;
  std::string report_dir;
  std::string error;
  std::map<std::string, std::map<std::string, std::uint64_t>> changes;  // plan::count_changes
  std::vector<std::string> gates;                                       // held: the gates' messages
  std::vector<ConnectorStatus> connectors;
};

// The `count` latest runs recorded in the state of state_dir, newest first (none when there is
// no state yet); only what the state knows (no trigger, no changes).
std::vector<FinishedRun> read_history(const std::filesystem::path& state_dir, std::size_t count);

// The record of a run the runner returned.
FinishedRun finished_run(const run::RunOutcome& outcome, const Trigger& trigger);

}  // namespace edusync::service
