#include "plan/plan.hpp"

namespace edusync::plan {

const char* to_string(Entity entity) {
  switch (entity) {
    case Entity::pupil: return "pupil";
    case Entity::guardian: return "guardian";
    case Entity::staff: return "staff";
    case Entity::division: return "division";
    case Entity::group: return "group";
    case Entity::membership: return "membership";
    case Entity::service: return "service";
    case Entity::head_teacher: return "head_teacher";
  }
  return "";
}

const char* to_string(Op op) {
  switch (op) {
    case Op::add: return "add";
    case Op::update: return "update";
    case Op::depart: return "depart";
    case Op::return_: return "return";
    case Op::remove: return "remove";
    case Op::rename: return "rename";
  }
  return "";
}

bool is_person(Entity entity) {
  return entity == Entity::pupil || entity == Entity::guardian || entity == Entity::staff;
}

bool is_structure(Entity entity) {
  return entity == Entity::division || entity == Entity::group;
}

namespace {

const char* family(Entity entity) {
  switch (entity) {
    case Entity::pupil: return "pupils";
    case Entity::guardian: return "guardians";
    case Entity::staff: return "staff";
    case Entity::division: return "divisions";
    case Entity::group: return "groups";
    default: return "memberships";
  }
}

}  // namespace

const char* past_tense(Op op) {
  switch (op) {
    case Op::add: return "added";
    case Op::update: return "updated";
    case Op::depart: return "departed";
    case Op::return_: return "returned";
    case Op::remove: return "removed";
    case Op::rename: return "renamed";
  }
  return "";
}

std::map<std::string, std::map<std::string, std::uint64_t>> count_changes(const Plan& plan) {
  std::map<std::string, std::map<std::string, std::uint64_t>> counts;
  for (const char* person : {"pupils", "guardians", "staff"}) {
    for (const char* op : {"added", "updated", "departed", "returned", "removed"})
      counts[person][op] = 0;
  }
  for (const char* structure : {"divisions", "groups"}) {
    for (const char* op : {"added", "renamed", "removed"}) counts[structure][op] = 0;
  }
  counts["memberships"]["added"] = 0;
  counts["memberships"]["removed"] = 0;
  for (const auto& item : plan.items) counts[family(item.entity)][past_tense(item.op)]++;
  return counts;
}

}  // namespace edusync::plan
