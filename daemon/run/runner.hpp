#pragma once
// `edusync run`: one synchronisation from the configured inbox.
//   inbox -> parse -> model -> identities/desired state -> plan -> gates
//   -> [store: identities, passwords, snapshot, run]  -> per connector: diff from its last
//   acknowledged snapshot, apply, acknowledge -> reports.
// Crash safety: the desired state (with every login allocated) is committed before any
// connector is touched, and a connector is acknowledged only after applying everything; a
// process killed anywhere leaves a store from which the next run computes the same logins and
// the remaining changes, never duplicates.
// When the inbox holds exactly the inputs of the last applied run and nothing is due, the run
// stops after hashing them (run/unchanged.hpp) -- except for the connectors that reconcile
// (connectors/connector.hpp; the SambaEdu directory): they are still called, with the snapshot
// in force and an empty plan, so that hand-made drift on the server is repaired every night,
// not only by the next run whose exports differ (run/apply.hpp). Such a run reports each repair
// as an LDAP_DRIFT warning under the connector, `applied` counting the writes (0 when nothing
// drifted); it is done (warnings do not change the status), or partial if the connector failed.
// A dry run never calls a connector, so it repairs nothing.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

#include "config/config.hpp"
#include "report/run_report.hpp"
#include "run/inbox.hpp"
#include "run/run_result.hpp"
#include "run/targets.hpp"

namespace edusync::run {

// Where a run is: its stage (inbox: settling and reading the headers; reading: parsing the
// exports; planning: identities, diff and gates; applying: the connectors) and, while applying,
// how many connectors are done out of how many, the one being applied and, when it counts its
// own work (SambaEdu: LDAP writes answered), how far it is.
struct Progress {
  std::string run_id;
  std::string stage;
  std::size_t done = 0;
  std::size_t total = 0;
  std::string connector;
  std::size_t items_done = 0;
  std::size_t items_total = 0;  // 0: the connector does not tell
};

struct StageDone {
  std::string stage;   // as in Progress
  std::string detail;  // "151 élèves, 288 responsables, 25 personnels"
  double seconds = 0;
};

struct RunOptions {
  bool dry_run = false;             // compute and print; change nothing anywhere, state included
  bool confirm = false;             // apply a held run if its inputs are unchanged
  std::optional<std::string> only;  // apply this connector only
  bool recompute = false;           // never take the unchanged-inputs short cut (run/unchanged.hpp)
  std::string today;  // ISO date; empty: today (tests set it to play a scenario over weeks)
  std::chrono::milliseconds settle_time{1000};  // inbox: how long a file must stay unchanged
  // The inbox as a watch saw it settle (run::scan_inbox): no second wait when it is unchanged.
  std::shared_ptr<const InboxStamps> settled_inbox;
  // A stop request ends the inbox settle wait (the run then fails, nothing read or applied) and
  // the connectors' waits (connectors/connector.hpp, ApplyContext::stop). Default: never stops.
  std::stop_token stop{};
  // The connectors to go through, made by the caller from config.connectors (run/targets.hpp): a
  // service keeps them between runs, a test brings a registry of its own. Null: the run makes
  // its own from the built-in types, and drops them at its end.
  Targets* targets = nullptr;
  // The service's own run: the service holds the state (run/run_lock.hpp, ServiceLock), so the
  // run does not refuse itself. Otherwise a run that writes refuses while a service is up.
  bool from_service = false;
  // Told each stage as the run reaches it, on the run's thread (a service shows it in its
  // status); never called for a refused run. Default: nobody listens.
  std::function<void(const Progress&)> progress{};
  // Told at the end of each stage (inbox, reading, planning, applying, reporting): what it found
  // or did, in the report's language, and how long it took. `edusync run` prints it on a
  // terminal. Default: nobody listens.
  std::function<void(const StageDone&)> stage_done{};
};

struct RunOutcome {
  // done, failed, held, partial; refused: another run holds the state (run/run_lock.hpp),
  // nothing was done and report.error says why. The command maps it to an exit code.
  Status status = Status::failed;
  report::RunReport report;  // built from the run's result (run/make_report.hpp)
  std::string report_dir;    // empty for a dry run
};

RunOutcome run_sync(const config::Config& config, const RunOptions& options);

}  // namespace edusync::run
