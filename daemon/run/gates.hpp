#pragma once
// Safety gates: a run that looks wrong is held (exit 3, nothing applied) until an operator
// confirms it with `edusync run --confirm`. Each gate has a stable code and a French message
// saying what was seen and what to do.
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "plan/plan.hpp"
#include "run/adoption.hpp"
#include "sources/exports.hpp"
#include "state/run_details.hpp"
#include "state/state_store.hpp"
#include "text/message.hpp"

namespace edusync::run {

struct Gate {
  // MISSING_EXPORT, REMOVAL_THRESHOLD, STALE_EXPORT, YEAR_BACKWARDS, INCOMPLETE_EXPORT,
  // ORPHAN_ACCOUNTS
  std::string code;
  text::Message message;
};

struct GateInputs {
  const model::Directory* previous = nullptr;  // last applied desired state; null on a first run
  const plan::Plan* plan = nullptr;            // previous -> new desired state
  const std::vector<sources::ParsedExport>* sources = nullptr;
  const state::ExportMarks* marks = nullptr;  // last applied export per (kind, UAI)
  double max_departure_ratio = 0.10;
  // Import-made accounts of a target that nobody matches (run/adoption.hpp): ORPHAN_ACCOUNTS.
  const std::vector<OrphanAccount>* orphans = nullptr;
  // MISSING_EXPORT: the inputs of the last applied run (its id), and the configured schools.
  const std::vector<state::RunInput>* last_applied_inputs = nullptr;
  std::string last_applied_run;
  const std::vector<std::string>* schools = nullptr;
};

// How many orphan accounts the ORPHAN_ACCOUNTS message names; the others are counted.
inline constexpr std::size_t kOrphansNamed = 10;

std::vector<Gate> check_gates(const GateInputs& inputs);

// The (kind, UAI) that the last applied run read (`last_applied`) and `sources` lack, for the
// schools of `schools` (the configured UAIs): what MISSING_EXPORT names. A school wholly missing
// counts, a school no longer configured does not; once a run without that export is applied
// (confirmed), it is no longer asked about.
std::vector<std::pair<std::string, std::string>> missing_exports(
    const std::vector<state::RunInput>& last_applied,
    const std::vector<sources::ParsedExport>& sources, const std::vector<std::string>& schools);

}  // namespace edusync::run
