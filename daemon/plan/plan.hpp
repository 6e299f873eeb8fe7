#pragma once
// A plan: the changes that bring a target from one directory to the next, computed by diff/
// (a pure function) and applied by connectors. Items name what changes by key; connectors read
// the full records from the directories they are given with the plan.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/directory.hpp"

namespace edusync::plan {

enum class Entity : std::uint8_t {
  pupil,
  guardian,
  staff,  // persons
  division,
  group,         // structures
  membership,    // a pupil in a division or group
  service,       // a teacher teaching a subject to a division or group
  head_teacher,  // a teacher heading a division
};

enum class Op : std::uint8_t { add, update, depart, return_, remove, rename };

struct FieldChange {
  std::string field;   // "surname", "division", ...; for a rename: "code"
  std::string before;  // empty when the field was absent
  std::string after;
};

struct Item {
  Entity entity = Entity::pupil;
  Op op = Op::add;
  std::string key;  // persons: the key; structures: the (new) code; links: the member's key
  std::string uai;
  std::string login;                                                     // persons with an account
  model::StructureKind structure_kind = model::StructureKind::division;  // structures and links
  std::string structure;            // links: the division or group code
  std::string subject;              // services: the subject code
  std::vector<FieldChange> fields;  // update: the changed fields; rename: {"code", old, new}
};

struct Plan {
  std::string school_year_before;  // empty for a first run
  std::string school_year_after;
  bool rollover = false;  // the school year changed: last year's structures are removed
  std::vector<Item> items;

  bool empty() const { return items.empty(); }
};

const char* to_string(Entity entity);
const char* to_string(Op op);
// The operation as the report's counts name it: added, updated, departed, returned, removed,
// renamed.
const char* past_tense(Op op);
bool is_person(Entity entity);
bool is_structure(Entity entity);

// Counts per entity family and operation, as in the report's `changes` object:
// pupils/guardians/staff: added, updated, departed, returned, removed;
// divisions/groups: added, renamed, removed; memberships (pupils' links, services and head
// teachers together): added, removed.
std::map<std::string, std::map<std::string, std::uint64_t>> count_changes(const Plan& plan);

}  // namespace edusync::plan
