// The warnings of the timetable join: who or what the timetable names that SIECLE or STS-web
// does not know (or knows twice), groups whose members disagree, and an old timetable. Lists of
// people are capped at kNamedRecords names, the rest counted; keys hold every record.
#include "assemble/warnings.hpp"

namespace edusync::assemble {
namespace {

using text::arg;
using text::message;

template <typename Record>
std::vector<text::Message> named(const std::vector<const Record*>& records, std::size_t cap) {
  std::vector<text::Message> names;
  for (const auto* record : records) {
    if (names.size() == cap) break;
    names.push_back(text::verbatim(describe(*record)));
  }
  if (records.size() > cap) {
    names.push_back(message("warning.other_records", {text::count("count", records.size() - cap)}));
  }
  if (names.empty()) names.push_back(message("timetable.nobody"));
  return names;
}

template <typename Record>
std::vector<std::string> keys_of(const std::vector<const Record*>& records) {
  std::vector<std::string> keys;
  keys.reserve(records.size());
  for (const auto* record : records) keys.push_back(record->key);
  return keys;
}

}  // namespace

void Warnings::timetable_unmatched_pupil(const std::string& uai, const std::string& person,
                                         const std::string& program, const std::string& where) {
  add("TIMETABLE_UNMATCHED_PUPIL",
      message("timetable.unmatched_pupil",
              {arg("person", person), arg("uai", uai), arg("program", program)}),
      {}, where);
}

void Warnings::timetable_ambiguous_pupil(const std::string& person,
                                         const std::vector<const model::Pupil*>& candidates,
                                         const std::string& program, const std::string& where) {
  add("TIMETABLE_AMBIGUOUS_PUPIL",
      message(
          "timetable.ambiguous_pupil",
          {arg("person", person), text::nested_list("candidates", named(candidates, kNamedRecords)),
           arg("program", program)}),
      keys_of(candidates), where);
}

void Warnings::timetable_unmatched_teacher(const std::string& uai, const std::string& person,
                                           const std::string& program, const std::string& where) {
  add("TIMETABLE_UNMATCHED_TEACHER",
      message("timetable.unmatched_teacher",
              {arg("person", person), arg("uai", uai), arg("program", program)}),
      {}, where);
}

void Warnings::timetable_ambiguous_teacher(const std::string& person,
                                           const std::vector<const model::Staff*>& candidates,
                                           const std::string& program, const std::string& where) {
  add("TIMETABLE_UNMATCHED_TEACHER",
      message(
          "timetable.ambiguous_teacher",
          {arg("person", person), text::nested_list("candidates", named(candidates, kNamedRecords)),
           arg("program", program)}),
      keys_of(candidates), where);
}

void Warnings::timetable_unknown_group(const std::string& uai, const std::string& code, bool kept,
                                       const std::string& program, const std::string& where) {
  add("TIMETABLE_UNKNOWN_GROUP",
      message(kept ? "timetable.unknown_group" : "timetable.unknown_structure",
              {arg("code", code), arg("uai", uai), arg("program", program)}),
      {}, where);
}

void Warnings::group_membership_mismatch(const MembershipMismatch& mismatch,
                                         const std::string& program, const std::string& where) {
  std::vector<std::string> keys = keys_of(mismatch.only_siecle);
  for (auto& key : keys_of(mismatch.only_timetable)) keys.push_back(std::move(key));
  add("GROUP_MEMBERSHIP_MISMATCH",
      message("timetable.membership_mismatch",
              {arg("code", mismatch.code), arg("uai", mismatch.uai),
               text::count("siecle", mismatch.siecle_count),
               text::count("timetable", mismatch.timetable_count),
               text::nested_list("only_siecle", named(mismatch.only_siecle, kNamedRecords)),
               text::nested_list("only_timetable", named(mismatch.only_timetable, kNamedRecords)),
               text::nested("kept", message(mismatch.kept)), arg("program", program)}),
      std::move(keys), where);
}

void Warnings::timetable_stale(const std::string& file, const std::string& date,
                               const std::string& siecle_date, int days, const std::string& where) {
  add("TIMETABLE_STALE",
      message("timetable.stale",
              {arg("file", file), arg("date", date), arg("siecle_date", siecle_date),
               text::count("days", static_cast<std::uint64_t>(days))}),
      {}, where);
}

}  // namespace edusync::assemble
