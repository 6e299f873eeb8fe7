#pragma once
// The plan names people by key; the report names them as the operator knows them. This joins
// the plan's person items with the directories they come from: the name, the class, the date a
// leaver will be removed. Memory follows the change, not the school: an index of the plan's
// person items and one pass over each directory.
#include <vector>

#include "model/directory.hpp"
#include "plan/plan.hpp"
#include "report/run_report.hpp"

namespace edusync::run {

// One entry per person item of `plan` (pupils, guardians, staff), in the report's order:
// school, pupils then guardians then staff, class (a leaver's: the one they left; pupils without
// one last), operation (arrivals, returns, changes,
// departures, removals), name in French order. `before` is the last applied state (null on a
// first run), `after` the new desired state; `grace_days` dates the removal of leavers.
std::vector<report::PersonChange> name_person_changes(const plan::Plan& plan,
                                                      const model::Directory* before,
                                                      const model::Directory& after,
                                                      int grace_days);

}  // namespace edusync::run
