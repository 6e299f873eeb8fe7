// Builds one school and writes its export files.
#pragma once

#include "expected.hpp"
#include "plan.hpp"

namespace gen {

// Writes the five exports of `plan` into plan.dir and returns the oracle
// entry. Throws on I/O errors and on oracle/planting mismatches.
SchoolExpected generate_school(const SchoolPlan& plan, const Options& options, const IdSpace& ids);

}  // namespace gen
