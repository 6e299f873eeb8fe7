// BEE_ELEVES (ElevesSansAdresses.xml / ElevesAvecAdresses.xml), docs/input.md §1.2.
// Class memberships live in the STRUCTURES section, after all ELEVE records and joined on
// ELEVE_ID; both sides are kept and joined by assemble/, whatever the section order.
#include <algorithm>

#include "common/dates.hpp"
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

model::Sex parse_sex(std::string_view code) {
  if (code == "1") return model::Sex::male;
  if (code == "2") return model::Sex::female;
  return model::Sex::unknown;
}

std::string join_given_names(std::string_view second, std::string_view third) {
  std::string names(second);
  if (!third.empty()) {
    if (!names.empty()) names += ' ';
    names += third;
  }
  return names;
}

class ElevesParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"PARAMETRES"},
        {"DONNEES", "ELEVES", "ELEVE"},
        {"DONNEES", "STRUCTURES", "STRUCTURES_ELEVE"}};
    return paths;
  }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    if (path_index == 1) read_pupil(record);
    if (path_index == 2) read_structures(record);
  }

  std::uint64_t main_records() const override { return pupils_read_; }
  ExportData take() override { return std::move(data_); }

 private:
  void read_pupil(const xml::Node& eleve);
  void read_names(const xml::Node& eleve, model::Pupil& pupil);
  void read_dates(const xml::Node& eleve, PupilRecord& record);
  void read_structures(const xml::Node& structures);

  ElevesExport data_;
  std::uint64_t pupils_read_ = 0;
};

void ElevesParser::read_pupil(const xml::Node& eleve) {
  ++pupils_read_;
  PupilRecord record;
  model::Pupil& pupil = record.pupil;
  pupil.eleve_id = eleve.attr("ELEVE_ID");
  if (pupil.eleve_id.empty()) {
    issue(eleve, text::message("input.pupil.no_id"));
    return;
  }
  if (refuse_bad_names(
          eleve, {"NOM_USAGE", "NOM_DE_FAMILLE", "NOM", "PRENOM", "PRENOM2", "PRENOM3"},
          text::message("input.who.pupil", {text::arg("id", pupil.eleve_id)}), "SIECLE")) {
    return;
  }
  pupil.elenoet = eleve.attr("ELENOET");
  if (pupil.elenoet.empty()) pupil.elenoet = eleve.child_text("ELENOET");
  record.id_national = eleve.child_text("ID_NATIONAL");
  record.ine_rnie = eleve.child_text("INE_RNIE");
  for (std::string_view ine : {std::string_view(record.id_national),
                               std::string_view(record.ine_rnie), eleve.child_text("INE_BEA")}) {
    if (!ine.empty() && std::find(pupil.ines.begin(), pupil.ines.end(), ine) == pupil.ines.end()) {
      pupil.ines.emplace_back(ine);
    }
  }
  read_names(eleve, pupil);
  read_dates(eleve, record);
  pupil.sex = parse_sex(eleve.child_text("CODE_SEXE"));
  pupil.mef = eleve.child_text("CODE_MEF");
  pupil.email = eleve.child_text("MEL");
  pupil.birth_country = eleve.child_text("CODE_PAYS");
  pupil.birth_department = eleve.child_text("CODE_DEPARTEMENT_NAISS");
  pupil.birth_commune = eleve.child_text("CODE_COMMUNE_INSEE_NAISS");
  pupil.birth_city = eleve.child_text("VILLE_NAISS");
  pupil.status = eleve.child_text("CODE_STATUT");
  pupil.origin.line = static_cast<std::uint32_t>(eleve.line());
  data_.pupils.push_back(std::move(record));
}

void ElevesParser::read_names(const xml::Node& eleve, model::Pupil& pupil) {
  read_bee_surnames(eleve, pupil.surname, pupil.birth_surname);
  pupil.given_name = eleve.child_text("PRENOM");
  pupil.other_given_names =
      join_given_names(eleve.child_text("PRENOM2"), eleve.child_text("PRENOM3"));
}

void ElevesParser::read_dates(const xml::Node& eleve, PupilRecord& record) {
  const std::string_view birth = eleve.child_text("DATE_NAISS");
  if (auto date = parse_french_date(birth)) {
    record.pupil.birth_date = *date;
  } else {
    record.raw_birth_date = birth;
  }
  const std::string_view exit = eleve.child_text("DATE_SORTIE");
  if (exit.empty()) return;
  if (auto date = parse_french_date(exit)) {
    record.pupil.exit_date = *date;
  } else {
    issue(eleve,
          text::message("input.pupil.bad_exit_date", {text::arg("raw", std::string(exit)),
                                                      text::arg("id", record.pupil.eleve_id)}));
  }
}

void ElevesParser::read_structures(const xml::Node& structures) {
  const std::string_view eleve_id = structures.attr("ELEVE_ID");
  if (eleve_id.empty()) {
    issue_without(structures, "STRUCTURES_ELEVE", "ELEVE_ID");
    return;
  }
  structures.for_each_child("STRUCTURE", [&](const xml::Node& structure) {
    const std::string_view code = structure.child_text("CODE_STRUCTURE");
    const std::string_view type = structure.child_text("TYPE_STRUCTURE");
    if (code.empty() || (type != "D" && type != "G")) {
      issue(structure,
            text::message("input.pupil.bad_structure", {text::arg("type", std::string(type)),
                                                        text::arg("id", std::string(eleve_id))}));
      return;
    }
    data_.structures.push_back({std::string(eleve_id), std::string(code), type[0],
                                static_cast<std::uint32_t>(structure.line())});
  });
}

}  // namespace

std::unique_ptr<KindParser> make_eleves_parser() {
  return std::make_unique<ElevesParser>();
}

}  // namespace edusync::sources
