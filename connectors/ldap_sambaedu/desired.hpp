#pragma once
// What the SambaEdu directory must hold for a canonical directory: one account per pupil and
// staff member with a login (guardians get none), and the groups SE3's import builds
// (docs/output.md §1.2, §1.6). Pure functions of the model and the layout; the numbers the
// directory allocates itself (group gidNumber and SID) are not decided here.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "connectors/ldap_sambaedu/layout.hpp"
#include "connectors/ldap_sambaedu/session.hpp"
#include "model/directory.hpp"

namespace edusync::connectors::ldap {

// Attributes by their schema name ("sambaSID"); compared case-insensitively by name.
using Attributes = std::map<std::string, Values>;

struct DesiredUser {
  std::string key;  // the person's key in the model
  std::string login;
  std::string employee_number;  // empty for none
  std::string full_name;        // "Prénom Nom" as cn holds it
  bool departed = false;
  Attributes attributes;  // every managed attribute except passwords (written at creation only)
};

enum class GroupKind {
  pupils,
  teachers,
  administrative,  // Eleves, Profs, Administratifs (fixed gidNumbers)
  division,
  team,
  subject,  // Classe_, Equipe_, Matiere_ (gidNumber 2000-4999)
  division_course,
  group_course,
  head_teachers,  // Cours_…, Groupe_Professeurs_Principaux (10000-64000)
};

struct DesiredGroup {
  std::string cn;
  GroupKind kind = GroupKind::division;
  std::string structure;     // division or group code it comes from (renames follow it)
  std::string subject_part;  // Matiere_/Cours_: the subject's management code
  std::string description;
  bool group_of_names = false;
  std::set<std::string> members;  // logins
};

struct Desired {
  std::map<std::string, DesiredUser> users;    // by login
  std::map<std::string, DesiredGroup> groups;  // by cn
};

Desired desired_state(const model::Directory& directory, const Layout& layout);

// The cn a group of `kind` gets for a structure code and subject part (used for renames).
std::string group_cn(GroupKind kind, const std::string& prefix, const std::string& subject_part,
                     const std::string& structure);
// SE3's cleaning of a division or group code for a cn: '/' -> '_', accents removed, characters
// outside [A-Za-z0-9_ -] dropped, spaces -> '_'. "6 A" -> "6_A", "1ÈRE/S" -> "1ERE_S".
std::string clean_code(const std::string& code);
// Fixed gidNumber of Eleves, Profs, Administratifs; 0 for the others.
std::uint32_t fixed_gid(GroupKind kind);
// Whether a group's gidNumber comes from SE3's upper range (Cours_, Groupe_…), [10000, 64000].
bool upper_gid_range(GroupKind kind);

}  // namespace edusync::connectors::ldap
