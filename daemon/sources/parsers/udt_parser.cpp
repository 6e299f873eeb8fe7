// One UDCal_*.xml member of an UnDeuxTemps (UDT) export, a zip. No public source documents the
// members' roots or how their tables are spread (pupils, groups and memberships come in
// different members), so rows are read by element name at any depth, whatever the root, and
// their data are attributes. Rows read:
//   eleve    code, nom, prenom, naissance (dd/MM/yyyy or ISO), ine (kept only when valid)
//   prof     code, nom, prenom, date_naissance
//   mat      code, libelle, code_gep1 (the national code)
//   div      code, libelle                                   -> a division
//   gpe      code, code_div, code_sts, libelle               -> a group of one division
//   rgpmt    code, nom, code_gpe, code_div                   -> a group uniting groups or classes
//   ele_gpe  ele, gpe, code_div, theorique                   -> a membership
//   ligfiche prof, mat, div, gpe, rgpmt                      -> a service
// Other elements and attributes are ignored.
//
// Id scheme. References cross members (ele_gpe in one refers to eleve and gpe of others), so
// every member builds ids the same way and assemble/ resolves them once the TimetableExports of
// one archive are concatenated:
//   pupil          "eleve:" + eleve@code            referred to by ele_gpe@ele
//   teacher        "prof:" + prof@code              ligfiche@prof
//   subject        "mat:" + mat@code                ligfiche@mat
//   division       "div:" + div@code                ele_gpe@code_div (no gpe), ligfiche@div
//   group          "gpe:" + code_div + ":" + code   ele_gpe@code_div+gpe, ligfiche@div+gpe,
//                                                   rgpmt@code_div+code_gpe
//   regroupement   "rgpmt:" + rgpmt@code            ligfiche@rgpmt ("0" there means none)
// A group's code is local to its division (two classes both have a group "1"), hence the
// division in its id. Inside an id each code has '%' written "%25" and ':' written "%3A", so
// that two different pairs of codes never give one id.
//
// Codes of structures: a division's is div@code (SIECLE's code, UDT imports it from there); a
// group's is gpe@code_sts, the STS-web code, when UDT has one; without it the group is still
// kept, as "<code_div> <code>", so that the join reports it as unknown to SIECLE and STS-web
// (ENT importers drop such groups, which hides them). A regroupement is one structure however
// many rows name it (one row per group or class it unites): its code is rgpmt@nom (else its
// code) and its divisions are the code_div of its rows. Its pupils are those of the groups and
// classes its rows name (code_gpe in code_div, or the whole code_div), listed as its parts.
//
// Rows skipped: a row without its key attribute (code; ele and code_div for an ele_gpe;
// code_div for a gpe) gives an issue. An ele_gpe with theorique="0" is skipped silently, as ENT
// importers do; so is a ligfiche without prof (a slot no teacher holds says nothing about who
// teaches whom). A ligfiche without mat, or naming no structure, gives an issue. A pupil or
// teacher whose name no person can have (see name_defect) gives an issue.
#include <algorithm>
#include <unordered_map>

#include "common/dates.hpp"
#include "common/text.hpp"
#include "sources/parsers/kind_parser.hpp"
#include "sources/parsers/unique_records.hpp"

namespace edusync::sources {
namespace {

enum Path : std::size_t {
  pupil,
  teacher,
  subject,
  division,
  group,
  regroupement,
  membership,
  line
};

constexpr std::string_view kSource = "UDT";

// "kind:code[:code]", each code escaped so that the separator cannot occur inside one.
std::string id_of(std::string_view kind, std::initializer_list<std::string_view> codes) {
  std::size_t size = kind.size();
  for (const std::string_view code : codes) size += 1 + code.size();
  std::string id;
  id.reserve(size);
  id.append(kind);
  for (std::string_view code : codes) {
    id += ':';
    for (auto special = code.find_first_of("%:"); special != std::string_view::npos;
         special = code.find_first_of("%:")) {
      id.append(code.substr(0, special)).append(code[special] == '%' ? "%25" : "%3A");
      code.remove_prefix(special + 1);
    }
    id.append(code);
  }
  return id;
}

std::string group_id(std::string_view division_code, std::string_view group_code) {
  return id_of("gpe", {division_code, group_code});
}

// ligfiche@rgpmt and the like: "0" stands for none.
bool names_one(std::string_view code) {
  return !code.empty() && code != "0";
}

class UdtParser final : public KindParser {
 public:
  UdtParser() { data_.origin = model::Origin::udt; }

  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {xml::kAnyDepth, "eleve"},   {xml::kAnyDepth, "prof"},     {xml::kAnyDepth, "mat"},
        {xml::kAnyDepth, "div"},     {xml::kAnyDepth, "gpe"},      {xml::kAnyDepth, "rgpmt"},
        {xml::kAnyDepth, "ele_gpe"}, {xml::kAnyDepth, "ligfiche"},
    };
    return paths;
  }
  bool has_parametres() const override { return false; }

  // No UAI, no date: the dispatcher takes them from the drop name.
  void on_root(const xml::Node& root) override { header_.line = root.line(); }
  ExportHeader header() const override { return header_; }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    ++rows_;
    switch (path_index) {
      case pupil: read_pupil(record); break;
      case teacher: read_teacher(record); break;
      case subject: read_subject(record); break;
      case division: read_division(record); break;
      case group: read_group(record); break;
      case regroupement: read_regroupement(record); break;
      case membership: read_membership(record); break;
      case line: read_course_line(record); break;
      default: break;
    }
  }

  std::uint64_t main_records() const override { return rows_; }

  ExportData take() override { return std::move(data_); }

 private:
  // The attribute, or an issue and an empty view when the row lacks it.
  std::string_view required(const xml::Node& record, std::string_view attribute,
                            bool feminine = false) {
    const std::string_view value = record.attr(attribute);
    if (value.empty()) issue_without(record, record.name(), attribute, feminine);
    return value;
  }

  // The date of `attribute` in ISO form; empty, with an issue when it is written but unreadable.
  std::string date_of(const xml::Node& record, std::string_view attribute, std::string_view code) {
    const std::string_view value = record.attr(attribute);
    if (value.empty()) return {};
    if (auto date = parse_french_date(value)) return *date;
    if (auto date = parse_iso_date(value.substr(0, 10))) return *date;
    issue(record, text::message("input.timetable.bad_date",
                                {text::arg("element", std::string(record.name())),
                                 text::arg("id", std::string(code)),
                                 text::arg("attribute", std::string(attribute)),
                                 text::arg("value", std::string(value))}));
    return {};
  }

  // Code, names and birth date of an eleve or a prof; false (with an issue) when unusable.
  bool read_person(const xml::Node& record, std::string_view kind, std::string_view birth,
                   const char* who, TimetablePerson& person) {
    const std::string_view code = required(record, "code");
    if (code.empty()) return false;
    for (const std::string_view attribute : {"nom", "prenom"}) {
      text::Message defect = name_defect(attribute, record.attr(attribute));
      if (defect.empty()) continue;
      issue(record,
            text::message(
                "input.name.refused",
                {text::nested("who", text::message(who, {text::arg("id", std::string(code))})),
                 text::nested("defect", std::move(defect)),
                 text::arg("source", std::string(kSource))}));
      return false;
    }
    person.id = id_of(kind, {code});
    person.surname = record.attr("nom");
    person.given_name = record.attr("prenom");
    person.birth_date = date_of(record, birth, code);
    person.line = static_cast<std::uint32_t>(record.line());
    return true;
  }

  void read_pupil(const xml::Node& record) {
    TimetablePerson person;
    if (!read_person(record, "eleve", "naissance", "input.timetable.who.pupil", person)) return;
    if (const std::string_view ine = record.attr("ine"); looks_like_ine(ine)) person.ine = ine;
    data_.pupils.push_back(std::move(person));
  }

  void read_teacher(const xml::Node& record) {
    TimetablePerson person;
    if (read_person(record, "prof", "date_naissance", "input.timetable.who.teacher", person)) {
      data_.teachers.push_back(std::move(person));
    }
  }

  void read_subject(const xml::Node& record) {
    const std::string_view code = required(record, "code", true);  // la matière
    if (code.empty()) return;
    data_.subjects.push_back({id_of("mat", {code}), std::string(code),
                              std::string(record.attr("code_gep1")),
                              std::string(record.attr("libelle"))});
  }

  TimetableStructure& add_structure(const xml::Node& record, std::string id,
                                    model::StructureKind kind, std::string_view code) {
    TimetableStructure& structure = data_.structures.emplace_back();
    structure.id = std::move(id);
    structure.kind = kind;
    structure.code = code;
    structure.line = static_cast<std::uint32_t>(record.line());
    return structure;
  }

  void read_division(const xml::Node& record) {
    const std::string_view code = required(record, "code", true);  // la division
    if (code.empty()) return;
    TimetableStructure& structure =
        add_structure(record, id_of("div", {code}), model::StructureKind::division, code);
    structure.label = record.attr("libelle");
  }

  void read_group(const xml::Node& record) {
    const std::string_view code = required(record, "code");
    if (code.empty()) return;
    const std::string_view division_code = required(record, "code_div");
    if (division_code.empty()) return;
    const std::string_view sts = record.attr("code_sts");
    const std::string own = std::string(division_code) + " " + std::string(code);
    TimetableStructure& structure =
        add_structure(record, group_id(division_code, code), model::StructureKind::group,
                      sts.empty() ? std::string_view(own) : sts);
    structure.label = record.attr("libelle");
    if (structure.label.empty()) structure.label = record.attr("nom");
    structure.divisions.emplace_back(division_code);
  }

  // One row per group or class the regroupement unites: the first makes the structure, the
  // others add their division.
  void read_regroupement(const xml::Node& record) {
    const std::string_view code = required(record, "code");
    if (code.empty()) return;
    std::string id = id_of("rgpmt", {code});
    auto [found, added] = regroupements_.try_emplace(id, data_.structures.size());
    if (added) {
      const std::string_view name = record.attr("nom");
      TimetableStructure& structure = add_structure(
          record, std::move(id), model::StructureKind::group, name.empty() ? code : name);
      structure.label = name;
    }
    const std::string_view division_code = record.attr("code_div");
    if (division_code.empty()) return;
    TimetableStructure& structure = data_.structures[found->second];
    auto& divisions = structure.divisions;
    if (std::find(divisions.begin(), divisions.end(), division_code) == divisions.end()) {
      divisions.emplace_back(division_code);
    }
    const std::string_view group_code = record.attr("code_gpe");
    std::string part =
        names_one(group_code) ? group_id(division_code, group_code) : id_of("div", {division_code});
    if (std::find(structure.parts.begin(), structure.parts.end(), part) == structure.parts.end()) {
      structure.parts.push_back(std::move(part));
    }
  }

  // A pupil in a group of a division, or in the division itself when no group is named.
  void read_membership(const xml::Node& record) {
    const std::string_view pupil_code = required(record, "ele");
    if (pupil_code.empty()) return;
    if (record.attr("theorique") == "0") return;
    const std::string_view division_code = required(record, "code_div");
    if (division_code.empty()) return;
    const std::string_view group_code = record.attr("gpe");
    std::string structure_id =
        group_code.empty() ? id_of("div", {division_code}) : group_id(division_code, group_code);
    data_.memberships.push_back({id_of("eleve", {pupil_code}),
                                 std::move(structure_id),
                                 {},
                                 {},
                                 static_cast<std::uint32_t>(record.line())});
    if (!unique_memberships_.last_is_new()) data_.memberships.pop_back();
  }

  // The audience of a course line: its regroupement, else its group, else its division.
  std::string audience_of(const xml::Node& record) {
    if (const std::string_view code = record.attr("rgpmt"); names_one(code)) {
      return id_of("rgpmt", {code});
    }
    const std::string_view division_code = required(record, "div", true);  // la ligfiche
    if (division_code.empty()) return {};
    const std::string_view group_code = record.attr("gpe");
    return group_code.empty() ? id_of("div", {division_code}) : group_id(division_code, group_code);
  }

  void read_course_line(const xml::Node& record) {
    const std::string_view teacher_code = record.attr("prof");
    if (teacher_code.empty()) return;
    const std::string_view subject_code = required(record, "mat", true);
    if (subject_code.empty()) return;
    std::string structure_id = audience_of(record);
    if (structure_id.empty()) return;
    TimetableService& service = data_.services.emplace_back();
    service.teacher_id = id_of("prof", {teacher_code});
    service.subject_id = id_of("mat", {subject_code});
    service.structure_id = std::move(structure_id);
    service.line = static_cast<std::uint32_t>(record.line());
    if (!unique_services_.last_is_new()) data_.services.pop_back();
  }

  ExportHeader header_;
  TimetableExport data_;
  std::uint64_t rows_ = 0;
  std::unordered_map<std::string, std::size_t> regroupements_;  // id -> index in structures
  UniqueMemberships unique_memberships_{data_.memberships};
  UniqueServices unique_services_{data_.services};
};

}  // namespace

std::unique_ptr<KindParser> make_udt_parser() {
  return std::make_unique<UdtParser>();
}

}  // namespace edusync::sources
