#pragma once
// The school's SIECLE pupils and STS-web staff, indexed the ways a timetable names them:
// pupils by INE and by folded surname, given name and birth date; staff by folded surname and
// given name. Usage and birth surnames both count. The directory's lists must not change while
// an index is in use (it points into them).
#include <string>
#include <unordered_map>
#include <vector>

#include "model/directory.hpp"
#include "sources/exports.hpp"

namespace edusync::assemble {

class SchoolPeople {
 public:
  SchoolPeople(const model::Directory& directory, const std::string& uai);

  // The pupils this timetable pupil may be: by INE when it carries one SIECLE knows, else by
  // names and birth date (names alone when the timetable gives no birth date).
  std::vector<const model::Pupil*> pupils_like(const sources::TimetablePerson& person) const;
  // The staff members this timetable teacher may be: by names (the surname alone when the
  // timetable gives no given name); the birth date decides between namesakes when both sides
  // carry it.
  std::vector<const model::Staff*> staff_like(const sources::TimetablePerson& person) const;
  // The school's pupil of this key; null when it is not one.
  const model::Pupil* pupil(const std::string& key) const;

 private:
  std::unordered_map<std::string, const model::Pupil*> by_ine_;
  std::unordered_map<std::string, const model::Pupil*> by_key_;
  std::unordered_map<std::string, std::vector<const model::Pupil*>> pupils_by_name_;
  std::unordered_map<std::string, std::vector<const model::Staff*>> staff_by_name_;
};

// How a warning names a timetable person: "DURAND Léa (2011-05-04)".
std::string describe_person(const sources::TimetablePerson& person);

}  // namespace edusync::assemble
