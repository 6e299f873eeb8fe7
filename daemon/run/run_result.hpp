#pragma once
// What one synchronisation run did, as the runner gathers it while it goes. The state's run
// record is written from it, and the report (report/run_report.hpp) is built from it once, at
// the end (run/make_report.hpp): the report is never the runner's working state.
#include <cstdint>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/warning.hpp"
#include "plan/plan.hpp"
#include "report/run_report.hpp"  // ConnectorOutcome, Leaver, PersonChange...: plain values
#include "run/gates.hpp"
#include "run/inbox.hpp"
#include "sources/exports.hpp"
#include "state/run_details.hpp"

namespace edusync::run {

// How a run ended. The command maps it to an exit code (cli/exit_codes.hpp).
enum class Status : std::uint8_t {
  done,     // applied, or nothing to apply; warnings (repaired drift...) do not change it
  failed,   // an input or runtime error, or the report or run record could not be written
  held,     // held by a safety gate: nothing applied
  partial,  // a connector failed, the others applied
  refused,  // another run holds the state (run/run_lock.hpp): nothing done, nothing recorded
};

// The status word of the report and of the run record: ok, failed, held, partial (a refused
// run is reported "failed"; it has no record).
const char* status_word(Status status);
std::ostream& operator<<(std::ostream& out, Status status);

struct RunResult {
  std::string id;
  std::string started, finished;  // ISO 8601 UTC
  bool dry_run = false;
  Status status = Status::failed;
  bool confirmed = false;  // held earlier, applied by --confirm
  std::string school_year;
  std::vector<std::string> uais;
  std::string error;  // failed, refused: what stopped the run
  // The inputs were those of this applied run and nothing was due (run/unchanged.hpp).
  std::string unchanged_since;
  std::string unchanged_report;                // that run's report directory
  std::vector<sources::ParsedExport> sources;  // data already moved out
  // The schools parsed by this run, and those whose stored part was reused (run/school_parts).
  std::vector<std::string> schools_reread, schools_reused;
  std::vector<IgnoredFile> ignored_inputs;
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  plan::Plan plan;                                   // from the last applied state to the new one
  std::vector<report::PersonChange> person_changes;  // the plan's persons, named
  std::vector<model::Warning> warnings;
  std::vector<Gate> gates;
  std::vector<report::ConnectorOutcome> connectors;
  std::vector<report::ConnectorPreview> previews;  // dry run, held run
  std::vector<state::CreatedAccount> new_accounts;
  std::vector<report::Leaver> leavers;
  report::PasswordExpiry expired_passwords;
};

}  // namespace edusync::run
