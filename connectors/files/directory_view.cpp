#include "connectors/files/directory_view.hpp"

#include <algorithm>
#include <set>

namespace edusync::connectors::files {
namespace {

using Views = std::map<std::string, SchoolView>;

std::vector<std::string> sorted(const std::set<std::string>& values) {
  return {values.begin(), values.end()};
}

SchoolView& view_of(Views& views, const std::string& uai) {
  auto& view = views[uai];
  view.uai = uai;
  return view;
}

void add_pupils(const model::Directory& d, Views& views) {
  for (const auto& pupil : d.pupils) {
    auto& view = view_of(views, pupil.uai);
    if (pupil.departed_on.empty()) {
      view.pupils.push_back({&pupil, {}, {}});
    } else {
      view.departed_pupils.push_back(&pupil);
    }
  }
  // Indexed once every vector is complete (pointers stay valid). assemble/ keeps keys unique;
  // a multimap still serves a key held twice (Pix reports it).
  std::multimap<std::string, PupilView*> by_key;
  for (auto& [uai, view] : views) {
    for (auto& p : view.pupils) by_key.emplace(p.pupil->key, &p);
  }
  for (const auto& m : d.memberships) {
    const auto [first, last] = by_key.equal_range(m.pupil_key);
    for (auto found = first; found != last; ++found) {
      if (found->second->pupil->uai != m.uai) continue;
      if (m.structure_kind == model::StructureKind::division) {
        found->second->division = m.structure_code;
      } else {
        found->second->groups.push_back(m.structure_code);
      }
    }
  }
  for (auto& [uai, view] : views) {
    for (auto& p : view.pupils) std::sort(p.groups.begin(), p.groups.end());
  }
}

struct Teaching {
  std::set<std::string> divisions, groups, subjects, head_of;
};

// What each teacher teaches and heads, by (UAI, staff key).
std::map<std::pair<std::string, std::string>, Teaching> teaching_of(const model::Directory& d) {
  std::map<std::string, std::string> subject_names;
  for (const auto& s : d.subjects) {
    subject_names[s.code] = s.management_code.empty() ? s.code : s.management_code;
  }
  std::map<std::pair<std::string, std::string>, const model::Group*> groups;
  for (const auto& g : d.groups) groups[{g.uai, g.code}] = &g;
  std::map<std::pair<std::string, std::string>, Teaching> teaching;
  for (const auto& s : d.services) {
    auto& t = teaching[{s.uai, s.staff_key}];
    const auto name = subject_names.find(s.subject_code);
    if (!s.subject_code.empty()) {
      t.subjects.insert(name == subject_names.end() ? s.subject_code : name->second);
    }
    if (s.structure_kind == model::StructureKind::division) {
      t.divisions.insert(s.structure_code);
      continue;
    }
    t.groups.insert(s.structure_code);
    const auto group = groups.find({s.uai, s.structure_code});
    if (group != groups.end()) {
      t.divisions.insert(group->second->divisions.begin(), group->second->divisions.end());
    }
  }
  for (const auto& h : d.head_teachers)
    teaching[{h.uai, h.staff_key}].head_of.insert(h.division_code);
  return teaching;
}

void add_staff(const model::Directory& d, Views& views) {
  auto teaching = teaching_of(d);
  for (const auto& staff : d.staff) {
    for (const auto& uai : staff.uais) {
      auto& view = view_of(views, uai);
      if (!staff.departed_on.empty()) {
        view.departed_staff.push_back(&staff);
        continue;
      }
      const Teaching& t = teaching[{uai, staff.key}];
      const bool teaches = !t.divisions.empty() || !t.groups.empty();
      view.staff.push_back({&staff, sorted(t.divisions), sorted(t.groups), sorted(t.subjects),
                            sorted(t.head_of),
                            staff.function == "ENS" || (staff.function.empty() && teaches)});
    }
  }
}

// A guardian appears in each school where a current child of his (legal link) is.
void add_guardians(const model::Directory& d, Views& views) {
  std::map<std::string, const model::Pupil*> current;
  for (const auto& [uai, view] : views) {
    for (const auto& p : view.pupils) current[p.pupil->key] = p.pupil;
  }
  for (const auto& guardian : d.guardians) {
    if (!guardian.departed_on.empty()) continue;
    std::map<std::string, GuardianView> by_school;
    for (const auto& link : guardian.pupils) {
      const auto child = current.find(link.pupil_key);
      if (child == current.end() || link.responsibility != model::Responsibility::legal) continue;
      auto& g = by_school[child->second->uai];
      g.guardian = &guardian;
      g.children.push_back(child->second);
    }
    for (auto& [uai, g] : by_school) view_of(views, uai).guardians.push_back(std::move(g));
  }
}

}  // namespace

std::map<std::string, SchoolView> view_schools(const model::Directory& directory) {
  Views views;
  add_pupils(directory, views);
  add_staff(directory, views);
  add_guardians(directory, views);
  return views;
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

namespace {

// "DUPONT Jean": names are the same in every language.
std::string full_name(const std::string& surname, const std::string& given_name) {
  return std::string(surname).append(" ").append(given_name);
}

}  // namespace

text::Message who(const PupilView& p) {
  const std::string id = stable_id(*p.pupil);
  std::vector<text::Arg> args = {
      text::arg("name", full_name(p.pupil->surname, p.pupil->given_name)),
      text::arg("id", id.empty() ? p.pupil->key : id)};
  if (p.division.empty()) return text::message("connector.who.pupil", std::move(args));
  args.push_back(text::arg("division", p.division));
  return text::message("connector.who.pupil_in_division", std::move(args));
}

text::Message who(const model::Staff& staff) {
  return text::message("connector.who.staff",
                       {text::arg("name", full_name(staff.surname, staff.given_name)),
                        text::arg("id", stable_id(staff))});
}

text::Message who(const model::Contact& guardian) {
  return text::message("connector.who.guardian",
                       {text::arg("name", full_name(guardian.surname, guardian.given_name)),
                        text::arg("id", guardian.personne_id)});
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
