#include "assemble/assemble.hpp"

#include <algorithm>

#include "assemble/context.hpp"
#include "assemble/schools.hpp"
#include "common/errors.hpp"

namespace edusync::assemble {

Result assemble(std::vector<sources::ParsedExport>& exports, const Options& options) {
  std::string school_year;
  const auto schools = settle_schools(exports, options, school_year);
  std::vector<SchoolPart> parts;
  parts.reserve(schools.size());
  for (const auto& school : schools) {
    std::vector<sources::ParsedExport> mine;
    mine.reserve(school.positions.size());
    for (const std::size_t i : school.positions) mine.push_back(std::move(exports[i]));
    parts.push_back(assemble_school(mine, options, school_year));
    for (std::size_t j = 0; j < mine.size(); ++j) exports[school.positions[j]] = std::move(mine[j]);
  }
  return merge_schools(std::move(parts), schools, exports, school_year);
}

SchoolPart assemble_school(std::vector<sources::ParsedExport>& exports, const Options& options,
                           const std::string& school_year) {
  SchoolPart part;
  part.uai = exports.empty() ? std::string() : exports.front().header.uai;
  part.directory.school_year = school_year;
  part.directory.schools.push_back({part.uai});
  Context context{exports, options, part.directory, Warnings(part.warnings), {}, {}, {}, {}, {}};
  add_reference_data(context);
  add_structures(context);
  add_pupils(context);
  add_contacts(context);
  add_staff(context);
  add_timetables(context);
  finish_directory(context);
  part.shared_key_ines = std::move(context.shared_key_ines);
  std::sort(part.shared_key_ines.begin(), part.shared_key_ines.end());
  part.shared_key_ines.erase(std::unique(part.shared_key_ines.begin(), part.shared_key_ines.end()),
                             part.shared_key_ines.end());
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
  return part;
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
std::vector<SchoolExports> settle_schools(std::vector<sources::ParsedExport>& exports,
                                          const Options& options, std::string& school_year) {
  std::vector<std::string> allowed = options.uais;
  for (const auto& parsed : exports) {
    if (!allowed.empty()) break;
    if (!sources::is_timetable(parsed.kind)) allowed.push_back(parsed.header.uai);
  }
  // Timetable exports alone (inspect of one file): the first that names its school.
  for (const auto& parsed : exports) {
    if (!allowed.empty()) break;
    if (!parsed.header.uai.empty()) allowed.push_back(parsed.header.uai);
  }
  school_year.clear();
  for (auto& parsed : exports) {
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
    if (school_year.empty()) {
      school_year = header.school_year;
    } else if (school_year != header.school_year) {
      throw InputError(where,
                       text::message("assemble.mixed_years", {text::arg("year", header.school_year),
                                                              text::arg("others", school_year)}));
    }
  }
  std::vector<SchoolExports> schools;
  for (const auto& uai : allowed) {
    SchoolExports school{uai, {}};
    for (std::size_t i = 0; i < exports.size(); ++i) {
      if (exports[i].header.uai == uai) school.positions.push_back(i);
    }
    if (!school.positions.empty()) schools.push_back(std::move(school));
  }
  std::sort(schools.begin(), schools.end(),
            [](const auto& a, const auto& b) { return a.positions.front() < b.positions.front(); });
  return schools;
}

}  // namespace edusync::assemble
