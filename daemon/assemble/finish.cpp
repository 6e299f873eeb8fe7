// Deterministic order: the same exports always give the same directory, byte for byte, so
// that plans, reports and golden files are stable.
#include <algorithm>
#include <tuple>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

// The order of each list, defined once for the sort and the merge.
const auto kSchoolOrder = [](const model::School& s) { return std::tie(s.uai); };
const auto kPupilOrder = [](const model::Pupil& p) { return std::tie(p.key, p.uai, p.eleve_id); };
const auto kContactOrder = [](const model::Contact& c) { return std::tie(c.key); };
const auto kStaffOrder = [](const model::Staff& s) { return std::tie(s.key); };
const auto kDivisionOrder = [](const model::Division& x) { return std::tie(x.uai, x.code); };
const auto kGroupOrder = [](const model::Group& x) { return std::tie(x.uai, x.code); };
const auto kSubjectOrder = [](const model::Subject& x) { return std::tie(x.code); };
const auto kMefOrder = [](const model::Mef& x) { return std::tie(x.code); };
const auto kServiceOrder = [](const model::Service& s) {
  return std::tie(s.staff_key, s.uai, s.structure_kind, s.structure_code, s.subject_code);
};
const auto kHeadTeacherOrder = [](const model::HeadTeacher& h) {
  return std::tie(h.staff_key, h.uai, h.division_code);
};
const auto kMembershipOrder = [](const model::Membership& m) {
  return std::tie(m.pupil_key, m.uai, m.structure_kind, m.structure_code, m.origin);
};

template <typename Item, typename Key>
void sort_by(std::vector<Item>& items, Key key) {
  std::sort(items.begin(), items.end(),
            [&](const Item& a, const Item& b) { return key(a) < key(b); });
}

// Appends the runs, each in `key` order, to `into` in that order (a k-way merge; equal items
// in the order of their runs), and frees them.
template <typename Item, typename Key>
void merge_runs(std::vector<Item>& into, const std::vector<std::vector<Item>*>& runs, Key key) {
  using Cursor = std::pair<std::size_t, std::size_t>;  // run, position in it
  const auto after = [&](const Cursor& a, const Cursor& b) {
    const auto ka = key((*runs[a.first])[a.second]);
    const auto kb = key((*runs[b.first])[b.second]);
    if (kb < ka) return true;
    if (ka < kb) return false;
    return b.first < a.first;
  };
  std::vector<Cursor> heap;
  std::size_t total = into.size();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    total += runs[r]->size();
    if (!runs[r]->empty()) heap.emplace_back(r, 0);
  }
  into.reserve(total);
  std::make_heap(heap.begin(), heap.end(), after);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), after);
    auto& cursor = heap.back();
    into.push_back(std::move((*runs[cursor.first])[cursor.second]));
    if (++cursor.second < runs[cursor.first]->size()) {
      std::push_heap(heap.begin(), heap.end(), after);
    } else {
      heap.pop_back();
    }
  }
  for (auto* run : runs) std::vector<Item>().swap(*run);
}

template <typename Item>
std::vector<std::vector<Item>*> runs_of(std::vector<model::Directory*>& parts,
                                        std::vector<Item> model::Directory::*list) {
  std::vector<std::vector<Item>*> runs;
  runs.reserve(parts.size());
  for (auto* part : parts) runs.push_back(&(part->*list));
  return runs;
}

// Calls visit(member, order) for each list whose records belong to one school each.
template <typename Visit>
void for_each_school_list(Visit visit) {
  using D = model::Directory;
  visit(&D::pupils, kPupilOrder);
  visit(&D::guardians, kContactOrder);
  visit(&D::other_contacts, kContactOrder);
  visit(&D::divisions, kDivisionOrder);
  visit(&D::groups, kGroupOrder);
  visit(&D::services, kServiceOrder);
  visit(&D::head_teachers, kHeadTeacherOrder);
  visit(&D::memberships, kMembershipOrder);
}

}  // namespace

void sort_directory(model::Directory& d) {
  sort_small_lists(d);
  for_each_school_list([&](auto member, auto order) { sort_by(d.*member, order); });
}

void merge_sorted_lists(model::Directory& into, std::vector<model::Directory*> parts) {
  for_each_school_list(
      [&](auto member, auto order) { merge_runs(into.*member, runs_of(parts, member), order); });
}

void sort_small_lists(model::Directory& d) {
  sort_by(d.schools, kSchoolOrder);
  sort_by(d.staff, kStaffOrder);
  sort_by(d.subjects, kSubjectOrder);
  sort_by(d.mefs, kMefOrder);
}

void finish_directory(Context& context) {
  sort_directory(context.directory);
  context.division_index.clear();
  context.group_index.clear();
}

}  // namespace edusync::assemble
