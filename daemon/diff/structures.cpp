// Divisions and groups: added, removed, or renamed when a disappearing code and an appearing
// code of the same school and kind share most of their pupils (Jaccard index of the two member
// sets >= rules.rename_similarity). At a school-year rollover nothing is renamed: last year's
// structures are all removed and this year's all added.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "diff/internal.hpp"

namespace edusync::diff {
namespace {

struct StructureRef {
  std::string uai;
  model::StructureKind kind;
  std::string code;
  std::string id() const { return structure_id(uai, kind, code); }
};

using Members = std::unordered_map<std::string, std::unordered_set<std::string_view>>;

std::vector<StructureRef> structures_of(const model::Directory& d) {
  std::vector<StructureRef> all;
  for (const auto& x : d.divisions) all.push_back({x.uai, model::StructureKind::division, x.code});
  for (const auto& x : d.groups) all.push_back({x.uai, model::StructureKind::group, x.code});
  return all;
}

Members members_of(const model::Directory& d) {
  Members members;
  for (const auto& m : d.memberships) {
    members[structure_id(m.uai, m.structure_kind, m.structure_code)].insert(m.pupil_key);
  }
  return members;
}

double jaccard(const std::unordered_set<std::string_view>& a,
               const std::unordered_set<std::string_view>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for (const auto& key : a) common += b.contains(key) ? 1u : 0u;
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

plan::Item structure_item(const StructureRef& s, plan::Op op) {
  plan::Item item;
  item.entity =
      s.kind == model::StructureKind::division ? plan::Entity::division : plan::Entity::group;
  item.op = op;
  item.key = s.code;
  item.uai = s.uai;
  item.structure_kind = s.kind;
  return item;
}

struct Candidate {
  double score;
  std::size_t gone, appeared;
};

// Best pairs first; ties broken by position (structures are sorted), so the result is stable.
std::vector<Candidate> rename_candidates(const std::vector<StructureRef>& gone,
                                         const std::vector<StructureRef>& appeared,
                                         const Members& before, const Members& after,
                                         double similarity) {
  static const std::unordered_set<std::string_view> kNone;
  auto members = [](const Members& all, const std::string& id) -> const auto& {
    const auto found = all.find(id);
    return found == all.end() ? kNone : found->second;
  };
  std::vector<Candidate> candidates;
  for (std::size_t g = 0; g < gone.size(); ++g) {
    for (std::size_t a = 0; a < appeared.size(); ++a) {
      if (gone[g].uai != appeared[a].uai || gone[g].kind != appeared[a].kind) continue;
      const double score = jaccard(members(before, gone[g].id()), members(after, appeared[a].id()));
      if (score >= similarity) candidates.push_back({score, g, a});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(y.score, x.gone, x.appeared) < std::tie(x.score, y.gone, y.appeared);
  });
  return candidates;
}

}  // namespace

Renames diff_structures(const model::Directory& before, const model::Directory& after,
                        bool rollover, double similarity, plan::Plan& plan,
                        std::vector<plan::Item>& removals) {
  const auto old_structures = structures_of(before);
  const auto new_structures = structures_of(after);
  std::set<std::string> old_ids, new_ids;
  for (const auto& s : old_structures) old_ids.insert(s.id());
  for (const auto& s : new_structures) new_ids.insert(s.id());
  std::vector<StructureRef> gone, appeared;
  for (const auto& s : old_structures) {
    if (rollover || !new_ids.contains(s.id())) gone.push_back(s);
  }
  for (const auto& s : new_structures) {
    if (rollover || !old_ids.contains(s.id())) appeared.push_back(s);
  }
  Renames renames;
  std::vector<bool> gone_taken(gone.size(), false), appeared_taken(appeared.size(), false);
  if (!rollover) {
    for (const auto& c :
         rename_candidates(gone, appeared, members_of(before), members_of(after), similarity)) {
      if (gone_taken[c.gone] || appeared_taken[c.appeared]) continue;
      gone_taken[c.gone] = appeared_taken[c.appeared] = true;
      renames.emplace(gone[c.gone].id(), appeared[c.appeared].code);
    }
  }
  for (std::size_t a = 0; a < appeared.size(); ++a) {
    if (!appeared_taken[a]) plan.items.push_back(structure_item(appeared[a], plan::Op::add));
  }
  for (std::size_t g = 0; g < gone.size(); ++g) {
    if (!gone_taken[g]) {
      removals.push_back(structure_item(gone[g], plan::Op::remove));
      continue;
    }
    auto item = structure_item(gone[g], plan::Op::rename);
    item.key = renames.at(gone[g].id());
    item.fields.push_back({"code", gone[g].code, item.key});
    plan.items.push_back(std::move(item));
  }
  return renames;
}

}  // namespace edusync::diff
