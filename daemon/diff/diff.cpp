#include "diff/diff.hpp"

#include "diff/internal.hpp"

namespace edusync::diff {

std::string structure_id(const std::string& uai, model::StructureKind kind,
                         const std::string& code) {
  std::string id = uai;
  id.append("|").append(model::to_string(kind)).append("|").append(code);
  return id;
}

// Order of the plan: structures added or renamed; persons added, returned, updated; links
// removed then added; persons departed, then removed; structures removed. A connector applying
// items in order never references a structure or a person that does not exist yet.
plan::Plan diff(const model::Directory& before, const model::Directory& after, const Rules& rules) {
  plan::Plan plan;
  plan.school_year_before = before.school_year;
  plan.school_year_after = after.school_year;
  plan.rollover = !before.school_year.empty() && after.school_year > before.school_year;
  std::vector<plan::Item> structure_removals;
  const Renames renames = diff_structures(before, after, plan.rollover, rules.rename_similarity,
                                          plan, structure_removals);
  std::vector<plan::Item> person_exits;
  diff_persons(before, after, plan, person_exits);
  diff_links(before, after, renames, plan);
  for (auto* tail : {&person_exits, &structure_removals}) {
    for (auto& item : *tail) plan.items.push_back(std::move(item));
  }
  return plan;
}

}  // namespace edusync::diff
