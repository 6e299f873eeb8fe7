#include <cstdio>

#include "common/dates.hpp"
#include "common/text.hpp"
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

text::Message name_defect(std::string_view element, std::string_view text) {
  if (const char32_t control = first_c1_control(text)) {
    char code[12];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(control));
    return text::message("input.name.control_character",
                         {text::arg("element", std::string(element)), text::arg("code", code)});
  }
  if (const std::size_t length = count_code_points(text); length > kMaxNameLength) {
    return text::message("input.name.too_long", {text::arg("element", std::string(element)),
                                                 text::arg("length", std::to_string(length)),
                                                 text::arg("max", std::to_string(kMaxNameLength))});
  }
  return {};
}

bool KindParser::refuse_bad_names(const xml::Node& record,
                                  std::initializer_list<std::string_view> elements,
                                  text::Message who, std::string_view source) {
  for (const std::string_view element : elements) {
    text::Message defect = name_defect(element, record.child_text(element));
    if (defect.empty()) continue;
    // WHO the record is, its DEFECT and where to correct it (an application's name).
    issue(record, text::message("input.name.refused", {text::nested("who", std::move(who)),
                                                       text::nested("defect", std::move(defect)),
                                                       text::arg("source", std::string(source))}));
    return true;
  }
  return false;
}

ExportHeader parse_sts_header(const xml::Node& parametres) {
  ExportHeader header;
  header.uai = parametres.child("UAJ").attr("CODE");
  header.school_year = parametres.child("ANNEE_SCOLAIRE").attr("ANNEE");
  header.line = parametres.line();
  return header;
}

}  // namespace edusync::sources
