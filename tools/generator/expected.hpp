// The test oracle (expected.json): counts recomputed from the in-memory
// model with the rules the parsers implement, never by parsing the files.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model.hpp"
#include "options.hpp"

namespace gen {

// Keys in a fixed order (stable JSON).
using Counter = std::vector<std::pair<std::string, std::uint64_t>>;

struct SchoolExpected {
  std::string uai, dir;
  std::vector<std::pair<std::string, std::string>> files;  // kind -> path relative to --out
  Counter counts, warnings, edge_cases;
  std::string timetable;  // rendered "timetable" object (--timetables only)
};

SchoolExpected compute_expected(const School& school, RespFormat format);

// Throws std::logic_error when the oracle disagrees with what the builders
// planted: an accidental duplicate or a lost defect is a generator bug.
void check_planted(const School& school, const SchoolExpected& expected);

void write_expected_json(const std::string& path, const Options& options,
                         const std::vector<SchoolExpected>& schools);

}  // namespace gen
