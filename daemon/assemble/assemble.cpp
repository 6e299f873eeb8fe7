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
  finish_directory(context);
  for (std::size_t i = 0; i < exports.size(); ++i) {
    for (const auto& issue : exports[i].issues) {
      context.warnings.invalid_record(issue.message, context.where(i, issue.line));
    }
    if (exports[i].records == 0) {
      context.warnings.empty_export(
          std::string(sources::to_string(exports[i].kind)), exports[i].header.uai,
          context.where(i, static_cast<std::uint32_t>(exports[i].header.line)));
    }
  }
  return result;
}

// One school year for all files, and only the configured schools (or the first file's).
void check_schools(Context& context) {
  std::vector<std::string> allowed = context.options.uais;
  if (allowed.empty() && !context.exports.empty())
    allowed.push_back(context.exports.front().header.uai);
  for (const auto& parsed : context.exports) {
    const auto& header = parsed.header;
    const SourceLocation where{parsed.path, header.line};
    if (std::find(allowed.begin(), allowed.end(), header.uai) == allowed.end()) {
      std::string expected;
      for (const auto& uai : allowed) expected += (expected.empty() ? "" : ", ") + uai;
      throw InputError(
          where, text::message("assemble.other_school",
                               {text::arg("uai", header.uai), text::arg("expected", expected)}));
    }
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
