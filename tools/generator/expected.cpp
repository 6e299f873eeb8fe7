// Rules (the contract of the parsers):
//  current pupil  = a D structure other than "Inactifs" and no DATE_SORTIE
//                   on or before DATE_EXPORT;
//  guardian       = person with a legal link (post-2018 NIVEAU_RESPONSABILITE
//                   1, pre-2018 RESP_LEGAL 1 or 2) to >= 1 current pupil;
//  staff          = INDIVIDU with a FONCTION, or without one but with >= 1
//                   service; the other INDIVIDU are ignored;
//  services       = distinct (teacher, structure, subject) triples whose
//                   teacher is an INDIVIDU.
#include <stdexcept>
#include <tuple>

#include "expected_detail.hpp"

namespace gen {
namespace {

std::uint64_t get(const Counter& c, const std::string& key) {
  for (const auto& [k, v] : c) {
    if (k == key) return v;
  }
  return 0;
}

}  // namespace

bool pupil_is_current(const School& school, const Pupil& p) {
  return p.division >= 0 && !(p.sortie.present() && before_or_same(p.sortie, school.export_date));
}

bool link_is_legal(const Link& l, RespFormat format) {
  return format == RespFormat::Post2018 ? l.niveau == 1 : (l.resp_legal == 1 || l.resp_legal == 2);
}

SchoolExpected compute_expected(const School& school, RespFormat format) {
  SchoolExpected out;
  out.uai = school.uai;
  out.dir = school.plan->rel_dir;
  std::vector<bool> current(school.pupils.size());
  for (std::size_t i = 0; i < school.pupils.size(); ++i)
    current[i] = pupil_is_current(school, school.pupils[i]);
  count_pupils(school, out, current);
  count_responsables(school, format, out, current);
  count_staff(school, out);
  return out;
}

void check_planted(const School& school, const SchoolExpected& e) {
  const Planted& p = school.planted;
  const std::tuple<const char*, std::uint64_t, std::uint64_t> checks[] = {
      {"current_pupils", get(e.counts, "current_pupils"), school.plan->pupils},
      {"eleve_records", get(e.counts, "eleve_records"),
       school.plan->pupils + school.plan->departed},
      {"MISSING_INE", get(e.warnings, "MISSING_INE"), p.missing_ine},
      {"DUPLICATE_INE", get(e.warnings, "DUPLICATE_INE"), p.duplicate_ine},
      {"MISSING_SEX", get(e.warnings, "MISSING_SEX"), p.missing_sex},
      {"MISSING_BIRTHDATE", get(e.warnings, "MISSING_BIRTHDATE"), p.missing_birthdate},
      {"MULTIPLE_DIVISIONS", get(e.warnings, "MULTIPLE_DIVISIONS"), p.multiple_divisions},
      {"DUPLICATE_GUARDIAN", get(e.warnings, "DUPLICATE_GUARDIAN"), p.duplicate_guardian},
      {"TEACHER_WITHOUT_SERVICE", get(e.warnings, "TEACHER_WITHOUT_SERVICE"),
       p.teacher_without_service},
      {"UNKNOWN_PUPIL_REFERENCE", get(e.warnings, "UNKNOWN_PUPIL_REFERENCE"), p.unknown_pupil_ref},
      {"UNKNOWN_STAFF_REFERENCE", get(e.warnings, "UNKNOWN_STAFF_REFERENCE"), p.unknown_staff_ref},
      {"ine_rnie_only", get(e.edge_cases, "ine_rnie_only"), p.ine_rnie_only},
      {"exit_on_export_date", get(e.edge_cases, "exit_on_export_date"), p.exit_on_export_date},
  };
  for (const auto& [name, computed, planted] : checks) {
    if (computed != planted) {
      throw std::logic_error(school.uai + ": " + name + " computed " + std::to_string(computed) +
                             " but planted " + std::to_string(planted));
    }
  }
}

}  // namespace gen
