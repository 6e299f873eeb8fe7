#pragma once
// diff(before, after, rules) -> plan: a pure function of two directories. `before` is what a
// target last acknowledged (empty for a first run), `after` what it should hold now. Both are
// desired states: present persons plus departed ones still in their grace period
// (departed_on set); a person absent from `after` is to be removed.
//
// Same inputs give the same plan, item for item (deterministic order), and diff(d, d) is empty.
#include "model/directory.hpp"
#include "plan/plan.hpp"

namespace edusync::diff {

struct Rules {
  // A division or group whose code disappears while a new code of the same kind and school
  // appears with members overlapping by at least this Jaccard index is a rename.
  double rename_similarity = 0.80;
};

plan::Plan diff(const model::Directory& before, const model::Directory& after, const Rules& rules);

}  // namespace edusync::diff
