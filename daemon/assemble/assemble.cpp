#include "assemble/assemble.hpp"

#include <algorithm>

#include "assemble/context.hpp"
#include "common/errors.hpp"

namespace edusync::assemble {

Result assemble(std::vector<sources::ParsedExport>& exports, const Options& options) {
  Result result;
  Context context{exports, options, result.directory, Warnings(result.warnings), {}, {}, {}, {}};
  check_schools(context);
  add_reference_data(context);
  add_structures(context);
  add_pupils(context);
  add_contacts(context);
  add_staff(context);
  add_timetables(context);
  finish_directory(context);
  for (std::size_t i = 0; i < exports.size(); ++i) {
    for (const auto& issue : exports[i].issues) {
      context.warnings.invalid_record(issue.message, context.where(i, issue.line));
    }
    // A UDT export spreads its tables over members, some of which hold nothing edusync reads.
    if (exports[i].records == 0 && exports[i].kind != sources::ExportKind::udt) {
      context.warnings.empty_export(
          std::string(sources::to_string(exports[i].kind)), exports[i].header.uai,
          context.where(i, static_cast<std::uint32_t>(exports[i].header.line)));
    }
  }
  return result;
}

namespace {

// A timetable export that names no school belongs to the only one; with several, its file name
// must start with the UAI (read by the parser).
void give_school(sources::ParsedExport& parsed, const std::vector<std::string>& allowed) {
  if (!parsed.header.uai.empty() || !sources::is_timetable(parsed.kind)) return;
  if (allowed.size() == 1) {
    parsed.header.uai = allowed.front();
    return;
  }
  std::string uais;
  for (const auto& uai : allowed) uais += (uais.empty() ? "" : ", ") + uai;
  std::string name = parsed.path.substr(parsed.path.find_last_of('/') + 1);
  name = name.substr(0, name.find(':'));
  throw InputError(
      {parsed.path},
      text::message("timetable.no_school", {text::arg("file", parsed.path), text::arg("uais", uais),
                                            text::arg("name", name)}));
}

}  // namespace

// One school year for all files, and only the configured schools (or the first file's).
void check_schools(Context& context) {
  std::vector<std::string> allowed = context.options.uais;
  for (const auto& parsed : context.exports) {
    if (!allowed.empty()) break;
    if (!sources::is_timetable(parsed.kind)) allowed.push_back(parsed.header.uai);
  }
  // Timetable exports alone (inspect of one file): the first that names its school.
  for (const auto& parsed : context.exports) {
    if (!allowed.empty()) break;
    if (!parsed.header.uai.empty()) allowed.push_back(parsed.header.uai);
  }
  for (auto& parsed : context.exports) {
    give_school(parsed, allowed);
    const auto& header = parsed.header;
    const SourceLocation where{parsed.path, header.line};
    if (std::find(allowed.begin(), allowed.end(), header.uai) == allowed.end()) {
      std::string expected;
      for (const auto& uai : allowed) expected += (expected.empty() ? "" : ", ") + uai;
      throw InputError(
          where, text::message("assemble.other_school",
                               {text::arg("uai", header.uai), text::arg("expected", expected)}));
    }
    if (header.school_year.empty()) continue;  // timetable exports that carry none
    if (context.directory.school_year.empty()) {
      context.directory.school_year = header.school_year;
    } else if (context.directory.school_year != header.school_year) {
      throw InputError(where, text::message("assemble.mixed_years",
                                            {text::arg("year", header.school_year),
                                             text::arg("others", context.directory.school_year)}));
    }
  }
  for (const auto& uai : allowed) {
    const bool seen = std::any_of(context.exports.begin(), context.exports.end(),
                                  [&](const auto& parsed) { return parsed.header.uai == uai; });
    if (seen) context.directory.schools.push_back({uai});
  }
}

}  // namespace edusync::assemble
