// SIECLE "doublons responsables" and a link to a pupil missing from the
// Eleves file; then the pre-2018 RESP_LEGAL ranks.
#include <algorithm>

#include "identifiers.hpp"
#include "people.hpp"
#include "text.hpp"

namespace gen {
namespace {

bool is_current_fate(Fate f) {
  return f == Fate::Current || f == Fate::FutureExit;
}

// Current children of a family, in order.
std::vector<std::size_t> current_children(const School& school, const Family& fam) {
  std::vector<std::size_t> out;
  for (std::size_t c = fam.first; c < fam.first + fam.count; ++c) {
    if (is_current_fate(school.pupils[c].fate)) out.push_back(c);
  }
  return out;
}

// A parent (mother/father, not a step-parent) reachable by mobile or e-mail.
std::size_t duplicable_parent(const School& school, const Family& fam) {
  for (std::size_t i = fam.link_first; i < fam.link_first + fam.link_count; ++i) {
    const Link& l = school.links[i];
    const Person& p = school.persons[l.person];
    if (l.niveau == 1 && (l.parente == "10" || l.parente == "20") &&
        (!p.tel_portable.empty() || !p.mel.empty())) {
      return l.person;
    }
  }
  return kNone;
}

// Copies `original` under a new PERSONNE_ID sharing its mobile or e-mail;
// the name may differ in accents or case only (still equal once folded).
std::size_t duplicate_person(BuildContext& ctx, std::size_t original) {
  Rng& rng = ctx.rng;
  const std::uint64_t index = ctx.persons.take();
  Person copy = ctx.school.persons[original];
  copy.id = personne_id(ctx.ids, index);
  const bool share_mobile = !copy.tel_portable.empty() && (copy.mel.empty() || rng.chance(0.6));
  if (share_mobile) {
    copy.mel = rng.chance(0.5) ? email(ctx.ids, index, copy.prenom, copy.nom, rng.index(64)) : "";
  } else {
    copy.tel_portable = rng.chance(0.7) ? mobile(ctx.ids, index) : "";
  }
  const std::uint64_t variant = rng.below(3);
  if (variant == 1 && strip_accents(copy.prenom) != copy.prenom)
    copy.prenom = strip_accents(copy.prenom);
  if (variant == 2) copy.prenom = upper_fr(copy.prenom);
  ctx.school.persons.push_back(std::move(copy));
  return ctx.school.persons.size() - 1;
}

void plant_duplicates(BuildContext& ctx) {
  School& school = ctx.school;
  std::vector<std::size_t> eligible;
  for (std::size_t f = 0; f < school.families.size(); ++f) {
    if (current_children(school, school.families[f]).size() >= 2) eligible.push_back(f);
  }
  ctx.rng.shuffle(eligible);
  const std::size_t wanted = std::max<std::size_t>(2, school.plan->pupils / 150);
  for (std::size_t f : eligible) {
    if (school.planted.duplicate_guardian >= wanted) break;
    const Family& fam = school.families[f];
    const std::size_t original = duplicable_parent(school, fam);
    if (original == kNone) continue;
    const std::size_t second_child = current_children(school, fam)[1];
    const std::size_t copy = duplicate_person(ctx, original);
    for (std::size_t i = fam.link_first; i < fam.link_first + fam.link_count; ++i) {
      Link& l = school.links[i];
      if (l.pupil == second_child && l.person == original) l.person = copy;
    }
    ++school.planted.duplicate_guardian;
  }
}

// A guardian still linked to an ELEVE_ID that is not in the Eleves file.
void plant_unknown_pupil(BuildContext& ctx) {
  School& school = ctx.school;
  for (const Link& l : school.links) {
    if (l.niveau != 1 || !is_current_fate(school.pupils[l.pupil].fate)) continue;
    Link ghost = l;
    ghost.eleve_id = eleve_id(ctx.ids, ctx.records.peek_last());  // never handed out
    ghost.pupil = kNone;
    school.links.push_back(ghost);
    school.planted.unknown_pupil_ref = 1;
    return;
  }
}

}  // namespace

void plant_guardian_anomalies(BuildContext& ctx) {
  plant_duplicates(ctx);
  plant_unknown_pupil(ctx);
}

// Pre-2018 RESP_LEGAL: 1 to the paying legal guardian (else the first), 2 to
// the next, 0 to any further one (the old format had at most two).
void derive_resp_legal(School& school) {
  std::vector<std::vector<std::size_t>> legal(school.pupils.size() + 1);
  for (std::size_t i = 0; i < school.links.size(); ++i) {
    const Link& l = school.links[i];
    if (l.niveau == 1) legal[l.pupil == kNone ? school.pupils.size() : l.pupil].push_back(i);
  }
  for (auto& list : legal) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return school.links[a].paie > school.links[b].paie;
    });
    for (std::size_t rank = 0; rank < list.size(); ++rank) {
      school.links[list[rank]].resp_legal = rank < 2 ? static_cast<int>(rank) + 1 : 0;
    }
  }
}

}  // namespace gen
