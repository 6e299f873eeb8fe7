#include <cctype>
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

namespace edusync::sources {
namespace {

// The archive's or the file's own name, without folders or a zip member.
std::string_view own_name(std::string_view display_name) {
  if (const auto colon = display_name.find(".zip:"); colon != std::string_view::npos) {
    display_name = display_name.substr(0, colon + 4);
  }
  if (const auto slash = display_name.rfind('/'); slash != std::string_view::npos) {
    display_name.remove_prefix(slash + 1);
  }
  return display_name;
}

}  // namespace

void read_drop_name(std::string_view display_name, ExportHeader& header) {
  const std::string_view name = own_name(display_name);
  if (name.size() < 9 || name[8] != '_' || !is_uai(name.substr(0, 8))) return;
  header.uai = std::string(name.substr(0, 8));
  header.uai[7] = static_cast<char>(std::toupper(static_cast<unsigned char>(header.uai[7])));
  const std::string_view stamp = name.substr(9, 14);
  if (stamp.size() == 14 && all_digits(stamp)) {
    const std::string iso = std::string(stamp.substr(0, 4)) + "-" +
                            std::string(stamp.substr(4, 2)) + "-" + std::string(stamp.substr(6, 2));
    if (auto date = parse_iso_date(iso)) header.export_date = std::move(*date);
  }
}

bool is_udt_member(std::string_view display_name) {
  const auto colon = display_name.rfind(':');
  if (colon == std::string_view::npos) return false;
  std::string member(display_name.substr(colon + 1));
  if (const auto slash = member.rfind('/'); slash != std::string::npos) member.erase(0, slash + 1);
  for (char& c : member) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return member.starts_with("udcal_") && member.ends_with(".xml");
}

bool looks_like_ine(std::string_view text) {
  if (text.size() != 11) return false;
  bool digit = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c < 'A' || c > 'Z') {
      return false;
    }
  }
  return digit;
}

}  // namespace edusync::sources
