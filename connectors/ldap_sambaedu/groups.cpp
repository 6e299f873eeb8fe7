// The groups SE3's import builds (docs/output.md §1.6) and the whole desired state.
#include <unordered_map>

#include "common/ascii_fold.hpp"
#include "common/utf8.hpp"
#include "connectors/ldap_sambaedu/desired.hpp"
#include "connectors/ldap_sambaedu/users.hpp"

namespace edusync::connectors::ldap {
namespace {

// Upper-case Latin letters of the Latin-1 Supplement and Latin Extended-A blocks, the ones
// French codes use; their ASCII fold is upper-cased back.
bool is_upper_latin(char32_t code) {
  return (code >= 0xc0 && code <= 0xde && code != 0xd7) ||
         (code >= 0x100 && code <= 0x17f && code % 2 == 0);
}

// Accents removed, case kept: "1ÈRE" -> "1ERE".
std::string fold_keeping_case(const std::string& text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      out += text[at++];
      continue;
    }
    const utf8::Decoded decoded = utf8::decode(text, at);
    std::string folded = fold_to_ascii(text.substr(at, decoded.length));
    if (is_upper_latin(decoded.code_point)) {
      for (char& c : folded) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    out += folded;
    at += decoded.length;
  }
  return out;
}

std::string subject_part(const model::Directory& directory, const std::string& subject_code) {
  for (const auto& subject : directory.subjects) {
    if (subject.code == subject_code)
      return subject.management_code.empty() ? subject.code : subject.management_code;
  }
  return subject_code;
}

std::string subject_label(const model::Directory& directory, const std::string& subject_code) {
  for (const auto& subject : directory.subjects) {
    if (subject.code == subject_code)
      return subject.long_label.empty() ? subject.short_label : subject.long_label;
  }
  return subject_code;
}

class GroupBuilder {
 public:
  GroupBuilder(const model::Directory& directory, const Layout& layout)
      : directory_(directory), layout_(layout) {
    for (const auto& p : directory.pupils) {
      if (!p.account.login.empty() && p.account.uid_number != 0) pupils_[p.key] = &p;
    }
    for (const auto& s : directory.staff) {
      if (!s.account.login.empty() && s.account.uid_number != 0) staff_[s.key] = &s;
    }
  }

  std::map<std::string, DesiredGroup> build() {
    population_groups();
    for (const auto& division : directory_.divisions) {
      group(GroupKind::division, division.code, "", division.code);
      group(GroupKind::team, division.code, "", division.code);
    }
    group(GroupKind::head_teachers, "", "", "Professeurs Principaux");
    for (const auto& m : directory_.memberships) pupil_links(m);
    for (const auto& s : directory_.services) service(s);
    for (const auto& h : directory_.head_teachers) {
      add_staff(group(GroupKind::head_teachers, "", "", "Professeurs Principaux"), h.staff_key);
      add_staff(group(GroupKind::team, h.division_code, "", h.division_code), h.staff_key);
    }
    course_pupils();
    if (layout_.group_of_names) drop_empty_named_groups();
    return std::move(groups_);
  }

 private:
  DesiredGroup& group(GroupKind kind, const std::string& structure, const std::string& subject,
                      const std::string& description) {
    const auto cn = group_cn(kind, layout_.prefix, subject, structure);
    auto [found, inserted] = groups_.try_emplace(cn);
    if (inserted) {
      found->second = {
          cn,
          kind,
          structure,
          subject,
          description,
          layout_.group_of_names && (kind == GroupKind::team || kind == GroupKind::subject),
          {}};
    }
    return found->second;
  }

  void add_staff(DesiredGroup& into, const std::string& key) {
    const auto found = staff_.find(key);
    if (found != staff_.end() && found->second->departed_on.empty())
      into.members.insert(found->second->account.login);
  }

  void population_groups() {
    auto& pupils = group(GroupKind::pupils, "", "", "Eleves");
    for (const auto& [key, pupil] : pupils_) pupils.members.insert(pupil->account.login);
    std::set<std::string> teaching;
    for (const auto& s : directory_.services) teaching.insert(s.staff_key);
    auto& teachers = group(GroupKind::teachers, "", "", "Profs");
    auto& others = group(GroupKind::administrative, "", "", "Administratifs");
    for (const auto& [key, staff] : staff_) {
      const bool teacher = staff->function == "ENS" || teaching.contains(key);
      (teacher ? teachers : others).members.insert(staff->account.login);
    }
  }

  void pupil_links(const model::Membership& m) {
    const auto pupil = pupils_.find(m.pupil_key);
    if (pupil == pupils_.end() || !pupil->second->departed_on.empty()) return;
    if (m.structure_kind == model::StructureKind::division) {
      group(GroupKind::division, m.structure_code, "", m.structure_code)
          .members.insert(pupil->second->account.login);
    }
    pupils_of_[{m.structure_kind, m.structure_code}].insert(pupil->second->account.login);
  }

  void service(const model::Service& s) {
    const auto subject = subject_part(directory_, s.subject_code);
    add_staff(group(GroupKind::subject, "", subject, subject_label(directory_, s.subject_code)),
              s.staff_key);
    if (s.structure_kind == model::StructureKind::division) {
      add_staff(group(GroupKind::team, s.structure_code, "", s.structure_code), s.staff_key);
      auto& course = group(GroupKind::division_course, s.structure_code, subject,
                           subject + " / " + s.structure_code);
      add_staff(course, s.staff_key);
      courses_.emplace_back(course.cn, std::pair{s.structure_kind, s.structure_code});
      return;
    }
    for (const auto& g : directory_.groups) {
      if (g.code != s.structure_code) continue;
      for (const auto& division : g.divisions)
        add_staff(group(GroupKind::team, division, "", division), s.staff_key);
    }
    auto& course = group(GroupKind::group_course, s.structure_code, group_subject(s),
                         subject + " / " + s.structure_code);
    add_staff(course, s.staff_key);
    courses_.emplace_back(course.cn, std::pair{s.structure_kind, s.structure_code});
  }

  // Cours_<GRP> when the group has one subject, Cours_<GRP>_<MAT> when it has several (SE3).
  std::string group_subject(const model::Service& s) const {
    std::set<std::string> subjects;
    for (const auto& other : directory_.services) {
      if (other.structure_kind == s.structure_kind && other.structure_code == s.structure_code) {
        subjects.insert(other.subject_code);
      }
    }
    return subjects.size() > 1 ? subject_part(directory_, s.subject_code) : std::string();
  }

  void course_pupils() {
    for (const auto& [cn, structure] : courses_) {
      const auto found = pupils_of_.find(structure);
      if (found != pupils_of_.end())
        groups_[cn].members.insert(found->second.begin(), found->second.end());
    }
  }

  void drop_empty_named_groups() {
    std::erase_if(groups_, [](const auto& entry) {
      return entry.second.group_of_names && entry.second.members.empty();
    });
  }

  const model::Directory& directory_;
  const Layout& layout_;
  std::unordered_map<std::string, const model::Pupil*> pupils_;
  std::unordered_map<std::string, const model::Staff*> staff_;
  std::map<std::pair<model::StructureKind, std::string>, std::set<std::string>> pupils_of_;
  std::vector<std::pair<std::string, std::pair<model::StructureKind, std::string>>> courses_;
  std::map<std::string, DesiredGroup> groups_;
};

}  // namespace

std::string clean_code(const std::string& code) {
  std::string out;
  for (const char c : fold_keeping_case(code)) {
    if (c == '/' || c == ' ') {
      out += '_';
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-') {
      out += c;
    }
  }
  return out;
}

std::string group_cn(GroupKind kind, const std::string& prefix, const std::string& subject_part,
                     const std::string& structure) {
  // Built by appending: GCC 12 -O3 warns (-Wrestrict, a false positive) on "literal" + string&&.
  std::string cn;
  auto typed = [&](const char* type) {
    cn = type;
    cn += prefix;
  };
  switch (kind) {
    case GroupKind::pupils: return "Eleves";
    case GroupKind::teachers: return "Profs";
    case GroupKind::administrative: return "Administratifs";
    case GroupKind::division:
      typed("Classe_");
      cn += clean_code(structure);
      break;
    case GroupKind::team:
      typed("Equipe_");
      cn += clean_code(structure);
      break;
    case GroupKind::subject:
      typed("Matiere_");
      cn += clean_code(subject_part);
      break;
    case GroupKind::division_course:
      typed("Cours_");
      cn += clean_code(subject_part);
      cn += '_';
      cn += clean_code(structure);
      break;
    case GroupKind::group_course:
      typed("Cours_");
      cn += clean_code(structure);
      if (!subject_part.empty()) {
        cn += '_';
        cn += clean_code(subject_part);
      }
      break;
    case GroupKind::head_teachers:
      typed("Groupe_");
      cn += "Professeurs_Principaux";
      break;
  }
  return cn;
}

std::uint32_t fixed_gid(GroupKind kind) {
  switch (kind) {
    case GroupKind::pupils: return 5001;
    case GroupKind::teachers: return 5002;
    case GroupKind::administrative: return 5003;
    default: return 0;
  }
}

bool upper_gid_range(GroupKind kind) {
  return kind == GroupKind::division_course || kind == GroupKind::group_course ||
         kind == GroupKind::head_teachers;
}

Desired desired_state(const model::Directory& directory, const Layout& layout) {
  Desired desired;
  for (auto& user : desired_users(directory, layout))
    desired.users.emplace(user.login, std::move(user));
  // An empty directory (a first run's "before") has no groups, not even empty Eleves / Profs.
  if (!directory.pupils.empty() || !directory.staff.empty())
    desired.groups = GroupBuilder(directory, layout).build();
  return desired;
}

}  // namespace edusync::connectors::ldap
