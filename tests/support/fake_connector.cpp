#include "support/fake_connector.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/model_json.hpp"

namespace edusync::test {
namespace {

// Inserts `record` or replaces the one with the same identity.
template <typename Record, typename Same>
void upsert(std::vector<Record>& records, const Record& record, Same same) {
  const auto found = std::find_if(records.begin(), records.end(),
                                  [&](const Record& held) { return same(held, record); });
  if (found == records.end()) {
    records.push_back(record);
  } else {
    *found = record;
  }
}

template <typename Record, typename Matches>
void erase_matching(std::vector<Record>& records, Matches matches) {
  records.erase(std::remove_if(records.begin(), records.end(), matches), records.end());
}

// Copies from `after` the records `matches` selects (a person, a structure, a link).
template <typename Record, typename Matches, typename Same>
void copy_matching(const std::vector<Record>& after, std::vector<Record>& held, Matches matches,
                   Same same) {
  for (const auto& record : after) {
    if (matches(record)) upsert(held, record, same);
  }
}

template <typename Person>
void apply_person(const plan::Item& item, const std::vector<Person>& after,
                  std::vector<Person>& held) {
  const auto is_it = [&](const Person& p) { return p.key == item.key; };
  if (item.op == plan::Op::remove) {
    erase_matching(held, is_it);
    return;
  }
  copy_matching(after, held, is_it,
                [](const Person& a, const Person& b) { return a.key == b.key; });
}

std::string structure_id(const std::string& uai, model::StructureKind kind,
                         const std::string& code) {
  return uai + "|" + model::to_string(kind) + "|" + code;
}

// A renamed structure keeps its links: they follow it under its new code.
void follow_rename(const plan::Item& item, const std::string& old_code, model::Directory& held) {
  const auto kind = item.structure_kind;
  const auto moves = [&](const std::string& uai, model::StructureKind k, const std::string& code) {
    return uai == item.uai && k == kind && code == old_code;
  };
  for (auto& m : held.memberships) {
    if (moves(m.uai, m.structure_kind, m.structure_code)) m.structure_code = item.key;
  }
  for (auto& s : held.services) {
    if (moves(s.uai, s.structure_kind, s.structure_code)) s.structure_code = item.key;
  }
  for (auto& h : held.head_teachers) {
    if (moves(h.uai, model::StructureKind::division, h.division_code)) h.division_code = item.key;
  }
  for (auto& g : held.groups) {
    for (auto& division : g.divisions) {
      if (moves(g.uai, model::StructureKind::division, division)) division = item.key;
    }
  }
}

template <typename Structure>
void apply_structure(const plan::Item& item, const std::vector<Structure>& after,
                     std::vector<Structure>& held, model::Directory& directory,
                     std::vector<std::string>& added) {
  const auto code_is = [&](const std::string& code) {
    return [&item, code](const Structure& s) { return s.uai == item.uai && s.code == code; };
  };
  const auto same = [](const Structure& a, const Structure& b) {
    return a.uai == b.uai && a.code == b.code;
  };
  const std::string id = structure_id(item.uai, item.structure_kind, item.key);
  switch (item.op) {
    case plan::Op::remove:
      if (std::find(added.begin(), added.end(), id) == added.end())
        erase_matching(held, code_is(item.key));
      return;
    case plan::Op::rename:
      for (const auto& field : item.fields) {
        if (field.field != "code") continue;
        erase_matching(held, code_is(field.before));
        follow_rename(item, field.before, directory);
      }
      break;
    case plan::Op::add: added.push_back(id); break;
    default: break;
  }
  copy_matching(after, held, code_is(item.key), same);
}

void apply_link(const plan::Item& item, const model::Directory& after, model::Directory& held) {
  const bool add = item.op == plan::Op::add;
  const auto membership = [&](const model::Membership& m) {
    return m.pupil_key == item.key && m.uai == item.uai &&
           m.structure_kind == item.structure_kind && m.structure_code == item.structure;
  };
  const auto service = [&](const model::Service& s) {
    return s.staff_key == item.key && s.uai == item.uai &&
           s.structure_kind == item.structure_kind && s.structure_code == item.structure &&
           s.subject_code == item.subject;
  };
  const auto head = [&](const model::HeadTeacher& h) {
    return h.staff_key == item.key && h.uai == item.uai && h.division_code == item.structure;
  };
  // A link is its identity: two equal by `matches` are the same link.
  const auto link_of = [](auto matches) {
    return [matches](const auto& a, const auto&) { return matches(a); };
  };
  switch (item.entity) {
    case plan::Entity::membership:
      if (!add) return erase_matching(held.memberships, membership);
      return copy_matching(after.memberships, held.memberships, membership, link_of(membership));
    case plan::Entity::service:
      if (!add) return erase_matching(held.services, service);
      return copy_matching(after.services, held.services, service, link_of(service));
    case plan::Entity::head_teacher:
      if (!add) return erase_matching(held.head_teachers, head);
      return copy_matching(after.head_teachers, held.head_teachers, head, link_of(head));
    default: return;
  }
}

// The parts of a directory no plan item names.
void copy_unnamed_parts(const model::Directory& after, model::Directory& held) {
  held.school_year = after.school_year;
  held.schools = after.schools;
  held.subjects = after.subjects;
  held.mefs = after.mefs;
  held.other_contacts = after.other_contacts;
  held.ignored = after.ignored;
}

std::string describe(const plan::Item& item) {
  return std::string(plan::to_string(item.op)) + " " + plan::to_string(item.entity) + " " +
         item.key;
}

}  // namespace

std::shared_ptr<FakeTarget> FakeTargets::of(const std::string& name) {
  auto& target = targets_[name];
  if (!target) target = std::make_shared<FakeTarget>();
  return target;
}

std::shared_ptr<const FakeTarget> FakeTargets::find(const std::string& name) const {
  const auto found = targets_.find(name);
  return found == targets_.end() ? nullptr : found->second;
}

std::vector<config::KeySpec> fake_connector_keys() {
  return {
      {"fail_item", config::integer_type(-1, 1e9), "-1",
       "Index of a plan item the fake refuses; -1 refuses none"},
      {"fail_key", config::string_type(), "none",
       "Key of the items the fake refuses; none refuses none"},
      {"fail_whole", config::string_type(), "none",
       "Message with which the whole apply fails, as a server down; none for no failure"},
      {"throw_on_apply", config::boolean_type(), "false",
       "Whether apply throws, which a connector must never do"},
  };
}

FakeFailures fake_failures(const config::ConnectorConfig& settings) {
  FakeFailures failures;
  if (const auto item = settings.integer("fail_item"); item >= 0) {
    failures.item = static_cast<std::size_t>(item);
  }
  if (const auto& key = settings.string("fail_key"); key != "none") failures.key = key;
  if (const auto& whole = settings.string("fail_whole"); whole != "none") failures.whole = whole;
  failures.throw_on_apply = settings.boolean("throw_on_apply");
  return failures;
}

connectors::ConnectorType fake_connector_type(const std::shared_ptr<FakeTargets>& targets) {
  connectors::ConnectorType type;
  type.type = kFakeType;
  type.keys = fake_connector_keys();
  type.create = [targets](const config::ConnectorConfig& settings) {
    return std::make_unique<FakeConnector>(settings, targets->of(settings.name),
                                           fake_failures(settings));
  };
  return type;
}

FakeConnector::FakeConnector(config::ConnectorConfig settings, std::shared_ptr<FakeTarget> target,
                             FakeFailures failures)
    : settings_(std::move(settings)), target_(std::move(target)), failures_(std::move(failures)) {}

bool FakeConnector::refuses(std::size_t index, const plan::Item& item) const {
  return failures_.item == index || (!failures_.key.empty() && item.key == failures_.key);
}

connectors::ApplyResult FakeConnector::apply(const connectors::ApplyContext& context) {
  ++target_->apply_calls;
  if (failures_.throw_on_apply) throw std::runtime_error("faux connecteur : exception demandée");
  connectors::ApplyResult result;
  if (!failures_.whole.empty()) {
    // A test's own words, not edusync's: shown as they are.
    result.error = text::verbatim(settings_.name + " : " + failures_.whole);
    return result;
  }
  model::Directory held = context.before;
  std::vector<std::string> added;
  for (std::size_t i = 0; i < context.plan.items.size(); ++i) {
    const auto& item = context.plan.items[i];
    if (refuses(i, item)) {
      result.failures.push_back(
          {i, text::verbatim("élément refusé par le faux connecteur : " + describe(item))});
      continue;
    }
    apply_item(item, context.after, held, added);
    ++result.applied;
  }
  copy_unnamed_parts(context.after, held);
  target_->held = std::move(held);
  target_->items_applied += result.applied;
  return result;
}

void apply_item(const plan::Item& item, const model::Directory& after, model::Directory& held,
                std::vector<std::string>& added) {
  switch (item.entity) {
    case plan::Entity::pupil: return apply_person(item, after.pupils, held.pupils);
    case plan::Entity::guardian: return apply_person(item, after.guardians, held.guardians);
    case plan::Entity::staff: return apply_person(item, after.staff, held.staff);
    case plan::Entity::division:
      return apply_structure(item, after.divisions, held.divisions, held, added);
    case plan::Entity::group: return apply_structure(item, after.groups, held.groups, held, added);
    case plan::Entity::membership:
    case plan::Entity::service:
    case plan::Entity::head_teacher: return apply_link(item, after, held);
  }
}

std::string canonical_text(const model::Directory& directory) {
  auto json = model::to_json(directory);
  for (auto& [name, value] : json.items()) {
    if (!value.is_array()) continue;
    std::vector<std::string> records;
    for (const auto& record : value) records.push_back(record.dump());
    std::sort(records.begin(), records.end());
    value = records;
  }
  return json.dump(1);
}

}  // namespace edusync::test
