// Messages of the timetable parsers (sources/parsers/edt_*, udt_*): records skipped, files
// refused.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    {"input.timetable.udt_member_root",
     "membre {member} d'un export UDT : aucune ligne reconnue sous la racine « {root} »",
     "member {member} of a UDT export: no known row under the root \"{root}\""},
};

}  // namespace

std::span<const Entry> timetable_input_entries() {
  return kEntries;
}

}  // namespace edusync::text
