// The terminal form of an inspection, for the operator: one line per file, the totals, then
// the warnings grouped by code (at most a few examples per code; --json has them all).
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "inspect/inspection.hpp"
#include "inspect/target_refusals.hpp"
#include "text/message.hpp"

namespace edusync::inspect {
namespace {

using text::arg;

constexpr std::size_t kExamplesPerCode = 10;

std::string say(std::string_view language, std::string id, std::vector<text::Arg> args = {}) {
  return text::render(text::message(std::move(id), std::move(args)), language);
}

std::string number(std::size_t value) {
  return std::to_string(value);
}

// "2025-2026" for 2025; a timetable export may carry no year: "-".
std::string year_label(const std::string& year) {
  if (year.size() != 4 || !all_digits(year)) return "-";
  return year + "-" + std::to_string(std::stoi(year) + 1);
}

void print_sources(const Inspection& inspection, std::ostream& out) {
  const auto& language = inspection.language;
  out << say(language, "cli.inspect.files") << "\n";
  for (const auto& s : inspection.sources) {
    out << "  " << s.path << "\n    " << sources::to_string(s.kind);
    if (!s.header.version.empty()) out << " (version " << s.header.version << ")";
    auto exported = text::verbatim("");
    if (!s.header.export_date.empty())
      exported = text::message("cli.inspect.exported", {arg("date", s.header.export_date)});
    out << say(language, "cli.inspect.source",
               {arg("uai", s.header.uai), arg("year", year_label(s.header.school_year)),
                text::nested("exported", exported), text::count("records", s.records)})
        << "\n";
  }
}

void print_totals(const model::Directory& d, std::string_view language, std::ostream& out) {
  const auto row = [&](const char* id, std::size_t count) {
    out << say(language, id, {arg("count", number(count))}) << "\n";
  };
  out << "\n" << say(language, "cli.inspect.directory", {arg("year", d.school_year)}) << "\n";
  row("cli.inspect.pupils", d.pupils.size());
  out << say(language, "cli.inspect.guardians",
             {arg("count", number(d.guardians.size())),
              arg("others", number(d.other_contacts.size()))})
      << "\n";
  row("cli.inspect.staff", d.staff.size());
  row("cli.inspect.divisions", d.divisions.size());
  row("cli.inspect.groups", d.groups.size());
  row("cli.inspect.subjects", d.subjects.size());
  row("cli.inspect.services", d.services.size());
  out << say(language, "cli.inspect.ignored",
             {arg("departed", std::to_string(d.ignored.departed_pupils)),
              arg("unplaced", std::to_string(d.ignored.pupils_without_class)),
              arg("unlinked", std::to_string(d.ignored.unlinked_persons)),
              arg("roleless", std::to_string(d.ignored.staff_without_role))})
      << "\n";
}

void print_warnings(const std::vector<model::Warning>& warnings, std::string_view language,
                    std::ostream& out) {
  std::map<std::string, std::vector<const model::Warning*>> by_code;
  for (const auto& warning : warnings) by_code[warning.code].push_back(&warning);
  out << "\n"
      << (warnings.empty()
              ? say(language, "cli.inspect.no_warnings")
              : say(language, "cli.inspect.warnings", {arg("count", number(warnings.size()))}))
      << "\n";
  for (const auto& [code, items] : by_code) {
    out << "  " << code << " (" << items.size() << ")\n";
    for (std::size_t i = 0; i < items.size() && i < kExamplesPerCode; ++i) {
      out << "    - " << text::render(items[i]->message, language);
      if (!items[i]->where.empty()) out << "\n      [" << items[i]->where << "]";
      out << "\n";
    }
    if (items.size() > kExamplesPerCode) {
      out << say(language, "cli.inspect.more",
                 {arg("count", number(items.size() - kExamplesPerCode))})
          << "\n";
    }
  }
}

}  // namespace

void print_text(const Inspection& inspection, std::ostream& out) {
  print_sources(inspection, out);
  print_totals(inspection.result.directory, inspection.language, out);
  print_warnings(inspection.result.warnings, inspection.language, out);
  print_refusals(target_refusals(inspection.result.directory), inspection.language, out);
}

}  // namespace edusync::inspect
