// BEE_RESPONSABLES (ResponsablesAvecAdresses.xml / ResponsablesSansAdresses.xml), docs/input.md
// §1.3. Links come in two incompatible formats: post-2018 NIVEAU_RESPONSABILITE (1 légal,
// 2 personne en charge, 3 contact) and pre-2018 RESP_LEGAL (1 or 2 légal, 0 not legal).
// Both may be replayed, so both are read; the format is decided per link, not per file.
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {
namespace {

class ResponsablesParser final : public KindParser {
 public:
  const std::vector<xml::RecordPath>& record_paths() const override {
    static const std::vector<xml::RecordPath> paths = {
        {"PARAMETRES"},
        {"DONNEES", "PERSONNES", "PERSONNE"},
        {"DONNEES", "RESPONSABLES", "RESPONSABLE_ELEVE"}};
    return paths;
  }

  void on_record(std::size_t path_index, const xml::Node& record) override {
    if (path_index == 1) read_person(record);
    if (path_index == 2) read_link(record);
  }

  std::uint64_t main_records() const override { return persons_read_; }
  ExportData take() override { return std::move(data_); }

 private:
  void read_person(const xml::Node& personne);
  void read_link(const xml::Node& link);
  bool read_responsibility(const xml::Node& link, LinkRecord& record);

  ResponsablesExport data_;
  std::uint64_t persons_read_ = 0;
};

void ResponsablesParser::read_person(const xml::Node& personne) {
  ++persons_read_;
  PersonRecord record;
  model::Contact& person = record.person;
  person.personne_id = personne.attr("PERSONNE_ID");
  if (person.personne_id.empty()) {
    issue(personne, text::message("input.person.no_id"));
    return;
  }
  // No key here: PERSONNE_ID is local to the school, assemble/ keys the person with its UAI.
  person.civility = personne.child_text("LC_CIVILITE");
  read_bee_surnames(personne, person.surname, person.birth_surname);
  person.given_name = personne.child_text("PRENOM");
  person.mobile = personne.child_text("TEL_PORTABLE");
  person.phone_home = personne.child_text("TEL_PERSONNEL");
  person.phone_work = personne.child_text("TEL_PROFESSIONNEL");
  person.email = personne.child_text("MEL");
  person.origin.line = static_cast<std::uint32_t>(personne.line());
  if (refuse_bad_names(personne, {"NOM_USAGE", "NOM_DE_FAMILLE", "NOM", "PRENOM"},
                       text::message("input.who.person", {text::arg("id", person.personne_id)}),
                       "SIECLE")) {
    return;
  }
  data_.persons.push_back(std::move(record));
}

void ResponsablesParser::read_link(const xml::Node& link) {
  LinkRecord record;
  record.eleve_id = link.child_text("ELEVE_ID");
  record.personne_id = link.child_text("PERSONNE_ID");
  record.line = static_cast<std::uint32_t>(link.line());
  if (record.eleve_id.empty() || record.personne_id.empty()) {
    issue(link, text::message("input.link.missing_ids"));
    return;
  }
  if (!read_responsibility(link, record)) return;
  record.kinship = link.child_text("CODE_PARENTE");
  data_.links.push_back(std::move(record));
}

bool ResponsablesParser::read_responsibility(const xml::Node& link, LinkRecord& record) {
  const std::string_view level = link.child_text("NIVEAU_RESPONSABILITE");
  const std::string_view legal = link.child_text("RESP_LEGAL");
  using model::Responsibility;
  if (!level.empty()) {
    if (level == "1")
      record.responsibility = Responsibility::legal;
    else if (level == "2")
      record.responsibility = Responsibility::in_charge;
    else if (level == "3")
      record.responsibility = Responsibility::contact;
    else {
      issue(link, text::message("input.link.unknown_level",
                                {text::arg("level", std::string(level)),
                                 text::arg("eleve_id", record.eleve_id),
                                 text::arg("personne_id", record.personne_id)}));
      return false;
    }
    record.pays_fees = link.child_text("PAIE_FRAIS_SCOLAIRES") == "1";
    return true;
  }
  if (legal.empty() || (legal != "0" && legal != "1" && legal != "2")) {
    issue(link,
          text::message("input.link.no_level", {text::arg("eleve_id", record.eleve_id),
                                                text::arg("personne_id", record.personne_id)}));
    return false;
  }
  record.pre_2018 = true;
  record.responsibility = legal == "0" ? Responsibility::contact : Responsibility::legal;
  record.pays_fees = link.child_text("RESP_FINANCIER") == "1";
  return true;
}

}  // namespace

std::unique_ptr<KindParser> make_responsables_parser() {
  return std::make_unique<ResponsablesParser>();
}

}  // namespace edusync::sources
