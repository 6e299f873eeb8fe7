// The terminal form of an inspection, for the operator: one line per file, the totals, then
// the warnings grouped by code (at most a few examples per code; --json has them all).
#include <map>
#include <ostream>

#include "inspect/inspection.hpp"
#include "inspect/target_refusals.hpp"

namespace edusync::inspect {
namespace {

constexpr std::size_t kExamplesPerCode = 10;

void print_sources(const Inspection& inspection, std::ostream& out) {
  out << "Fichiers lus :\n";
  for (const auto& s : inspection.sources) {
    out << "  " << s.path << "\n    " << sources::to_string(s.kind);
    if (!s.header.version.empty()) out << " (version " << s.header.version << ")";
    out << ", UAI " << s.header.uai << ", année " << s.header.school_year << "-"
        << (std::stoi(s.header.school_year) + 1);
    if (!s.header.export_date.empty()) out << ", exporté le " << s.header.export_date;
    out << ", " << s.records << " enregistrements\n";
  }
}

void print_totals(const model::Directory& d, std::ostream& out) {
  out << "\nAnnuaire (année " << d.school_year << ") :\n"
      << "  élèves            " << d.pupils.size() << "\n"
      << "  responsables      " << d.guardians.size() << " (+ " << d.other_contacts.size()
      << " autres contacts)\n"
      << "  personnels        " << d.staff.size() << "\n"
      << "  divisions         " << d.divisions.size() << "\n"
      << "  groupes           " << d.groups.size() << "\n"
      << "  matières          " << d.subjects.size() << "\n"
      << "  services          " << d.services.size() << "\n"
      << "  ignorés           " << d.ignored.departed_pupils << " élèves sortis, "
      << d.ignored.pupils_without_class << " élèves sans division, " << d.ignored.unlinked_persons
      << " personnes sans élève scolarisé, " << d.ignored.staff_without_role
      << " individus STS sans fonction ni service\n";
}

void print_warnings(const std::vector<model::Warning>& warnings, std::string_view language,
                    std::ostream& out) {
  std::map<std::string, std::vector<const model::Warning*>> by_code;
  for (const auto& warning : warnings) by_code[warning.code].push_back(&warning);
  out << "\nAvertissements : " << (warnings.empty() ? "aucun" : std::to_string(warnings.size()))
      << "\n";
  for (const auto& [code, items] : by_code) {
    out << "  " << code << " (" << items.size() << ")\n";
    for (std::size_t i = 0; i < items.size() && i < kExamplesPerCode; ++i) {
      out << "    - " << text::render(items[i]->message, language);
      if (!items[i]->where.empty()) out << "\n      [" << items[i]->where << "]";
      out << "\n";
    }
    if (items.size() > kExamplesPerCode) {
      out << "    … et " << items.size() - kExamplesPerCode << " autres (voir --json)\n";
    }
  }
}

}  // namespace

void print_text(const Inspection& inspection, std::ostream& out) {
  print_sources(inspection, out);
  print_totals(inspection.result.directory, out);
  print_warnings(inspection.result.warnings, inspection.language, out);
  print_refusals(target_refusals(inspection.result.directory), out);
}

}  // namespace edusync::inspect
