// Links between persons and structures: pupils' memberships, teaching services, head teachers.
// Compared as sets; the links of a renamed structure are compared under its new code, so a
// rename alone moves no one.
#include <set>
#include <tuple>

#include "diff/internal.hpp"

namespace edusync::diff {
namespace {

// One link, comparable; `structure` already translated through the renames.
struct Link {
  plan::Entity entity;
  std::string key, uai;
  model::StructureKind kind;
  std::string structure, subject;
  auto tie() const { return std::tie(entity, key, uai, kind, structure, subject); }
  bool operator<(const Link& other) const { return tie() < other.tie(); }
};

std::string renamed(const Renames& renames, const std::string& uai, model::StructureKind kind,
                    const std::string& code) {
  if (renames.empty()) return code;
  const auto found = renames.find(structure_id(uai, kind, code));
  return found == renames.end() ? code : found->second;
}

std::set<Link> links_of(const model::Directory& d, const Renames& renames) {
  std::set<Link> links;
  using model::StructureKind;
  for (const auto& m : d.memberships) {
    links.insert({plan::Entity::membership, m.pupil_key, m.uai, m.structure_kind,
                  renamed(renames, m.uai, m.structure_kind, m.structure_code), ""});
  }
  for (const auto& s : d.services) {
    links.insert({plan::Entity::service, s.staff_key, s.uai, s.structure_kind,
                  renamed(renames, s.uai, s.structure_kind, s.structure_code), s.subject_code});
  }
  for (const auto& h : d.head_teachers) {
    links.insert({plan::Entity::head_teacher, h.staff_key, h.uai, StructureKind::division,
                  renamed(renames, h.uai, StructureKind::division, h.division_code), ""});
  }
  return links;
}

plan::Item link_item(const Link& link, plan::Op op) {
  plan::Item item;
  item.entity = link.entity;
  item.op = op;
  item.key = link.key;
  item.uai = link.uai;
  item.structure_kind = link.kind;
  item.structure = link.structure;
  item.subject = link.subject;
  return item;
}

}  // namespace

void diff_links(const model::Directory& before, const model::Directory& after,
                const Renames& renames, plan::Plan& plan) {
  const auto old_links = links_of(before, renames);
  const auto new_links = links_of(after, {});
  for (const auto& link : old_links) {
    if (!new_links.contains(link)) plan.items.push_back(link_item(link, plan::Op::remove));
  }
  for (const auto& link : new_links) {
    if (!old_links.contains(link)) plan.items.push_back(link_item(link, plan::Op::add));
  }
}

}  // namespace edusync::diff
