// Placeholder until the UDT course-text parser lands.
#include "common/errors.hpp"
#include "sources/parsers/export_parser.hpp"

namespace edusync::sources {

bool looks_like_udt_courses(std::string_view /*head*/) {
  return false;
}

ParsedExport parse_udt_courses(input::ByteSource& source) {
  throw InputError({source.display_name()}, text::message("input.timetable.udt_member_root"));
}

}  // namespace edusync::sources
