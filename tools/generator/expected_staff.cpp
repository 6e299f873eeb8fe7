// Oracle: STS individuals, structures and teaching services.
#include <set>
#include <tuple>
#include <unordered_set>

#include "expected_detail.hpp"
#include "reference.hpp"

namespace gen {
namespace {

struct ServiceScan {
  std::unordered_set<std::uint32_t> teaching;  // INDIVIDU ids with >= 1 service
  std::set<std::tuple<std::uint32_t, std::size_t, std::size_t>>
      triples;                  // (teacher, structure, subject)
  std::uint64_t unknown = 0;    // ENSEIGNANT ids naming no INDIVIDU
  std::uint64_t co_taught = 0;  // services with >= 2 known teachers
};

// Structures are numbered divisions first, then groups.
ServiceScan scan_services(const School& school) {
  std::unordered_set<std::uint32_t> individus;
  for (const Individu& ind : school.staff) individus.insert(ind.id);
  ServiceScan scan;
  const auto visit = [&](const std::vector<Service>& services, std::size_t structure) {
    for (const Service& s : services) {
      std::size_t known = 0;
      for (std::uint32_t id : s.teachers) {
        if (!individus.count(id)) {
          ++scan.unknown;
          continue;
        }
        ++known;
        scan.teaching.insert(id);
        scan.triples.emplace(id, structure, s.subject);
      }
      scan.co_taught += known >= 2 ? 1U : 0U;
    }
  };
  for (std::size_t d = 0; d < school.divisions.size(); ++d) visit(school.divisions[d].services, d);
  for (std::size_t g = 0; g < school.groups.size(); ++g)
    visit(school.groups[g].services, school.divisions.size() + g);
  return scan;
}

std::uint64_t siecle_memberships(const School& school) {
  std::uint64_t memberships = 0;
  for (const Pupil& p : school.pupils) {
    if (!pupil_is_current(school, p)) continue;
    for (std::uint32_t g : p.groups) memberships += school.groups[g].in_siecle ? 1U : 0U;
  }
  return memberships;
}

}  // namespace

void count_staff(const School& school, SchoolExpected& out) {
  const ServiceScan scan = scan_services(school);
  std::uint64_t staff = 0, teachers = 0, idle_teachers = 0, no_fonction_teaching = 0, local = 0;
  for (const Individu& ind : school.staff) {
    const bool serves = scan.teaching.count(ind.id) > 0;
    staff += !ind.fonction.empty() || serves ? 1U : 0U;
    teachers += ind.fonction == "ENS" ? 1U : 0U;
    idle_teachers += ind.fonction == "ENS" && !serves ? 1U : 0U;
    no_fonction_teaching += ind.fonction.empty() && serves ? 1U : 0U;
    local += ind.local ? 1U : 0U;
  }
  out.counts.insert(out.counts.end(), {{"staff", staff},
                                       {"teachers", teachers},
                                       {"ignored_individus", school.staff.size() - staff},
                                       {"individus", school.staff.size()},
                                       {"divisions", school.divisions.size()},
                                       {"groups", school.groups.size()},
                                       {"subjects", ref::kSubjectCount},
                                       {"services", scan.triples.size()},
                                       {"siecle_group_memberships", siecle_memberships(school)}});
  out.warnings.emplace_back("TEACHER_WITHOUT_SERVICE", idle_teachers);
  out.warnings.emplace_back("UNKNOWN_STAFF_REFERENCE", scan.unknown);
  out.edge_cases.insert(out.edge_cases.end(),
                        {{"staff_without_fonction_with_service", no_fonction_teaching},
                         {"services_with_several_teachers", scan.co_taught},
                         {"local_individus", local}});
}

}  // namespace gen
