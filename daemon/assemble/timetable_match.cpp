#include "assemble/timetable_match.hpp"

#include <algorithm>

#include "common/ascii_fold.hpp"

namespace edusync::assemble {
namespace {

// "DURAND|LEA|2011-05-04", "DURAND|LEA" (no date), "DURAND" (no given name either).
std::string name_key(std::string_view surname, std::string_view given_name,
                     std::string_view birth_date) {
  std::string key = fold_name(surname);
  if (given_name.empty()) return key;
  key += '|';
  key += fold_name(given_name);
  if (birth_date.empty()) return key;
  key += '|';
  key += birth_date;
  return key;
}

template <typename Record>
void add_once(std::vector<const Record*>& into, const Record* record) {
  if (std::find(into.begin(), into.end(), record) == into.end()) into.push_back(record);
}

// Every key a person may be found by: with and without the date, usage and birth surnames.
template <typename Record, typename Index>
void index_names(Index& index, const Record& record) {
  for (const std::string* surname : {&record.surname, &record.birth_surname}) {
    if (surname->empty()) continue;
    add_once(index[name_key(*surname, record.given_name, record.birth_date)], &record);
    add_once(index[name_key(*surname, record.given_name, {})], &record);
    add_once(index[name_key(*surname, {}, {})], &record);
  }
}

}  // namespace

SchoolPeople::SchoolPeople(const model::Directory& directory, const std::string& uai) {
  for (const auto& pupil : directory.pupils) {
    if (pupil.uai != uai) continue;
    by_key_.emplace(pupil.key, &pupil);
    for (const auto& ine : pupil.ines) by_ine_.emplace(ine, &pupil);
    index_names(pupils_by_name_, pupil);
  }
  for (const auto& staff : directory.staff) {
    if (std::find(staff.uais.begin(), staff.uais.end(), uai) == staff.uais.end()) continue;
    index_names(staff_by_name_, staff);
  }
}

std::vector<const model::Pupil*> SchoolPeople::pupils_like(
    const sources::TimetablePerson& person) const {
  if (!person.ine.empty()) {
    if (const auto found = by_ine_.find(person.ine); found != by_ine_.end()) {
      return {found->second};
    }
  }
  if (person.surname.empty() || person.given_name.empty()) return {};
  const auto found =
      pupils_by_name_.find(name_key(person.surname, person.given_name, person.birth_date));
  return found == pupils_by_name_.end() ? std::vector<const model::Pupil*>{} : found->second;
}

std::vector<const model::Staff*> SchoolPeople::staff_like(
    const sources::TimetablePerson& person) const {
  if (person.surname.empty()) return {};
  const auto found = staff_by_name_.find(name_key(person.surname, person.given_name, {}));
  if (found == staff_by_name_.end()) return {};
  std::vector<const model::Staff*> candidates = found->second;
  if (candidates.size() > 1 && !person.birth_date.empty()) {
    std::vector<const model::Staff*> born_that_day;
    for (const auto* staff : candidates) {
      if (staff->birth_date == person.birth_date) born_that_day.push_back(staff);
    }
    if (!born_that_day.empty()) candidates = std::move(born_that_day);
  }
  return candidates;
}

const model::Pupil* SchoolPeople::pupil(const std::string& key) const {
  const auto found = by_key_.find(key);
  return found == by_key_.end() ? nullptr : found->second;
}

std::string describe_person(const sources::TimetablePerson& person) {
  std::string text = person.surname;
  if (!person.given_name.empty()) text += " " + person.given_name;
  if (!person.birth_date.empty()) text += " (" + person.birth_date + ")";
  return text;
}

}  // namespace edusync::assemble
