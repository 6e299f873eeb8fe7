#pragma once
// The short cut of the common nightly run: the inbox holds exactly the exports the last applied
// run read. The plan would then be empty, provided that every connector acknowledged that run's
// snapshot and that no departed person reaches the end of the grace period today (the only
// facts of a run that change with the date alone). Then nothing is parsed, diffed or stored:
// the run records itself and points to the run whose figures still hold. The one thing still
// done is calling the connectors that reconcile (the SambaEdu directory) with that run's
// snapshot, so that hand-made drift is repaired every night (Runner::reconcile_unchanged,
// run/apply.hpp); the others are not called.
// Deciding costs reading the inputs once to hash them, and only when their headers (kind, UAI,
// export date) match those the state recorded for the last applied run (run_inputs,
// state/run_details.hpp).
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "run/inbox.hpp"
#include "sources/exports.hpp"
#include "state/run_details.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

// sha256 over the sorted (kind, uai, sha256) of the inputs: equal digests, equal inputs.
std::string inputs_digest(const std::vector<sources::ParsedExport>& sources);

// What the state records of one input (state/run_details.hpp).
state::RunInput recorded_input(const sources::ParsedExport& source);
// What the state records of a run's inputs (state/run_details.hpp), in their order.
std::vector<state::RunInput> recorded_inputs(const std::vector<sources::ParsedExport>& sources);

// Sets the sha256 and byte count of `into[i]` from `documents[i]`, two at a time (the inputs of
// an academy are gigabytes). Rethrows the first error.
void hash_documents(const std::vector<input::DocumentRef>& documents,
                    std::vector<sources::ParsedExport>& into);

struct Unchanged {
  state::RunRecord since;  // the run that computed the snapshot in force, with the same inputs
  // The inputs as that run described them (records, bytes, sha256), under today's paths.
  std::vector<sources::ParsedExport> sources;
};

// The applied run whose inputs and outcome still hold, if any. `selection` comes from
// scan_inbox(); `connectors` are the configured connectors' names.
std::optional<Unchanged> find_unchanged(state::StateStore& store, const InboxSelection& selection,
                                        const std::vector<std::string>& connectors, int grace_days,
                                        const std::string& today);

}  // namespace edusync::run
