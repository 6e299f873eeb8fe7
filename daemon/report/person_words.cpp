#include "report/person_words.hpp"

#include "report/labels.hpp"

namespace edusync::report {
namespace {

bool is_date_field(const std::string& field) {
  return field == "birth_date" || field == "exit_date";
}

std::string value_label(const std::string& language, const std::string& field,
                        const std::string& value) {
  if (value.empty()) return language == "en" ? "(empty)" : "(vide)";
  return is_date_field(field) ? date_label(language, value) : value;
}

}  // namespace

std::string group_of(const std::string& language, const PersonChange& change) {
  if (change.kind == "pupil" && !change.division.empty()) return change.division;
  return people_heading(language, change.kind);
}

std::string change_detail(const std::string& language, const PersonChange& change) {
  if (change.op == "departed" && !change.removal_on.empty()) {
    return (language == "en" ? "removal on " : "suppression le ") +
           date_label(language, change.removal_on);
  }
  std::string detail;
  for (const auto& f : change.fields) {
    if (!detail.empty()) detail += " ; ";
    detail += field_label(language, f.field) + " : " + value_label(language, f.field, f.before) +
              " → " + value_label(language, f.field, f.after);
  }
  return detail;
}

}  // namespace edusync::report
