#include "assemble/warnings.hpp"

namespace edusync::assemble {

using text::arg;
using text::message;

std::string describe(const model::Pupil& pupil) {
  return pupil.surname + " " + pupil.given_name + " (ELEVE_ID " + pupil.eleve_id + ")";
}

std::string describe(const model::Contact& contact) {
  return contact.surname + " " + contact.given_name + " (PERSONNE_ID " + contact.personne_id + ")";
}

std::string describe(const model::Staff& staff) {
  return staff.surname + " " + staff.given_name + " (STS " + staff.sts_id + ")";
}

void Warnings::add(const char* code, text::Message text, std::vector<std::string> keys,
                   const std::string& where) {
  out_.push_back({code, std::move(text), std::move(keys), where});
}

void Warnings::missing_ine(const model::Pupil& pupil, const std::string& where) {
  add("MISSING_INE",
      message("warning.missing_ine", {arg("pupil", describe(pupil)), arg("key", pupil.key)}),
      {pupil.key}, where);
}

void Warnings::duplicate_ine(const std::string& ine, const model::Pupil& first,
                             const model::Pupil& second, const std::string& where) {
  add("DUPLICATE_INE",
      message("warning.duplicate_ine",
              {arg("ine", ine), arg("first", describe(first)), arg("second", describe(second))}),
      {first.key, second.key}, where);
}

void Warnings::missing_sex(const model::Pupil& pupil, const std::string& where) {
  add("MISSING_SEX", message("warning.missing_sex", {arg("pupil", describe(pupil))}), {pupil.key},
      where);
}

void Warnings::missing_birthdate(const model::Pupil& pupil, const std::string& raw,
                                 const std::string& where) {
  add("MISSING_BIRTHDATE",
      raw.empty() ? message("warning.birthdate_absent", {arg("pupil", describe(pupil))})
                  : message("warning.birthdate_unreadable",
                            {arg("pupil", describe(pupil)), arg("raw", raw)}),
      {pupil.key}, where);
}

void Warnings::multiple_divisions(const model::Pupil& pupil, const std::vector<std::string>& codes,
                                  const std::string& where) {
  add("MULTIPLE_DIVISIONS",
      message(
          "warning.multiple_divisions",
          {arg("pupil", describe(pupil)), text::list("codes", codes), arg("first", codes.front())}),
      {pupil.key}, where);
}

void Warnings::duplicate_guardian(const std::vector<const model::Contact*>& records,
                                  std::vector<text::Message> shared, const std::string& where) {
  std::vector<text::Message> names;
  std::vector<std::string> keys;
  for (const auto* record : records) {
    if (names.size() < kNamedRecords) names.push_back(text::verbatim(describe(*record)));
    keys.push_back(record->key);
  }
  if (records.size() > kNamedRecords) {
    names.push_back(
        message("warning.other_records", {text::count("count", records.size() - kNamedRecords)}));
  }
  if (shared.size() > kNamedRecords) {
    shared.resize(kNamedRecords);
    shared.push_back(message("warning.more_values"));
  }
  const bool pair = records.size() == 2;
  add("DUPLICATE_GUARDIAN",
      message(pair ? "warning.duplicate_guardian.pair" : "warning.duplicate_guardian.chain",
              {arg("times", std::to_string(records.size())),
               text::nested_list("names", std::move(names)),
               text::nested_list("shared", std::move(shared))}),
      std::move(keys), where);
}

void Warnings::teacher_without_service(const model::Staff& staff, const std::string& where) {
  add("TEACHER_WITHOUT_SERVICE",
      message("warning.teacher_without_service", {arg("staff", describe(staff))}), {staff.key},
      where);
}

void Warnings::unknown_pupil_reference(const std::string& uai, const std::string& eleve_id,
                                       const std::string& personne_id, const std::string& where) {
  add("UNKNOWN_PUPIL_REFERENCE",
      message("warning.unknown_pupil_reference",
              {arg("personne_id", personne_id), arg("eleve_id", eleve_id)}),
      {"personne:" + uai + ":" + personne_id, "eleve:" + uai + ":" + eleve_id}, where);
}

void Warnings::unknown_person_reference(const std::string& uai, const std::string& eleve_id,
                                        const std::string& personne_id, const std::string& where) {
  add("UNKNOWN_PERSON_REFERENCE",
      message("warning.unknown_person_reference",
              {arg("personne_id", personne_id), arg("eleve_id", eleve_id)}),
      {"personne:" + uai + ":" + personne_id, "eleve:" + uai + ":" + eleve_id}, where);
}

void Warnings::unknown_staff_reference(const std::string& staff_id, const std::string& structure,
                                       const std::string& subject, const std::string& where) {
  add("UNKNOWN_STAFF_REFERENCE",
      message("warning.unknown_staff_reference",
              {arg("structure", structure), arg("subject", subject), arg("staff_id", staff_id)}),
      {"sts:" + staff_id}, where);
}

void Warnings::duplicate_record(RecordKind kind, const std::string& id, const std::string& where) {
  const char* id_of_message = kind == RecordKind::pupil    ? "warning.duplicate_pupil_record"
                              : kind == RecordKind::person ? "warning.duplicate_person_record"
                                                           : "warning.duplicate_staff_record";
  add("DUPLICATE_RECORD", message(id_of_message, {arg("id", id)}), {id}, where);
}

void Warnings::invalid_record(text::Message text, const std::string& where) {
  add("INVALID_RECORD", std::move(text), {}, where);
}

void Warnings::missing_pupils_export(const std::string& uai, const std::string& where) {
  add("MISSING_PUPILS_EXPORT", message("warning.missing_pupils_export", {arg("uai", uai)}), {},
      where);
}

void Warnings::empty_export(const std::string& kind, const std::string& uai,
                            const std::string& where) {
  add("EMPTY_EXPORT", message("warning.empty_export", {arg("kind", kind), arg("uai", uai)}), {},
      where);
}

void Warnings::shared_ine(const std::string& ine, const model::Pupil& first,
                          const model::Pupil& second, const std::string& where) {
  add("DUPLICATE_INE",
      message("warning.shared_ine",
              {arg("ine", ine), arg("first", describe(first)), arg("second", describe(second))}),
      {first.key, second.key}, where);
}

void Warnings::duplicate_elenoet(const model::Pupil& first, const model::Pupil& second,
                                 const std::string& where) {
  add("DUPLICATE_ELENOET",
      message("warning.duplicate_elenoet",
              {arg("elenoet", second.elenoet), arg("uai", second.uai),
               arg("first", describe(first)), arg("second", describe(second))}),
      {first.key, second.key}, where);
}

}  // namespace edusync::assemble
