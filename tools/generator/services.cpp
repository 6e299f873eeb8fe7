// Teaching services: which subjects each division/group has, and which
// teacher teaches each. One service per (structure, subject), so every
// (teacher, structure, subject) triple is distinct.
#include <algorithm>

#include "reference.hpp"
#include "staff.hpp"

namespace gen {
namespace {

using namespace ref;

std::vector<std::size_t> division_subjects(const Division& div) {
  if (div.segpa) return {kFranc, kMaths, kHiGeo, kAgl1, kSvt, kEps, kAPla};
  if (div.level == 6) return {kFranc, kMaths, kHiGeo, kEmc, kScTech, kEps, kAPla, kEdMus};
  return {kFranc, kMaths, kHiGeo, kEmc, kAgl1, kSvt, kPhCh, kTechn, kEps, kAPla, kEdMus};
}

void create_slots(School& school) {
  for (Division& div : school.divisions) {
    for (std::size_t s : division_subjects(div)) div.services.push_back(Service{s, "CG", {}});
  }
  for (Group& group : school.groups) group.services.push_back(Service{group.subject, "CG", {}});
}

// Services of one subject in structure order (neighbouring classes end up
// with the same teacher, as timetables usually do).
std::vector<Service*> services_of(School& school, std::size_t subject) {
  std::vector<Service*> out;
  for (Division& div : school.divisions) {
    for (Service& s : div.services) {
      if (s.subject == subject) out.push_back(&s);
    }
  }
  for (Group& group : school.groups) {
    for (Service& s : group.services) {
      if (s.subject == subject) out.push_back(&s);
    }
  }
  return out;
}

// EMC is taught by the division's history-geography teacher.
void follow_history_teacher(School& school) {
  for (Division& div : school.divisions) {
    std::uint32_t teacher = 0;
    for (const Service& s : div.services) {
      if (s.subject == kHiGeo) teacher = s.teachers.front();
    }
    for (Service& s : div.services) {
      if (s.subject == kEmc) s.teachers.push_back(teacher);
    }
  }
}

}  // namespace

std::vector<std::size_t> staff_services(BuildContext& ctx) {
  School& school = ctx.school;
  create_slots(school);
  std::vector<std::size_t> teachers;
  for (std::size_t subject = 0; subject < kSubjectCount; ++subject) {
    if (subject == kEmc) continue;
    std::vector<Service*> slots = services_of(school, subject);
    if (slots.empty()) continue;
    const auto capacity = static_cast<std::size_t>(std::max(1, ref::subject(subject).capacity));
    const std::size_t n_teachers = (slots.size() + capacity - 1) / capacity;
    const std::size_t chunk = (slots.size() + n_teachers - 1) / n_teachers;
    for (std::size_t t = 0; t * chunk < slots.size(); ++t) {
      const bool local = ctx.rng.chance(0.05);
      const std::size_t teacher = new_individu(ctx, "ENS", subject, local);
      teachers.push_back(teacher);
      for (std::size_t i = t * chunk; i < std::min(slots.size(), (t + 1) * chunk); ++i) {
        slots[i]->teachers.push_back(school.staff[teacher].id);
      }
    }
  }
  follow_history_teacher(school);
  return teachers;
}

}  // namespace gen
