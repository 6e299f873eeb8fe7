// The timetable's defects against SIECLE / STS-web, each planted once on records no other
// defect touches (the oracle, timetable_expected.cpp, recomputes them from the joins).
#include <algorithm>
#include <unordered_set>

#include "names.hpp"
#include "people.hpp"
#include "reference.hpp"
#include "text.hpp"
#include "timetable.hpp"

namespace gen {
namespace {

bool in(const std::vector<std::size_t>& items, std::size_t item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Timetable pupils a defect may use: SIECLE pupils, not the twin, in a regular class.
std::vector<std::size_t> plain_pupils(const School& school, const Timetable& tt) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < tt.pupils.size(); ++i) {
    const TtPupil& p = tt.pupils[i];
    if (p.pupil != kNone && p.pupil != tt.planted.twin_a && !school.divisions[p.division].segpa)
      out.push_back(i);
  }
  return out;
}

// The first timetable teacher who teaches Latin in STS-web, else the first one STS-web knows.
std::size_t latin_teacher(const School& school, const Timetable& tt) {
  std::unordered_set<std::uint32_t> latin;
  for (const Group& g : school.groups) {
    for (const Service& s : g.services) {
      if (s.subject == ref::kLcaLatin) latin.insert(s.teachers.begin(), s.teachers.end());
    }
  }
  std::size_t first_known = kNone;
  for (std::size_t t = 0; t < tt.teachers.size(); ++t) {
    if (tt.teachers[t].staff == kNone) continue;
    if (latin.count(school.staff[tt.teachers[t].staff].id) != 0) return t;
    if (first_known == kNone) first_known = t;
  }
  return first_known;
}

// Services only the timetable has, so that the model shows services of each timetable origin
// beside those of STS-web: the unknown group's Latin course, and an AP course of the same
// teacher to the group's class (a class STS-web knows, so the course files give it too). No draw
// from the PRNG: the anomalies planted after these stay where they were.
void add_timetable_only_courses(const School& school, Timetable& tt, std::size_t division) {
  const std::size_t teacher = latin_teacher(school, tt);
  if (teacher == kNone) return;
  TtCourse latin;
  latin.subject = ref::kLcaLatin;
  latin.teachers.push_back(teacher);
  latin.group = true;
  latin.audience = tt.planted.unknown_group;
  schedule(latin, 4, 5);
  latin.room = "C01";
  TtCourse ap = latin;
  ap.subject = ref::kAp;
  ap.group = false;
  ap.audience = division;
  schedule(ap, 3, 5);
  tt.planted.unknown_group_course = tt.courses.size();
  tt.courses.push_back(std::move(latin));
  tt.courses.push_back(std::move(ap));
}

// "3 LAT-EDT": made in the timetable, pushed to neither SIECLE nor STS-web; three pupils of
// one 3e class.
void plant_unknown_group(const School& school, Timetable& tt, Rng& rng) {
  std::vector<std::size_t> pool = plain_pupils(school, tt);
  if (pool.empty()) return;
  std::vector<std::size_t> third;
  for (std::size_t i : pool) {
    if (school.divisions[tt.pupils[i].division].level == 3) third.push_back(i);
  }
  const std::size_t division = tt.pupils[rng.pick(third.empty() ? pool : third)].division;
  tt.planted.unknown_group = tt.groups.size();
  tt.groups.push_back(TtGroup{std::string(kUnknownGroupCode), kNone, ref::kLcaLatin, {}, 0, 0});
  std::size_t members = 0;
  for (std::size_t i : pool) {
    if (tt.pupils[i].division != division || members == 3) continue;
    tt.pupils[i].groups.push_back(tt.planted.unknown_group);
    ++members;
  }
  add_timetable_only_courses(school, tt, division);
}

std::size_t mismatch_group(const School& school, const Timetable& tt) {
  std::size_t chosen = kNone;
  for (std::size_t g = 0; g < tt.groups.size(); ++g) {
    const std::size_t m = tt.groups[g].model;
    if (m == kNone || !school.groups[m].in_siecle) continue;
    if (school.groups[m].subject == ref::kLcaLatin) return g;  // Latin first
    if (chosen == kNone) chosen = g;
  }
  return chosen;
}

// One group SIECLE knows: the timetable drops one of its pupils and adds a pupil of the same
// level who is not in it (the répartition was changed in EDT and not pushed back).
void plant_membership_mismatch(const School& school, Timetable& tt, Rng& rng) {
  const std::size_t g = mismatch_group(school, tt);
  if (g == kNone) return;
  const int level = school.groups[tt.groups[g].model].level;
  std::vector<std::size_t> members, others;
  for (std::size_t i : plain_pupils(school, tt)) {
    const TtPupil& p = tt.pupils[i];
    if (in(p.groups, g))
      members.push_back(i);
    else if (school.divisions[p.division].level == level && !in(p.groups, tt.planted.unknown_group))
      others.push_back(i);
  }
  if (members.empty() || others.empty()) return;
  TtPupil& removed = tt.pupils[rng.pick(members)];
  TtPupil& added = tt.pupils[rng.pick(others)];
  removed.groups.erase(std::find(removed.groups.begin(), removed.groups.end(), g));
  added.groups.push_back(g);
  tt.planted.mismatch_group = g;
  tt.planted.removed = removed.pupil;
  tt.planted.added = added.pupil;
}

// A newcomer the timetable already has and SIECLE not yet: a 6e pupil, in the groups of a
// classmate that SIECLE does not know the members of.
void plant_unmatched_pupil(const School& school, Timetable& tt, Rng& rng) {
  std::unordered_set<std::string> keys;
  for (const Pupil& p : school.pupils) keys.insert(pupil_key(p.nom, p.prenom, p.naiss));
  TtPupil t;
  t.sexe = rng.chance(0.5) ? 1 : 2;
  do {
    t.nom = upper_fr(rng.pick(names::surnames()));
    t.prenom = std::string(given_name(rng, t.sexe == 1, false));
    t.naiss = add_days(Date{school.year - 11, 1, 1}, static_cast<std::int64_t>(rng.below(365)));
  } while (keys.count(pupil_key(t.nom, t.prenom, t.naiss)) != 0);
  std::vector<std::size_t> pool = plain_pupils(school, tt), sixth;
  for (std::size_t i : pool) {
    if (school.divisions[tt.pupils[i].division].level == 6) sixth.push_back(i);
  }
  if (pool.empty()) return;
  const TtPupil& mate = tt.pupils[rng.pick(sixth.empty() ? pool : sixth)];
  t.division = mate.division;
  for (std::size_t g : mate.groups) {
    const std::size_t m = tt.groups[g].model;
    if (m != kNone && !school.groups[m].in_siecle) t.groups.push_back(g);
  }
  t.entree = add_days(school.export_date, -7);
  t.sortie = Date{school.year + 1, 8, 31};
  tt.planted.unmatched_division = t.division;
  tt.pupils.push_back(std::move(t));
}

// A supply teacher EDT has and STS-web not: personalised support (AP) in one class.
void plant_unmatched_teacher(const School& school, Timetable& tt, Rng& rng) {
  std::unordered_set<std::string> names_taken;
  for (const Individu& ind : school.staff) {
    names_taken.insert(pupil_key(ind.nom_usage, ind.prenom, {}));
    names_taken.insert(pupil_key(ind.nom_patro, ind.prenom, {}));
  }
  TtTeacher t;
  do {
    const bool male = rng.chance(0.4);
    t.nom = upper_fr(rng.pick(names::surnames()));
    t.prenom = std::string(given_name(rng, male, true));
  } while (names_taken.count(pupil_key(t.nom, t.prenom, {})) != 0);
  t.naiss = add_days(Date{school.year - 30, 1, 1}, static_cast<std::int64_t>(rng.below(365)));
  TtCourse course;
  course.subject = ref::kAp;
  course.teachers.push_back(tt.teachers.size());
  course.audience = rng.index(school.divisions.size());
  schedule(course, 4, 3);
  course.room = course_room(rng);
  tt.planted.teacher_division = course.audience;
  tt.teachers.push_back(std::move(t));
  tt.courses.push_back(std::move(course));
}

}  // namespace

void plant_timetable_anomalies(const School& school, Timetable& tt, Rng& rng) {
  plant_unknown_group(school, tt, rng);
  plant_membership_mismatch(school, tt, rng);
  plant_unmatched_pupil(school, tt, rng);
  plant_unmatched_teacher(school, tt, rng);
}

}  // namespace gen
