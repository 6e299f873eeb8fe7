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
#include "state/state_store.hpp"

namespace edusync::run {

struct Gate {
  // MISSING_EXPORT, REMOVAL_THRESHOLD, STALE_EXPORT, YEAR_BACKWARDS, INCOMPLETE_EXPORT,
  // ORPHAN_ACCOUNTS
  std::string code;
  std::string message;
};

struct GateInputs {
  const model::Directory* previous = nullptr;  // last applied desired state; null on a first run
  const plan::Plan* plan = nullptr;            // previous -> new desired state
  const std::vector<sources::ParsedExport>* sources = nullptr;
  const state::ExportMarks* marks = nullptr;  // last applied export per (kind, UAI)
  double max_departure_ratio = 0.10;
  // Import-made accounts of a target that nobody matches (run/adoption.hpp): ORPHAN_ACCOUNTS.
  const std::vector<OrphanAccount>* orphans = nullptr;
};

// How many orphan accounts the ORPHAN_ACCOUNTS message names; the others are counted.
inline constexpr std::size_t kOrphansNamed = 10;

std::vector<Gate> check_gates(const GateInputs& inputs);

// The (kind, UAI) of `marks` (the exports last applied) missing from `sources` for a school that
// `sources` read: what MISSING_EXPORT names. A confirmed run drops their marks, so that the
// absence it accepted is not asked about again.
std::vector<std::pair<std::string, std::string>> missing_exports(
    const state::ExportMarks& marks, const std::vector<sources::ParsedExport>& sources);

}  // namespace edusync::run
