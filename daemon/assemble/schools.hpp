#pragma once
// assemble() school by school. Every rule of the model but four is local to one school (its
// SIECLE base numbers ELEVE_ID and PERSONNE_ID, its timetable joins within it), so each school's
// exports are assembled alone into a SchoolPart, and the parts are merged by the four rules that
// span schools: the INE is national (DUPLICATE_INE across schools), one STS-web person may work in
// several schools, a teacher lacks a service only if no school gives one, and subjects and MEFs
// are one national list. A part is a pure function of its school's exports and of the options
// (`today` only matters for a pupils' export without a date), which is what lets a run reuse the
// part of a school whose exports did not change instead of parsing them again (run/school_parts).
#include <string>
#include <vector>

#include "assemble/assemble.hpp"

namespace edusync::assemble {

// What assemble() builds from one school's exports alone. The origins of its records index the
// school's own exports, in their order in the run.
struct SchoolPart {
  std::string uai;
  model::Directory directory;
  std::vector<model::Warning> warnings;
  // INEs that were the key of two of the school's pupils: both have their local keys now.
  std::vector<std::string> shared_key_ines;
};

// One school and the positions of its exports in the run's list, schools in the order of their
// first export.
struct SchoolExports {
  std::string uai;
  std::vector<std::size_t> positions;
};

// Checks every export's school and year (InputError as assemble() documents), gives a timetable
// export without a UAI its school, and returns the exports of each school and the school year.
// Works on headers alone: the exports' data may be absent.
std::vector<SchoolExports> settle_schools(std::vector<sources::ParsedExport>& exports,
                                          const Options& options, std::string& school_year);

// The part of one school: `exports` are that school's exports only, in the run's order; their
// data is moved out.
SchoolPart assemble_school(std::vector<sources::ParsedExport>& exports, const Options& options,
                           const std::string& school_year);

// The directory of the run: `parts[i]` was assembled from the exports at `schools[i].positions`
// of `exports` (used for paths in warnings and to renumber origins).
// `school_year` is settle_schools()'s, the run's: a part keeps the one of the run it was made in.
Result merge_schools(std::vector<SchoolPart> parts, const std::vector<SchoolExports>& schools,
                     const std::vector<sources::ParsedExport>& exports,
                     const std::string& school_year);

}  // namespace edusync::assemble
