// Oracle of the timetable exports (the per-school "timetable" object of expected.json).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "expected.hpp"
#include "timetable.hpp"

namespace gen {

using FileList = std::vector<std::pair<std::string, std::string>>;  // kind -> path

struct TimetableOracle {
  Counter counts;
  Counter warnings;         // EDT (clear and sealed) and UDT
  Counter course_warnings;  // EXP_COURS.xml and the UDT course CSV
};

// Recomputes the joins; throws std::logic_error when they disagree with what was planted.
TimetableOracle compute_timetable_expected(const School& school, const Timetable& tt);

// The "timetable" object, rendered at the depth of a school's keys (timetable_json.cpp).
std::string timetable_json(const School& school, const Timetable& tt, const TimetableOracle& oracle,
                           const FileList& files);

}  // namespace gen
