// Oracle of the timetable exports: the joins of docs/timetables.md recomputed from the models
// (never by parsing), checked against what timetable_anomalies.cpp planted, as JSON.
//  pupil   = folded NOM_DE_FAMILLE + PRENOM + birth date (absent = absent) among current pupils;
//  teacher = folded NOM_USAGE + PRENOM among STS staff, birth dates compared when both sides
//            have one (EDT / UDT; the course files carry no date);
//  group   = by code among the groups of Structures.xml / STS-web; memberships are compared for
//            the groups with SIECLE members (G structures), links current at DATE_EXPORT.
#include "timetable_expected.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "expected_detail.hpp"
#include "reference.hpp"
#include "text.hpp"

namespace gen {
namespace {

struct Joins {
  std::vector<std::size_t> resolved;  // per timetable pupil: School index or kNone
  std::uint64_t unmatched = 0, ambiguous = 0;
};

Joins join_pupils(const School& school, const Timetable& tt) {
  std::map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    if (pupil_is_current(school, p)) by_key[pupil_key(p.nom, p.prenom, p.naiss)].push_back(i);
  }
  Joins joins;
  for (const TtPupil& t : tt.pupils) {
    const auto it = by_key.find(pupil_key(t.nom, t.prenom, t.naiss));
    const std::size_t n = it == by_key.end() ? 0 : it->second.size();
    joins.unmatched += n == 0 ? 1U : 0U;
    joins.ambiguous += n >= 2 ? 1U : 0U;
    joins.resolved.push_back(n == 1 ? it->second.front() : kNone);
  }
  return joins;
}

// {unmatched, ambiguous} timetable teachers (without dates: distinct names).
std::pair<std::uint64_t, std::uint64_t> join_teachers(const School& school, const Timetable& tt,
                                                      bool with_dates) {
  std::unordered_set<std::uint32_t> serving;
  const auto serve = [&](const std::vector<Service>& services) {
    for (const Service& s : services) serving.insert(s.teachers.begin(), s.teachers.end());
  };
  for (const Division& d : school.divisions) serve(d.services);
  for (const Group& g : school.groups) serve(g.services);
  std::multimap<std::string, Date> staff;
  for (const Individu& ind : school.staff) {
    if (!ind.fonction.empty() || serving.count(ind.id) != 0)
      staff.emplace(pupil_key(ind.nom_usage, ind.prenom, {}), ind.naiss);
  }
  std::uint64_t unmatched = 0, ambiguous = 0;
  std::unordered_set<std::string> seen;  // the course files name a teacher, not a record
  for (const TtTeacher& t : tt.teachers) {
    const std::string key = pupil_key(t.nom, t.prenom, {});
    if (!with_dates && !seen.insert(key).second) continue;
    std::size_t n = 0;
    const auto [first, last] = staff.equal_range(key);
    for (auto it = first; it != last; ++it) {
      const bool dated = with_dates && t.naiss.present() && it->second.present();
      n += !dated || it->second == t.naiss ? 1U : 0U;
    }
    unmatched += n == 0 ? 1U : 0U;
    ambiguous += n >= 2 ? 1U : 0U;
  }
  return {unmatched, ambiguous};
}

// The group codes SIECLE and STS-web know.
std::unordered_set<std::string> known_group_codes(const School& school) {
  std::unordered_set<std::string> known;
  for (const Group& g : school.groups) known.insert(g.code);
  return known;
}

std::uint64_t unknown_groups(const School& school, const Timetable& tt) {
  const auto known = known_group_codes(school);
  std::uint64_t n = 0;
  for (const TtGroup& g : tt.groups) n += known.count(g.code) == 0 ? 1U : 0U;
  return n;
}

// Groups unknown to SIECLE and STS-web that a course names: the course files report each once.
std::uint64_t course_unknown_groups(const School& school, const Timetable& tt) {
  const auto known = known_group_codes(school);
  std::unordered_set<std::string> named;
  for (const TtCourse& c : tt.courses) {
    if (c.group && known.count(tt.groups[c.audience].code) == 0)
      named.insert(tt.groups[c.audience].code);
  }
  return named.size();
}

bool link_current(const School& school, const TtPupil& t) {
  return before_or_same(t.entree, school.export_date) &&
         before_or_same(school.export_date, t.sortie);
}

// Groups with SIECLE members whose timetable members (resolved to SIECLE pupils) differ.
std::uint64_t membership_mismatches(const School& school, const Timetable& tt, const Joins& joins) {
  std::map<std::size_t, std::set<std::size_t>> siecle, timetable;  // by School group
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    if (!pupil_is_current(school, p)) continue;
    for (std::uint32_t g : p.groups) {
      if (school.groups[g].in_siecle) siecle[g].insert(i);
    }
  }
  for (std::size_t i = 0; i < tt.pupils.size(); ++i) {
    const TtPupil& t = tt.pupils[i];
    if (!link_current(school, t)) continue;
    for (std::size_t g : t.groups) {
      const std::size_t m = tt.groups[g].model;
      if (m != kNone && school.groups[m].in_siecle)
        timetable[m].insert(joins.resolved[i]);  // kNone (unresolved) differs too
    }
  }
  std::uint64_t n = 0;
  for (const auto& [g, members] : siecle) n += timetable[g] != members ? 1U : 0U;
  for (const auto& [g, members] : timetable) n += siecle.count(g) == 0 ? 1U : 0U;
  return n;
}

std::uint64_t planted(std::size_t index) {
  return index != kNone ? 1U : 0U;
}

void check(const School& school, const Counter& computed, const Counter& expected) {
  for (std::size_t i = 0; i < computed.size(); ++i) {
    if (computed[i].second == expected[i].second) continue;
    throw std::logic_error(school.uai + ": timetable " + computed[i].first + " computed " +
                           std::to_string(computed[i].second) + " but planted " +
                           std::to_string(expected[i].second));
  }
}

}  // namespace

TimetableOracle compute_timetable_expected(const School& school, const Timetable& tt) {
  TimetableOracle out;
  const Joins joins = join_pupils(school, tt);
  const auto [unmatched_teachers, ambiguous_teachers] = join_teachers(school, tt, true);
  const auto [course_unmatched, course_ambiguous] = join_teachers(school, tt, false);
  out.warnings = {{"TIMETABLE_UNMATCHED_PUPIL", joins.unmatched},
                  {"TIMETABLE_AMBIGUOUS_PUPIL", joins.ambiguous},
                  {"TIMETABLE_UNKNOWN_GROUP", unknown_groups(school, tt)},
                  {"TIMETABLE_UNMATCHED_TEACHER", unmatched_teachers},
                  {"GROUP_MEMBERSHIP_MISMATCH", membership_mismatches(school, tt, joins)},
                  {"TIMETABLE_AMBIGUOUS_TEACHER", ambiguous_teachers}};
  out.course_warnings = {{"TIMETABLE_UNMATCHED_TEACHER", course_unmatched},
                         {"TIMETABLE_AMBIGUOUS_TEACHER", course_ambiguous},
                         {"TIMETABLE_UNKNOWN_GROUP", course_unknown_groups(school, tt)}};
  const TtPlanted& p = tt.planted;
  check(school, out.warnings,
        {{"TIMETABLE_UNMATCHED_PUPIL", planted(p.unmatched_division)},
         {"TIMETABLE_AMBIGUOUS_PUPIL", planted(p.twin_a)},
         {"TIMETABLE_UNKNOWN_GROUP", planted(p.unknown_group)},
         {"TIMETABLE_UNMATCHED_TEACHER", planted(p.teacher_division)},
         {"GROUP_MEMBERSHIP_MISMATCH", planted(p.mismatch_group)},
         {"TIMETABLE_AMBIGUOUS_TEACHER", ambiguous_teachers}});  // not planted: reported
  check(school, out.course_warnings,
        {{"TIMETABLE_UNMATCHED_TEACHER", planted(p.teacher_division)},
         {"TIMETABLE_AMBIGUOUS_TEACHER", course_ambiguous},
         {"TIMETABLE_UNKNOWN_GROUP", planted(p.unknown_group_course)}});
  std::uint64_t memberships = 0;
  for (const TtGroup& g : tt.groups) memberships += g.members;
  out.counts = {{"pupils", tt.pupils.size()},         {"teachers", tt.teachers.size()},
                {"classes", school.divisions.size()}, {"parts_of_classes", tt.parts.size()},
                {"groups", tt.groups.size()},         {"memberships", memberships},
                {"courses", tt.courses.size()}};
  return out;
}

}  // namespace gen
