#include "connectors/files/directory_view.hpp"

#include <algorithm>
#include <set>

namespace edusync::connectors::files {
namespace {

std::vector<std::string> sorted(const std::set<std::string>& values) {
  return {values.begin(), values.end()};
}

bool in_school(const model::Staff& staff, const std::string& uai) {
  return std::find(staff.uais.begin(), staff.uais.end(), uai) != staff.uais.end();
}

void add_pupils(const model::Directory& d, SchoolView& view) {
  // assemble/ keeps keys unique; a multimap still serves a key held twice (Pix reports it).
  std::multimap<std::string, PupilView*> by_key;
  for (const auto& pupil : d.pupils) {
    if (pupil.uai != view.uai) continue;
    if (!pupil.departed_on.empty()) {
      view.departed_pupils.push_back(&pupil);
      continue;
    }
    view.pupils.push_back({&pupil, {}, {}});
  }
  for (auto& p : view.pupils) by_key.emplace(p.pupil->key, &p);
  for (const auto& m : d.memberships) {
    if (m.uai != view.uai) continue;
    const auto [first, last] = by_key.equal_range(m.pupil_key);
    for (auto found = first; found != last; ++found) {
      if (m.structure_kind == model::StructureKind::division) {
        found->second->division = m.structure_code;
      } else {
        found->second->groups.push_back(m.structure_code);
      }
    }
  }
  for (auto& p : view.pupils) std::sort(p.groups.begin(), p.groups.end());
}

struct Teaching {
  std::set<std::string> divisions, groups, subjects, head_of;
};

std::map<std::string, Teaching> teaching_of(const model::Directory& d, const std::string& uai) {
  std::map<std::string, std::string> subject_names;
  for (const auto& s : d.subjects)
    subject_names[s.code] = s.management_code.empty() ? s.code : s.management_code;
  std::map<std::string, const model::Group*> groups;
  for (const auto& g : d.groups) {
    if (g.uai == uai) groups[g.code] = &g;
  }
  std::map<std::string, Teaching> teaching;
  for (const auto& s : d.services) {
    if (s.uai != uai) continue;
    auto& t = teaching[s.staff_key];
    const auto name = subject_names.find(s.subject_code);
    if (!s.subject_code.empty())
      t.subjects.insert(name == subject_names.end() ? s.subject_code : name->second);
    if (s.structure_kind == model::StructureKind::division) {
      t.divisions.insert(s.structure_code);
      continue;
    }
    t.groups.insert(s.structure_code);
    const auto group = groups.find(s.structure_code);
    if (group != groups.end())
      t.divisions.insert(group->second->divisions.begin(), group->second->divisions.end());
  }
  for (const auto& h : d.head_teachers) {
    if (h.uai == uai) teaching[h.staff_key].head_of.insert(h.division_code);
  }
  return teaching;
}

void add_staff(const model::Directory& d, SchoolView& view) {
  auto teaching = teaching_of(d, view.uai);
  for (const auto& staff : d.staff) {
    if (!in_school(staff, view.uai)) continue;
    if (!staff.departed_on.empty()) {
      view.departed_staff.push_back(&staff);
      continue;
    }
    const Teaching& t = teaching[staff.key];
    const bool teaches = !t.divisions.empty() || !t.groups.empty();
    view.staff.push_back({&staff, sorted(t.divisions), sorted(t.groups), sorted(t.subjects),
                          sorted(t.head_of),
                          staff.function == "ENS" || (staff.function.empty() && teaches)});
  }
}

void add_guardians(const model::Directory& d, SchoolView& view) {
  std::map<std::string, const model::Pupil*> current;
  for (const auto& p : view.pupils) current[p.pupil->key] = p.pupil;
  for (const auto& guardian : d.guardians) {
    if (!guardian.departed_on.empty()) continue;
    GuardianView g{&guardian, {}};
    for (const auto& link : guardian.pupils) {
      const auto child = current.find(link.pupil_key);
      if (child != current.end() && link.responsibility == model::Responsibility::legal)
        g.children.push_back(child->second);
    }
    if (!g.children.empty()) view.guardians.push_back(std::move(g));
  }
}

}  // namespace

SchoolView view_school(const model::Directory& directory, const std::string& uai) {
  SchoolView view;
  view.uai = uai;
  add_pupils(directory, view);
  add_staff(directory, view);
  add_guardians(directory, view);
  return view;
}

std::string stable_id(const model::Pupil& pupil) {
  if (pupil.elenoet.empty()) return {};
  if (pupil.elenoet.size() >= 5) return pupil.elenoet;
  return std::string(5 - pupil.elenoet.size(), '0') + pupil.elenoet;
}

std::string stable_id(const model::Staff& staff) {
  return staff.sts_id.empty() ? std::string() : "P" + staff.sts_id;
}

std::string platform_id(const model::Pupil& x) {
  if (!x.key.starts_with("eleve:")) return x.key;
  return x.uai + "-E" + (stable_id(x).empty() ? x.eleve_id : stable_id(x));
}

std::string who(const PupilView& p) {
  const std::string id = stable_id(*p.pupil);
  return p.pupil->surname + " " + p.pupil->given_name + " (élève " +
         (id.empty() ? p.pupil->key : id) + (p.division.empty() ? "" : ", " + p.division) + ")";
}

std::string who(const model::Staff& staff) {
  return staff.surname + " " + staff.given_name + " (personnel " + stable_id(staff) + ")";
}

std::string who(const model::Contact& guardian) {
  return guardian.surname + " " + guardian.given_name + " (responsable " + guardian.personne_id +
         ")";
}

std::pair<std::string, std::string> second_and_third_names(const std::string& others) {
  const auto space = others.find(' ');
  if (space == std::string::npos) return {others, {}};
  return {others.substr(0, space), others.substr(space + 1)};
}

std::string french_date(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace edusync::connectors::files
