#pragma once
// The run report (report/run_report.hpp) built from the run's result, once, at the end of the
// run: report/ knows nothing of run/, run/ translates its values into the report's.
#include <string>

#include "report/run_report.hpp"
#include "run/run_result.hpp"

namespace edusync::run {

// Moves the result's lists (plan, warnings, sources...) into the report. `language` is
// report.language: fr or en.
report::RunReport make_report(RunResult&& result, const std::string& language);

}  // namespace edusync::run
