#include "run/person_changes.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "common/collation.hpp"
#include "common/dates.hpp"

namespace edusync::run {
namespace {

using plan::Entity;
using plan::Op;

int kind_rank(const std::string& kind) {
  return kind == "pupil" ? 0 : kind == "guardian" ? 1 : 2;
}

int op_rank(const std::string& op) {
  for (int rank = 0; const char* known : {"added", "returned", "updated", "departed", "removed"}) {
    if (op == known) return rank;
    ++rank;
  }
  return 5;
}

const char* kind_of(Entity entity) {
  return entity == Entity::pupil ? "pupil" : entity == Entity::guardian ? "guardian" : "staff";
}

// "personne:<UAI>:<PERSONNE_ID>": guardians are numbered per school base.
std::string school_in_key(const std::string& key) {
  const auto first = key.find(':');
  const auto second = key.find(':', first + 1);
  if (first == std::string::npos || second == std::string::npos) return {};
  return key.substr(first + 1, second - first - 1);
}

class Namer {
 public:
  Namer(const plan::Plan& plan, int grace_days) : grace_days_(grace_days) {
    for (const auto& item : plan.items) {
      if (!plan::is_person(item.entity)) continue;
      report::PersonChange change;
      change.kind = kind_of(item.entity);
      change.op = plan::past_tense(item.op);
      change.uai = item.entity == Entity::guardian ? school_in_key(item.key) : item.uai;
      change.key = item.key;
      change.login = item.login;
      if (item.op == Op::update) change.fields = item.fields;
      index(item.entity)[item.key] = changes_.size();
      removed_.push_back(item.op == Op::remove);
      changes_.push_back(std::move(change));
    }
  }

  // Names the entries found in `directory`: the removed ones from the state before, the others
  // from the state after.
  void name_from(const model::Directory& directory, bool removed) {
    name_people(Entity::pupil, directory.pupils, removed);
    name_people(Entity::guardian, directory.guardians, removed);
    name_people(Entity::staff, directory.staff, removed);
    // A leaver is listed in the class they left, everyone else in their class now.
    for (const auto& m : directory.memberships) {
      if (m.structure_kind != model::StructureKind::division) continue;
      const auto found = pupils_.find(m.pupil_key);
      if (found == pupils_.end()) continue;
      auto& change = changes_[found->second];
      const bool left = change.op == "departed" || change.op == "removed";
      if (left == removed && change.division.empty()) change.division = m.structure_code;
    }
  }

  std::vector<report::PersonChange> take_sorted() {
    std::vector<std::string> name_keys;
    name_keys.reserve(changes_.size());
    for (const auto& change : changes_) name_keys.push_back(french_sort_key(change.name));
    std::vector<int> kind_ranks, op_ranks;
    for (const auto& change : changes_) {
      kind_ranks.push_back(kind_rank(change.kind));
      op_ranks.push_back(op_rank(change.op));
    }
    auto rank = [&](std::size_t i) {
      const auto& c = changes_[i];
      return std::make_tuple(std::cref(c.uai), kind_ranks[i], c.division.empty(),
                             std::cref(c.division), op_ranks[i], std::cref(name_keys[i]),
                             std::cref(c.key));
    };
    std::vector<std::size_t> order(changes_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    std::vector<report::PersonChange> sorted;
    sorted.reserve(changes_.size());
    for (const auto i : order) sorted.push_back(std::move(changes_[i]));
    return sorted;
  }

 private:
  std::unordered_map<std::string_view, std::size_t>& index(Entity entity) {
    return entity == Entity::pupil ? pupils_ : entity == Entity::guardian ? guardians_ : staff_;
  }

  // The entry of `key`, when it is to be named from the state before (`removed`) or after.
  report::PersonChange* find(Entity entity, const std::string& key, bool removed) {
    auto& by_key = index(entity);
    const auto found = by_key.find(key);
    if (found == by_key.end() || removed_[found->second] != removed) return nullptr;
    return &changes_[found->second];
  }

  template <typename Person>
  void name_people(Entity entity, const std::vector<Person>& people, bool removed) {
    if (index(entity).empty()) return;
    for (const auto& person : people) {
      auto* change = find(entity, person.key, removed);
      if (change == nullptr) continue;
      change->name = person.surname + " " + person.given_name;
      if (change->login.empty()) change->login = login_of(person);
      if (change->op == "departed" && !person.departed_on.empty())
        change->removal_on = add_days(person.departed_on, grace_days_);
    }
  }

  int grace_days_;
  std::vector<report::PersonChange> changes_;
  std::vector<bool> removed_;  // per entry: named from the state before
  std::unordered_map<std::string_view, std::size_t> pupils_, guardians_, staff_;
};

}  // namespace

std::vector<report::PersonChange> name_person_changes(const plan::Plan& plan,
                                                      const model::Directory* before,
                                                      const model::Directory& after,
                                                      int grace_days) {
  Namer namer(plan, grace_days);
  namer.name_from(after, false);
  if (before != nullptr) namer.name_from(*before, true);
  return namer.take_sorted();
}

}  // namespace edusync::run
