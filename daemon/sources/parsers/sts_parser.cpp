// STS_EDT (sts_emp_<UAI>_<year>.xml, STS-web "Exports > Emploi du temps"), docs/input.md §2:
// staff (INDIVIDU, and SUPPLEANT in newer exports), subjects, MEFs, divisions and groups with
// their teaching services (SERVICE@CODE_MATIERE / ENSEIGNANTS / ENSEIGNANT@ID -> INDIVIDU@ID).
#include "common/dates.hpp"
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

enum Path : std::size_t { kParametres, kMatiere, kMef, kIndividu, kSuppleant, kDivision, kGroupe };

class StsParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"PARAMETRES"},
        {"NOMENCLATURES", "MATIERES", "MATIERE"},
        {"NOMENCLATURES", "MEFS", "MEF"},
        {"DONNEES", "INDIVIDUS", "INDIVIDU"},
        {"DONNEES", "SUPPLEANTS", "SUPPLEANT"},
        {"DONNEES", "STRUCTURE", "DIVISIONS", "DIVISION"},
        {"DONNEES", "STRUCTURE", "GROUPES", "GROUPE"}};
    return paths;
  }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    switch (path_index) {
      case kMatiere: read_subject(record); break;
      case kMef: read_mef(record); break;
      case kIndividu:
      case kSuppleant: read_individual(record); break;
      case kDivision: read_division(record); break;
      case kGroupe: read_group(record); break;
      default: break;
    }
  }

  std::uint64_t main_records() const override { return individuals_read_; }
  ExportData take() override { return std::move(data_); }

 private:
  void read_subject(const xml::Node& matiere);
  void read_mef(const xml::Node& mef);
  void read_individual(const xml::Node& individu);
  void read_division(const xml::Node& division);
  void read_group(const xml::Node& groupe);
  void read_services(const xml::Node& structure, model::StructureKind kind, std::string_view code);

  StsExport data_;
  std::uint64_t individuals_read_ = 0;
};

void StsParser::read_subject(const xml::Node& matiere) {
  const std::string_view code = matiere.attr("CODE");
  if (code.empty()) return issue_without(matiere, "MATIERE", "CODE", true);
  data_.subjects.push_back({std::string(code), std::string(matiere.child_text("CODE_GESTION")),
                            std::string(matiere.child_text("LIBELLE_COURT")),
                            std::string(matiere.child_text("LIBELLE_LONG"))});
}

void StsParser::read_mef(const xml::Node& mef) {
  const std::string_view code = mef.attr("CODE");
  if (code.empty()) return issue_without(mef, "MEF", "CODE");
  data_.mefs.push_back({std::string(code), std::string(mef.child_text("FORMATION")),
                        std::string(mef.child_text("LIBELLE_LONG"))});
}

void StsParser::read_individual(const xml::Node& individu) {
  ++individuals_read_;
  StaffRecord record;
  model::Staff& staff = record.staff;
  staff.sts_id = individu.attr("ID");
  if (staff.sts_id.empty()) return issue_without(individu, "INDIVIDU", "ID");
  if (refuse_bad_names(individu, {"NOM_USAGE", "NOM_PATRONYMIQUE", "PRENOM"},
                       text::message("input.who.staff", {text::arg("id", staff.sts_id)}),
                       "STS-web")) {
    return;
  }
  staff.key = "sts:" + staff.sts_id;
  staff.sts_type = individu.attr("TYPE");
  const std::string_view sex = individu.child_text("SEXE");
  staff.sex = sex == "1" ? model::Sex::male : sex == "2" ? model::Sex::female : model::Sex::unknown;
  staff.civility = individu.child_text("CIVILITE");
  staff.surname = individu.child_text("NOM_USAGE");
  staff.birth_surname = individu.child_text("NOM_PATRONYMIQUE");
  if (staff.surname.empty()) staff.surname = staff.birth_surname;
  staff.given_name = individu.child_text("PRENOM");
  if (auto date = parse_iso_date(individu.child_text("DATE_NAISSANCE"))) staff.birth_date = *date;
  staff.function = individu.child_text("FONCTION");
  staff.grade = individu.child_text("GRADE");
  staff.origin.line = static_cast<std::uint32_t>(individu.line());
  individu.child("PROFS_PRINC").for_each_child("PROF_PRINC", [&](const xml::Node& role) {
    const std::string_view code = role.child_text("CODE_STRUCTURE");
    if (!code.empty()) record.head_teacher_of.emplace_back(code);
  });
  data_.staff.push_back(std::move(record));
}

void StsParser::read_division(const xml::Node& division) {
  const std::string_view code = division.attr("CODE");
  if (code.empty()) return issue_without(division, "DIVISION", "CODE", true);
  model::Division out{{}, std::string(code), std::string(division.child_text("LIBELLE_LONG")), {}};
  division.child("MEFS_APPARTENANCE").for_each_child("MEF_APPARTENANCE", [&](const xml::Node& mef) {
    if (!mef.attr("CODE").empty()) out.mefs.emplace_back(mef.attr("CODE"));
  });
  data_.divisions.push_back(std::move(out));
  read_services(division, model::StructureKind::division, code);
}

void StsParser::read_group(const xml::Node& groupe) {
  const std::string_view code = groupe.attr("CODE");
  if (code.empty()) return issue_without(groupe, "GROUPE", "CODE");
  model::Group out{{}, std::string(code), std::string(groupe.child_text("LIBELLE_LONG")), {}};
  groupe.child("DIVISIONS_APPARTENANCE")
      .for_each_child("DIVISION_APPARTENANCE", [&](const xml::Node& division) {
        if (!division.attr("CODE").empty()) out.divisions.emplace_back(division.attr("CODE"));
      });
  data_.groups.push_back(std::move(out));
  read_services(groupe, model::StructureKind::group, code);
}

void StsParser::read_services(const xml::Node& structure, model::StructureKind kind,
                              std::string_view code) {
  structure.child("SERVICES").for_each_child("SERVICE", [&](const xml::Node& service) {
    const std::string_view subject = service.attr("CODE_MATIERE");
    if (subject.empty()) return issue_without(service, "SERVICE", "CODE_MATIERE");
    service.child("ENSEIGNANTS").for_each_child("ENSEIGNANT", [&](const xml::Node& teacher) {
      const std::string_view id = teacher.attr("ID");
      if (id.empty()) return issue_without(teacher, "ENSEIGNANT", "ID");
      data_.services.push_back({std::string(id), kind, std::string(code), std::string(subject),
                                std::string(service.attr("CODE_MOD_COURS")),
                                static_cast<std::uint32_t>(teacher.line())});
    });
  });
}

}  // namespace

std::unique_ptr<KindParser> make_sts_parser() {
  return std::make_unique<StsParser>();
}

}  // namespace edusync::sources
