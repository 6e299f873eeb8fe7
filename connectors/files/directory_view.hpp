#pragma once
// What the file targets read from a directory, indexed once per run: for each school, its
// current pupils with their division and groups, its staff with what they teach and head, its
// guardians with their children. "Current" means not departed (Pupil::departed_on empty).
#include <map>
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "text/message.hpp"

namespace edusync::connectors::files {

struct PupilView {
  const model::Pupil* pupil = nullptr;
  std::string division;             // empty when the pupil has none (Pix and KOXO refuse it)
  std::vector<std::string> groups;  // group codes, sorted
};

struct StaffView {
  const model::Staff* staff = nullptr;
  std::vector<std::string> divisions;  // divisions taught, directly or through a group, sorted
  std::vector<std::string> groups;     // groups taught, sorted
  std::vector<std::string> subjects;   // subjects taught (management code, else code), sorted
  std::vector<std::string> head_of;    // divisions headed, sorted
  bool teacher = false;                // FONCTION ENS, or no function but a teaching service
};

struct GuardianView {
  const model::Contact* guardian = nullptr;
  std::vector<const model::Pupil*> children;  // current pupils of this school, legal links
};

struct SchoolView {
  std::string uai;
  std::vector<PupilView> pupils;        // current, in directory order
  std::vector<StaffView> staff;         // current
  std::vector<GuardianView> guardians;  // with at least one current child here
  std::vector<const model::Pupil*> departed_pupils;
  std::vector<const model::Staff*> departed_staff;
};

// Every school's view, by UAI, built in one pass over the directory (an academy's directory
// holds hundreds of schools: one pass each would be quadratic). A school without anyone is
// absent from the map.
std::map<std::string, SchoolView> view_schools(const model::Directory& directory);

// The stable key the LDAP target writes to employeeNumber (docs/output.md §1.7): pupils
// ELENOET zero-padded to 5 digits, staff "P<STS id>". Empty when the export gave none.
std::string stable_id(const model::Pupil& pupil);
std::string stable_id(const model::Staff& staff);

// A pupil's key on platforms shared by many schools (the ENT's externalId, Éléa's idnumber):
// the INE when the export gives one (national), else "<UAI>-E<ELENOET>" (ELENOET, like
// ELEVE_ID, is only unique within one school).
std::string platform_id(const model::Pupil& pupil);

// "DUPONT Jean (élève 02198, 6A)", "CHARTIER Emile (personnel P4090)": who a message is about,
// in the reader's language ("DUPONT Jean (pupil 02198, 6A)").
text::Message who(const PupilView& pupil);
text::Message who(const model::Staff& staff);
text::Message who(const model::Contact& guardian);

// PRENOM2 and PRENOM3 back from Pupil::other_given_names ("Jade Marie" -> {"Jade", "Marie"}).
std::pair<std::string, std::string> second_and_third_names(const std::string& other_given_names);

// ISO "2011-03-14" -> "14/03/2011"; empty stays empty.
std::string french_date(const std::string& iso);

}  // namespace edusync::connectors::files
