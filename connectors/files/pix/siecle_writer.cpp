#include "connectors/files/pix/siecle_writer.hpp"

#include "common/text.hpp"

namespace edusync::connectors::files {
namespace {

void element(std::string& out, const char* indent, const char* name, const std::string& value) {
  out += indent;
  if (value.empty()) {
    out += std::string("<") + name + "/>\n";
    return;
  }
  out += std::string("<") + name + ">" + xml_escape(value) + "</" + name + ">\n";
}

void pupil_element(std::string& out, const PupilView& view) {
  const auto& x = *view.pupil;
  out += "\t\t\t<ELEVE ELEVE_ID=\"" + xml_escape(x.eleve_id) + "\" ELENOET=\"" +
         xml_escape(x.elenoet) + "\">\n";
  const char* in = "\t\t\t\t";
  element(out, in, "ID_NATIONAL", x.key);
  element(out, in, "ELENOET", x.elenoet);
  element(out, in, "NOM_DE_FAMILLE", x.birth_surname.empty() ? x.surname : x.birth_surname);
  if (!x.birth_surname.empty() && x.surname != x.birth_surname)
    element(out, in, "NOM_USAGE", x.surname);
  element(out, in, "PRENOM", x.given_name);
  const auto [second, third] = second_and_third_names(x.other_given_names);
  if (!second.empty()) element(out, in, "PRENOM2", second);
  if (!third.empty()) element(out, in, "PRENOM3", third);
  element(out, in, "DATE_NAISS", french_date(x.birth_date));
  element(out, in, "CODE_PAYS", x.birth_country);
  element(out, in, "MEL", x.email);
  element(out, in, "CODE_SEXE", x.sex == model::Sex::male ? "1" : "2");
  element(out, in, "CODE_STATUT", x.status);
  element(out, in, "CODE_MEF", x.mef);
  element(out, in, "CODE_DEPARTEMENT_NAISS", x.birth_department);
  element(out, in, "CODE_COMMUNE_INSEE_NAISS", x.birth_commune);
  if (!x.birth_city.empty()) element(out, in, "VILLE_NAISS", x.birth_city);
  out += "\t\t\t</ELEVE>\n";
}

void structure_element(std::string& out, const PupilView& view) {
  const auto& x = *view.pupil;
  out += "\t\t\t<STRUCTURES_ELEVE ELEVE_ID=\"" + xml_escape(x.eleve_id) + "\" ELENOET=\"" +
         xml_escape(x.elenoet) + "\">\n\t\t\t\t<STRUCTURE>\n";
  element(out, "\t\t\t\t\t", "CODE_STRUCTURE", view.division);
  element(out, "\t\t\t\t\t", "TYPE_STRUCTURE", "D");
  out += "\t\t\t\t</STRUCTURE>\n\t\t\t</STRUCTURES_ELEVE>\n";
}

}  // namespace

std::string siecle_eleves_xml(const SiecleHeader& header,
                              const std::vector<const PupilView*>& pupils) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_ELEVES "
      "VERSION=\"3.0\">\n\t<PARAMETRES>\n";
  element(out, "\t\t", "UAJ", header.uai);
  element(out, "\t\t", "ANNEE_SCOLAIRE", header.school_year);
  element(out, "\t\t", "DATE_EXPORT", french_date(header.export_date));
  element(out, "\t\t", "HORODATAGE", french_date(header.export_date) + " 00:00:00");
  out += "\t</PARAMETRES>\n\t<DONNEES>\n\t\t<ELEVES>\n";
  for (const auto* p : pupils) pupil_element(out, *p);
  out += "\t\t</ELEVES>\n\t\t<STRUCTURES>\n";
  for (const auto* p : pupils) structure_element(out, *p);
  out += "\t\t</STRUCTURES>\n\t</DONNEES>\n</BEE_ELEVES>\n";
  return out;
}

}  // namespace edusync::connectors::files
