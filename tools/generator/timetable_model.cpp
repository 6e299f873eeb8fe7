// The timetable as EDT / UDT hold it: the current pupils in their classes and groups (a part of
// class per class and group), the STS teachers with services, one course per STS service.
#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "expected_detail.hpp"
#include "reference.hpp"
#include "text.hpp"
#include "timetable.hpp"

namespace gen {
namespace {

Date later(Date a, Date b) {
  return to_days(a) >= to_days(b) ? a : b;
}

void add_pupils(const School& school, Timetable& tt) {
  const Date year_end{school.year + 1, 8, 31};
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    if (!pupil_is_current(school, p) || i == tt.planted.twin_b) continue;
    TtPupil t;
    t.pupil = i;
    t.nom = p.nom;
    t.prenom = p.prenom;
    t.naiss = p.naiss;
    t.sexe = p.sexe;
    t.division = static_cast<std::size_t>(p.division);
    for (std::uint32_t g : p.groups) t.groups.push_back(g);  // tt group g = School group g
    t.entree = later(p.entree, school.year_start);
    t.sortie = p.sortie.present() ? p.sortie : year_end;
    tt.pupils.push_back(std::move(t));
  }
}

// Teachers: the INDIVIDUs named by at least one service, in STS order.
std::unordered_map<std::uint32_t, std::size_t> add_teachers(const School& school, Timetable& tt) {
  std::unordered_set<std::uint32_t> serving;
  for (const Division& d : school.divisions) {
    for (const Service& s : d.services) serving.insert(s.teachers.begin(), s.teachers.end());
  }
  for (const Group& g : school.groups) {
    for (const Service& s : g.services) serving.insert(s.teachers.begin(), s.teachers.end());
  }
  std::unordered_map<std::uint32_t, std::size_t> by_id;
  for (std::size_t s = 0; s < school.staff.size(); ++s) {
    const Individu& ind = school.staff[s];
    if (serving.count(ind.id) == 0) continue;
    by_id[ind.id] = tt.teachers.size();
    tt.teachers.push_back(TtTeacher{s, ind.nom_usage, ind.prenom, ind.naiss, 0, 0});
  }
  return by_id;
}

void add_courses(const School& school, Timetable& tt, Rng& rng,
                 const std::unordered_map<std::uint32_t, std::size_t>& by_id) {
  const auto add = [&](const std::vector<Service>& services, bool group, std::size_t audience) {
    const int offset = rng.range(0, 6);
    int k = 0;
    for (const Service& s : services) {
      TtCourse c;
      c.subject = s.subject;
      c.group = group;
      c.audience = audience;
      for (std::uint32_t id : s.teachers) {
        const auto it = by_id.find(id);
        if (it != by_id.end()) c.teachers.push_back(it->second);
      }
      schedule(c, k++, offset);
      c.room = course_room(rng);
      tt.courses.push_back(std::move(c));
    }
  };
  for (std::size_t d = 0; d < school.divisions.size(); ++d)
    add(school.divisions[d].services, false, d);
  for (std::size_t g = 0; g < school.groups.size(); ++g) add(school.groups[g].services, true, g);
}

// Classes with fewer than two group parts are split in two halves (sciences, technology).
void add_halves(Timetable& tt, std::size_t n_divisions) {
  std::vector<std::set<std::size_t>> groups_of(n_divisions);
  for (const TtPupil& p : tt.pupils) groups_of[p.division].insert(p.groups.begin(), p.groups.end());
  std::vector<int> next(n_divisions, 1);
  for (TtPupil& p : tt.pupils) {
    if (groups_of[p.division].size() >= 2) continue;
    p.half = next[p.division];
    next[p.division] = 3 - p.half;
  }
}

void make_parts(Timetable& tt) {
  std::set<std::tuple<std::size_t, std::size_t, int>> keys;
  for (const TtPupil& p : tt.pupils) {
    for (std::size_t g : p.groups) keys.emplace(p.division, g, 0);
    if (p.half != 0) keys.emplace(p.division, kNone, p.half);
  }
  for (const auto& [division, group, half] : keys)
    tt.parts.push_back(TtPart{division, group, half, 0, {}});
  for (std::size_t i = 0; i < tt.parts.size(); ++i) {
    if (tt.parts[i].group != kNone) tt.groups[tt.parts[i].group].parts.push_back(i);
  }
  for (const TtPupil& p : tt.pupils) {
    for (std::size_t g : p.groups) ++tt.groups[g].members;
  }
}

// EDT Idents: one counter over every kind; UDT codes: one counter per kind, gpe per class.
void assign_codes(const School& school, Timetable& tt, Rng& rng) {
  std::uint32_t next = 1;
  tt.subject_idents.resize(ref::kSubjectCount);
  for (std::uint32_t& id : tt.subject_idents) id = next++;
  for (TtTeacher& t : tt.teachers) t.ident = next++;
  tt.division_idents.resize(school.divisions.size());
  for (std::uint32_t& id : tt.division_idents) id = next++;
  std::vector<int> gpe(school.divisions.size());
  for (TtPart& part : tt.parts) {
    part.ident = next++;
    char code[16];  // not "G" + to_string(): GCC 12 -Wrestrict false positive
    std::snprintf(code, sizeof code, "G%d", ++gpe[part.division]);
    part.udt_code = code;
  }
  for (TtGroup& g : tt.groups) g.ident = next++;
  const Scrambler numeros(9'000'000'000'000ULL, rng.next());
  for (std::size_t i = 0; i < tt.pupils.size(); ++i) {
    tt.pupils[i].ident = next++;
    tt.pupils[i].udt_code = static_cast<std::uint32_t>(i + 1);
    tt.pupils[i].numero = std::to_string(1'000'000'000'000ULL + numeros(i));
  }
  for (std::size_t i = 0; i < tt.teachers.size(); ++i)
    tt.teachers[i].udt_code = static_cast<std::uint32_t>(i + 1);
}

}  // namespace

void schedule(TtCourse& course, int k, int offset) {
  static constexpr int kStarts[] = {0, 2, 4, 6, 10, 12, 14};  // places of 30 minutes
  course.day = 1 + k % 5;
  course.place = kStarts[(k / 5 + offset) % 7];
  course.places = 2;
}

std::string course_room(Rng& rng) {
  const int building = rng.range(0, 2);
  const int number = rng.range(1, 24);
  char room[8];
  std::snprintf(room, sizeof room, "%c%02d", 'A' + building, number);
  return room;
}

std::string pupil_key(std::string_view nom, std::string_view prenom, Date naiss) {
  return fold_name(nom) + '\x1f' + fold_name(prenom) + '\x1f' +
         (naiss.present() ? format_iso(naiss) : std::string());
}

std::string timetable_stamp(const School& school) {
  const Date d = school.export_date;
  return format_iso(d).erase(7, 1).erase(4, 1) + "183000";
}

std::string timetable_date_time(const School& school) {
  return format_iso(school.export_date) + "T18:30:00";
}

std::size_t part_of(const Timetable& tt, std::size_t division, std::size_t group, int half) {
  const auto key = std::make_tuple(division, group, half);
  const auto it =
      std::lower_bound(tt.parts.begin(), tt.parts.end(), key, [](const TtPart& p, const auto& k) {
        return std::make_tuple(p.division, p.group, p.half) < k;
      });
  if (it == tt.parts.end() || std::make_tuple(it->division, it->group, it->half) != key)
    throw std::logic_error("timetable: no such part of class");
  return static_cast<std::size_t>(it - tt.parts.begin());
}

Timetable build_timetable(School& school, Rng& rng) {
  Timetable tt;
  tt.planted.homonyms_moved = separate_homonyms(school);
  plant_twins(school, rng, tt.planted);
  const std::int64_t start = to_days(school.year_start);
  tt.first_monday = from_days(start - (start + 3) % 7);  // 1970-01-01 was a Thursday
  for (std::size_t g = 0; g < school.groups.size(); ++g)
    tt.groups.push_back(TtGroup{school.groups[g].code, g, school.groups[g].subject, {}, 0, 0});
  add_pupils(school, tt);
  const auto by_id = add_teachers(school, tt);
  add_courses(school, tt, rng, by_id);
  plant_timetable_anomalies(school, tt, rng);
  std::sort(tt.pupils.begin(), tt.pupils.end(), [](const TtPupil& a, const TtPupil& b) {
    return std::tie(a.nom, a.prenom, a.pupil) < std::tie(b.nom, b.prenom, b.pupil);
  });
  add_halves(tt, school.divisions.size());
  make_parts(tt);
  assign_codes(school, tt, rng);
  return tt;
}

}  // namespace gen
