#pragma once
// The report's first screen: what needs the operator, most urgent first, and for an academy
// how much changed in each school.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "report/run_report.hpp"

namespace edusync::report {

// In the report's language, most urgent first: the run failed or was held (nothing applied), a
// target failed, records a target left out, files of the inbox not read, warnings to fix in
// SIECLE or STS-web. Empty when nothing needs doing.
std::vector<std::string> actions(const RunReport& report);

// "Établissements : 77 repris tels quels …, 9 relus : 0750001A, …" when the run reused schools
// (run/school_parts.hpp); the first kSchoolsNamed re-read UAIs are named.
inline constexpr std::size_t kSchoolsNamed = 10;
std::string schools_line(const RunReport& report);

// Changed persons of one school, by operation (added, updated, departed, returned, removed).
struct SchoolSummary {
  std::string uai;
  std::map<std::string, std::uint64_t> by_op;
  std::uint64_t total = 0;
};

// One entry per school the report's named changes hold, in UAI order.
std::vector<SchoolSummary> school_summaries(const RunReport& report);

}  // namespace edusync::report
