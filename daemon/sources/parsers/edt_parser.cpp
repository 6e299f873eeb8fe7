// ExportEmploiDuTemps: what EDT and PRONOTE (Index Éducation) export for ENTs, clear or taken
// out of its encrypted container. All data are attributes; containers are plural, items
// singular (the container of courses is also named Cours). Identifiers (Ident) are numbered by
// the timetable base, per kind of entity, so the tables get kind-prefixed ids ("classe:5",
// "groupe:53"). A group is the union of the parts of classes it lists (and, in newer exports,
// of whole classes and of pupils listed directly); a pupil belongs to it through the parts
// listed under the pupil, between their entry and exit dates. Records may come in any order:
// the parts are expanded into memberships at the end of the document.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "common/dates.hpp"
#include "common/text.hpp"
#include "sources/parsers/kind_parser.hpp"
#include "sources/parsers/unique_records.hpp"

namespace edusync::sources {
namespace {

enum Path : std::size_t { school_year, subject, teacher, division, group, pupil, course };

std::string iso_or_empty(std::string_view text) {
  if (auto date = parse_iso_date(text.substr(0, 10))) return *date;
  return {};
}

std::string id_of(std::string_view kind, std::string_view ident) {
  std::string id;
  id.reserve(kind.size() + 1 + ident.size());
  id.append(kind).append(1, ':').append(ident);
  return id;
}

// Each list in id order, without repeats (a group may list a part twice).
void sort_unique(std::unordered_map<std::string, std::vector<std::string>>& lists) {
  for (auto& [key, list] : lists) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

// A pupil's link to a part of a class, expanded into group memberships at the end.
struct PartLink {
  std::string pupil_id;
  std::string part;
  std::string entry_date;
  std::string exit_date;
  std::uint32_t line = 0;
};

class EdtParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"AnneeScolaire"},     {"Matieres", "Matiere"}, {"Professeurs", "Professeur"},
        {"Classes", "Classe"}, {"Groupes", "Groupe"},   {"Eleves", "Eleve"},
        {"Cours", "Cours"},
    };
    return paths;
  }
  bool has_parametres() const override { return false; }

  void on_root(const xml::Node& root) override {
    header_.uai = std::string(trim(root.attr("UAI")));
    header_.version = std::string(root.attr("Version"));
    header_.line = root.line();
  }
  ExportHeader header() const override { return header_; }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    switch (path_index) {
      case school_year: read_school_year(record); break;
      case subject: read_subject(record); break;
      case teacher: read_teacher(record); break;
      case division: read_division(record); break;
      case group: read_group(record); break;
      case pupil: read_pupil(record); break;
      case course: read_course(record); break;
      default: break;
    }
  }

  std::uint64_t main_records() const override { return data_.pupils.size(); }

  ExportData take() override {
    expand_parts();
    return std::move(data_);
  }

 private:
  // The school year starts in August or later: DateDebut 2025-09-01 is year 2025.
  void read_school_year(const xml::Node& record) {
    const std::string start = iso_or_empty(record.attr("DateDebut"));
    if (start.empty()) return;
    const int year = std::stoi(start.substr(0, 4));
    const int month = std::stoi(start.substr(5, 2));
    header_.school_year = std::to_string(month >= 8 ? year : year - 1);
  }

  // The record's Ident, or an issue and nothing.
  std::string_view ident(const xml::Node& record, std::string_view element, bool feminine) {
    const std::string_view value = trim(record.attr("Ident"));
    if (value.empty()) issue_without(record, element, "Ident", feminine);
    return value;
  }

  void read_subject(const xml::Node& record) {
    const auto value = ident(record, "Matiere", true);
    if (value.empty()) return;
    data_.subjects.push_back({id_of("matiere", value),
                              std::string(trim(record.attr("Code"))),
                              {},
                              std::string(trim(record.attr("Libelle")))});
  }

  bool read_person(const xml::Node& record, std::string_view element, std::string_view kind,
                   TimetablePerson& person) {
    const auto value = ident(record, element, false);
    if (value.empty()) return false;
    person.id = id_of(kind, value);
    person.surname = trim(record.attr("Nom"));
    person.given_name = trim(record.attr("Prenom"));
    for (std::string_view name :
         {std::string_view(person.surname), std::string_view(person.given_name)}) {
      if (text::Message defect = name_defect(element, name); !defect.empty()) {
        issue(record, std::move(defect));
        return false;
      }
    }
    person.birth_date = iso_or_empty(record.attr("DateNaissance"));
    for (std::string_view ine : {record.attr("INE"), record.attr("NumeroNational")}) {
      if (looks_like_ine(trim(ine))) {
        person.ine = trim(ine);
        break;
      }
    }
    person.line = static_cast<std::uint32_t>(record.line());
    return true;
  }

  void read_teacher(const xml::Node& record) {
    TimetablePerson person;
    if (read_person(record, "Professeur", "professeur", person)) {
      data_.teachers.push_back(std::move(person));
    }
  }

  TimetableStructure* read_structure(const xml::Node& record, std::string_view element,
                                     std::string_view kind, model::StructureKind structure_kind) {
    const auto value = ident(record, element, false);
    if (value.empty()) return nullptr;
    const std::string_view name = trim(record.attr("Nom"));
    if (name.empty()) {
      issue_without(record, element, "Nom");
      return nullptr;
    }
    TimetableStructure& structure = data_.structures.emplace_back();
    structure.id = id_of(kind, value);
    structure.kind = structure_kind;
    structure.code = name;
    structure.label = name;
    structure.line = static_cast<std::uint32_t>(record.line());
    return &structure;
  }

  void read_division(const xml::Node& record) {
    const TimetableStructure* structure =
        read_structure(record, "Classe", "classe", model::StructureKind::division);
    if (structure == nullptr) return;
    record.for_each_child("PartieDeClasse", [&](const xml::Node& part) {
      const std::string_view value = trim(part.attr("Ident"));
      if (!value.empty()) class_of_part_[std::string(value)] = structure->id;
    });
  }

  void read_group(const xml::Node& record) {
    const TimetableStructure* structure =
        read_structure(record, "Groupe", "groupe", model::StructureKind::group);
    if (structure == nullptr) return;
    const std::string id = structure->id;
    const auto line = static_cast<std::uint32_t>(record.line());
    record.for_each_child([&](const xml::Node& child) {
      const std::string value(trim(child.attr("Ident")));
      if (value.empty()) return;
      if (child.name() == "PartieDeClasse") {
        groups_of_part_[value].push_back(id);
      } else if (child.name() == "Classe") {
        groups_of_class_[id_of("classe", value)].push_back(id);
      } else if (child.name() == "Eleve") {
        data_.memberships.push_back({id_of("eleve", value), id, {}, {}, line});
      }
    });
  }

  void read_pupil(const xml::Node& record) {
    TimetablePerson person;
    if (!read_person(record, "Eleve", "eleve", person)) return;
    record.for_each_child([&](const xml::Node& child) {
      const std::string_view value = trim(child.attr("Ident"));
      if (value.empty()) return;
      const auto line = static_cast<std::uint32_t>(child.line());
      std::string entry = iso_or_empty(child.attr("DateEntree"));
      std::string exit = iso_or_empty(child.attr("DateSortie"));
      if (child.name() == "Classe") {
        data_.memberships.push_back(
            {person.id, id_of("classe", value), std::move(entry), std::move(exit), line});
      } else if (child.name() == "PartieDeClasse") {
        part_links_.push_back(
            {person.id, std::string(value), std::move(entry), std::move(exit), line});
      }
    });
    data_.pupils.push_back(std::move(person));
  }

  // One service per teacher and audience (class or group) of the course; parts of classes and
  // the other children (rooms, labels) say nothing about who teaches whom.
  void read_course(const xml::Node& record) {
    std::string subject_id;
    std::vector<std::string> teachers;
    std::vector<std::string> audiences;
    record.for_each_child([&](const xml::Node& child) {
      const std::string_view value = trim(child.attr("Ident"));
      if (value.empty()) return;
      if (child.name() == "Matiere") subject_id = id_of("matiere", value);
      if (child.name() == "Professeur") teachers.push_back(id_of("professeur", value));
      if (child.name() == "Classe") audiences.push_back(id_of("classe", value));
      if (child.name() == "Groupe") audiences.push_back(id_of("groupe", value));
    });
    if (subject_id.empty() || teachers.empty() || audiences.empty()) return;
    for (const auto& teacher_id : teachers) {
      for (const auto& audience : audiences) {
        TimetableService& service = data_.services.emplace_back();
        service.teacher_id = teacher_id;
        service.subject_id = subject_id;
        service.structure_id = audience;
        service.line = static_cast<std::uint32_t>(record.line());
        if (!unique_services_.last_is_new()) data_.services.pop_back();
      }
    }
  }

  // Parts of classes into group memberships: a pupil in a part is in every group listing that
  // part, and in every group listing the part's class.
  void expand_parts() {
    sort_unique(groups_of_part_);
    sort_unique(groups_of_class_);
    for (const auto& link : part_links_) {
      const auto found = groups_of_part_.find(link.part);
      if (found == groups_of_part_.end()) continue;
      for (const auto& group_id : found->second) {
        data_.memberships.push_back(
            {link.pupil_id, group_id, link.entry_date, link.exit_date, link.line});
      }
    }
    // Whole classes listed by a group: every pupil of the class, with the class link's dates.
    const std::size_t class_links = groups_of_class_.empty() ? 0 : data_.memberships.size();
    for (std::size_t i = 0; i < class_links; ++i) {
      if (!data_.memberships[i].structure_id.starts_with("classe:")) continue;
      const auto found = groups_of_class_.find(data_.memberships[i].structure_id);
      if (found == groups_of_class_.end()) continue;
      for (const auto& group_id : found->second) {
        TimetableMembership membership = data_.memberships[i];
        membership.structure_id = group_id;
        data_.memberships.push_back(std::move(membership));
      }
    }
    add_group_divisions();
    part_links_.clear();
  }

  // A group's classes: those its parts (or whole classes) belong to, by code.
  void add_group_divisions() {
    std::unordered_map<std::string, std::string> code_of;
    for (const auto& structure : data_.structures) code_of[structure.id] = structure.code;
    std::map<std::string, std::set<std::string>> divisions_of_group;
    for (const auto& [part, groups] : groups_of_part_) {
      const auto division = class_of_part_.find(part);
      if (division == class_of_part_.end()) continue;
      for (const auto& group_id : groups) divisions_of_group[group_id].insert(division->second);
    }
    for (const auto& [division, groups] : groups_of_class_) {
      for (const auto& group_id : groups) divisions_of_group[group_id].insert(division);
    }
    for (auto& structure : data_.structures) {
      const auto found = divisions_of_group.find(structure.id);
      if (found == divisions_of_group.end()) continue;
      for (const auto& division : found->second) {
        if (const auto code = code_of.find(division); code != code_of.end()) {
          structure.divisions.push_back(code->second);
        }
      }
    }
  }

  ExportHeader header_;
  TimetableExport data_;
  std::vector<PartLink> part_links_;
  std::unordered_map<std::string, std::string> class_of_part_;
  // Group ids by part or class, in id order once expand_parts has sorted them.
  std::unordered_map<std::string, std::vector<std::string>> groups_of_part_;
  std::unordered_map<std::string, std::vector<std::string>> groups_of_class_;
  UniqueServices unique_services_{data_.services};
};

}  // namespace

std::unique_ptr<KindParser> make_edt_parser() {
  return std::make_unique<EdtParser>();
}

}  // namespace edusync::sources
