#pragma once
// State shared by the steps of assemble(): the exports, the directory being built, the
// warnings, and the indexes that join records across files.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "assemble/assemble.hpp"
#include "assemble/warnings.hpp"

namespace edusync::assemble {

struct Context {
  std::vector<sources::ParsedExport>& exports;
  const Options& options;
  model::Directory& directory;
  Warnings warnings;

  // "<UAI>|<ELEVE_ID>" of every ELEVE record read, with the index of the pupil in
  // directory.pupils when the pupil is current, -1 otherwise.
  std::unordered_map<std::string, std::ptrdiff_t> eleve_ids;
  std::unordered_set<std::string> uais_with_pupils;
  // "<UAI>|<code>" -> index in directory.divisions / directory.groups.
  std::unordered_map<std::string, std::size_t> division_index;
  std::unordered_map<std::string, std::size_t> group_index;
  // INEs that were the key of two current pupils of this school: both fell back to local keys
  // (pupils.cpp), which the merge of schools needs to know (schools.cpp).
  std::vector<std::string> shared_key_ines;

  // "file:line" for a record of export `source`.
  std::string where(std::size_t source, std::uint32_t line) const {
    return exports[source].path + ":" + std::to_string(line);
  }
};

inline std::string school_key(const std::string& uai, const std::string& id) {
  return uai + "|" + id;
}

// ELEVE_ID is numbered by each school's SIECLE base and repeats between schools: without an
// INE (the only national number) a pupil is keyed by the pair (UAI, ELEVE_ID).
inline std::string local_pupil_key(const model::Pupil& pupil) {
  return "eleve:" + pupil.uai + ":" + pupil.eleve_id;
}

void add_reference_data(Context& context);
void add_structures(Context& context);
void add_pupils(Context& context);
void add_contacts(Context& context);
void add_staff(Context& context);
// Joins the timetable exports with SIECLE's pupils and STS-web's staff (timetable.cpp).
void add_timetables(Context& context);
// One DUPLICATE_GUARDIAN warning per cluster of guardians that look like the same person
// (duplicate_guardians.cpp).
void find_duplicate_guardians(Context& context);
// Subjects and MEFs of `from` added to `into`: the first non-empty value of each field wins.
void merge_reference_data(model::Directory& into, model::Directory& from);
// Adds the divisions and groups that only pupils' structures name, then sorts every list.
void finish_directory(Context& context);
// Every list in its deterministic order (finish.cpp).
void sort_directory(model::Directory& directory);
// The lists of the parts that hold records of one school each (pupils, contacts, structures,
// services, head teachers, memberships), each list already in sort_directory()'s order, moved
// into `into` in that order; the parts' lists are left empty.
void merge_sorted_lists(model::Directory& into, std::vector<model::Directory*> parts);
// The lists merge_sorted_lists() leaves out (schools, staff, subjects, MEFs), sorted.
void sort_small_lists(model::Directory& directory);
// The division or group (uai, code), created with only its code when not known yet.
model::Division& division_for(Context& context, const std::string& uai, const std::string& code);
model::Group& group_for(Context& context, const std::string& uai, const std::string& code);

}  // namespace edusync::assemble
