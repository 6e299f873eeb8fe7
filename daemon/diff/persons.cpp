// Persons: pupils, guardians, staff. Presence and departure drive the operation:
//   before \ after   absent    present    departed
//   absent            -         add        -
//   present          remove     update     depart
//   departed         remove     return     -
#include <string_view>
#include <unordered_map>

#include "diff/internal.hpp"

namespace edusync::diff {
namespace {

using Fields = std::vector<std::pair<const char*, std::string>>;
using DivisionOf = std::unordered_map<std::string_view, std::string_view>;

std::string join(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) joined.append(joined.empty() ? "" : ",").append(value);
  return joined;
}

DivisionOf divisions_of(const model::Directory& directory) {
  DivisionOf division;
  for (const auto& m : directory.memberships) {
    if (m.structure_kind == model::StructureKind::division)
      division.emplace(m.pupil_key, m.structure_code);
  }
  return division;
}

Fields fields(const model::Pupil& p, const DivisionOf& division) {
  const auto found = division.find(p.key);
  return {{"uai", p.uai},
          {"division", found == division.end() ? "" : std::string(found->second)},
          {"surname", p.surname},
          {"birth_surname", p.birth_surname},
          {"given_name", p.given_name},
          {"other_given_names", p.other_given_names},
          {"sex", model::to_string(p.sex)},
          {"birth_date", p.birth_date},
          {"email", p.email},
          {"mef", p.mef},
          {"elenoet", p.elenoet},
          {"ines", join(p.ines)},
          {"exit_date", p.exit_date}};
}

Fields fields(const model::Contact& c, const DivisionOf&) {
  std::vector<std::string> links;
  for (const auto& link : c.pupils)
    links.push_back(link.pupil_key + ":" + model::to_string(link.responsibility));
  return {{"civility", c.civility},     {"surname", c.surname}, {"birth_surname", c.birth_surname},
          {"given_name", c.given_name}, {"mobile", c.mobile},   {"phone_home", c.phone_home},
          {"phone_work", c.phone_work}, {"email", c.email},     {"pupils", join(links)}};
}

Fields fields(const model::Staff& s, const DivisionOf&) {
  return {{"uais", join(s.uais)},
          {"civility", s.civility},
          {"sex", model::to_string(s.sex)},
          {"surname", s.surname},
          {"birth_surname", s.birth_surname},
          {"given_name", s.given_name},
          {"birth_date", s.birth_date},
          {"function", s.function},
          {"grade", s.grade}};
}

std::string uai_of(const model::Pupil& p) {
  return p.uai;
}
std::string uai_of(const model::Staff& s) {
  return s.uais.empty() ? "" : s.uais.front();
}
std::string uai_of(const model::Contact&) {
  return {};
}

template <typename Person>
class PersonDiff {
 public:
  PersonDiff(plan::Entity entity, const model::Directory& before, const model::Directory& after)
      : entity_(entity),
        before_divisions_(divisions_of(before)),
        after_divisions_(divisions_of(after)) {}

  void run(const std::vector<Person>& before, const std::vector<Person>& after, plan::Plan& plan,
           std::vector<plan::Item>& later) {
    std::unordered_map<std::string_view, const Person*> old;
    old.reserve(before.size());
    for (const auto& person : before) old.emplace(person.key, &person);
    std::vector<plan::Item> departures;
    for (const auto& person : after) {
      const auto found = old.find(person.key);
      const Person* previous = found == old.end() ? nullptr : found->second;
      if (previous != nullptr) old.erase(found);
      compare(previous, person, plan, departures);
    }
    for (auto& item : departures) later.push_back(std::move(item));
    for (const auto& person : before) {
      if (old.contains(person.key)) later.push_back(item_for(person, plan::Op::remove));
    }
  }

 private:
  void compare(const Person* previous, const Person& person, plan::Plan& plan,
               std::vector<plan::Item>& departures) {
    const bool present = person.departed_on.empty();
    if (previous == nullptr) {
      if (present) plan.items.push_back(item_for(person, plan::Op::add));
      return;
    }
    const bool was_present = previous->departed_on.empty();
    if (was_present && !present) {
      departures.push_back(item_for(person, plan::Op::depart));
    } else if (present) {
      auto item = item_for(person, was_present ? plan::Op::update : plan::Op::return_);
      item.fields = changes(*previous, person);
      if (item.op == plan::Op::return_ || !item.fields.empty())
        plan.items.push_back(std::move(item));
    }
  }

  std::vector<plan::FieldChange> changes(const Person& previous, const Person& person) const {
    const Fields old_fields = fields(previous, before_divisions_);
    const Fields new_fields = fields(person, after_divisions_);
    std::vector<plan::FieldChange> changed;
    for (std::size_t i = 0; i < new_fields.size(); ++i) {
      if (old_fields[i].second != new_fields[i].second) {
        changed.push_back({new_fields[i].first, old_fields[i].second, new_fields[i].second});
      }
    }
    return changed;
  }

  plan::Item item_for(const Person& person, plan::Op op) const {
    plan::Item item;
    item.entity = entity_;
    item.op = op;
    item.key = person.key;
    item.uai = uai_of(person);
    item.login = login_of(person);
    return item;
  }

  plan::Entity entity_;
  DivisionOf before_divisions_;
  DivisionOf after_divisions_;
};

}  // namespace

void diff_persons(const model::Directory& before, const model::Directory& after, plan::Plan& plan,
                  std::vector<plan::Item>& later) {
  PersonDiff<model::Pupil>(plan::Entity::pupil, before, after)
      .run(before.pupils, after.pupils, plan, later);
  PersonDiff<model::Contact>(plan::Entity::guardian, before, after)
      .run(before.guardians, after.guardians, plan, later);
  PersonDiff<model::Staff>(plan::Entity::staff, before, after)
      .run(before.staff, after.staff, plan, later);
}

}  // namespace edusync::diff
