// Deterministic order: the same exports always give the same directory, byte for byte, so
// that plans, reports and golden files are stable.
#include <algorithm>
#include <tuple>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

template <typename Item, typename Key>
void sort_by(std::vector<Item>& items, Key key) {
  std::sort(items.begin(), items.end(),
            [&](const Item& a, const Item& b) { return key(a) < key(b); });
}

}  // namespace

void sort_directory(model::Directory& d) {
  sort_by(d.schools, [](const auto& s) { return std::tie(s.uai); });
  sort_by(d.pupils, [](const auto& p) { return std::tie(p.key, p.uai, p.eleve_id); });
  sort_by(d.guardians, [](const auto& c) { return std::tie(c.key); });
  sort_by(d.other_contacts, [](const auto& c) { return std::tie(c.key); });
  sort_by(d.staff, [](const auto& s) { return std::tie(s.key); });
  sort_by(d.divisions, [](const auto& x) { return std::tie(x.uai, x.code); });
  sort_by(d.groups, [](const auto& x) { return std::tie(x.uai, x.code); });
  sort_by(d.subjects, [](const auto& x) { return std::tie(x.code); });
  sort_by(d.mefs, [](const auto& x) { return std::tie(x.code); });
  sort_by(d.services, [](const auto& s) {
    return std::tie(s.staff_key, s.uai, s.structure_kind, s.structure_code, s.subject_code);
  });
  sort_by(d.head_teachers,
          [](const auto& h) { return std::tie(h.staff_key, h.uai, h.division_code); });
  sort_by(d.memberships, [](const auto& m) {
    return std::tie(m.pupil_key, m.uai, m.structure_kind, m.structure_code, m.origin);
  });
}

void finish_directory(Context& context) {
  sort_directory(context.directory);
  context.division_index.clear();
  context.group_index.clear();
}

}  // namespace edusync::assemble
