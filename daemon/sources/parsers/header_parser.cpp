#include "common/dates.hpp"
#include "sources/parsers/kind_parser.hpp"

namespace edusync::sources {

ExportHeader parse_bee_header(const xml::Node& parametres) {
  ExportHeader header;
  header.uai = parametres.child_text("UAJ");
  header.school_year = parametres.child_text("ANNEE_SCOLAIRE");
  header.timestamp = parametres.child_text("HORODATAGE");
  if (auto date = parse_french_date(parametres.child_text("DATE_EXPORT"))) {
    header.export_date = *date;
  } else if (auto stamp = parse_french_date(header.timestamp)) {
    header.export_date = *stamp;
  }
  header.line = parametres.line();
  return header;
}

void read_bee_surnames(const xml::Node& person, std::string& surname, std::string& birth_surname) {
  std::string_view birth = person.child_text("NOM_DE_FAMILLE");
  if (birth.empty()) birth = person.child_text("NOM");
  const std::string_view usage = person.child_text("NOM_USAGE");
  birth_surname = birth;
  surname = usage.empty() ? birth : usage;
}

ExportHeader parse_sts_header(const xml::Node& parametres) {
  ExportHeader header;
  header.uai = parametres.child("UAJ").attr("CODE");
  header.school_year = parametres.child("ANNEE_SCOLAIRE").attr("ANNEE");
  header.line = parametres.line();
  return header;
}

}  // namespace edusync::sources
