// The only changes --timetables makes to the SIECLE model: the twins of
// TIMETABLE_AMBIGUOUS_PUPIL, and accidental homonyms set apart so that no other ambiguity exists.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "expected_detail.hpp"
#include "names.hpp"
#include "timetable.hpp"

namespace gen {
namespace {

bool twin_candidate(const School& school, const Pupil& p) {
  if (p.fate != Fate::Current || !p.naiss.present() || p.sexe == 0 || p.division < 0) return false;
  if (p.nom_usage_form == NomUsage::Value || p.division2 != kNoDivision) return false;
  return std::none_of(p.groups.begin(), p.groups.end(),
                      [&](std::uint32_t g) { return school.groups[g].in_siecle; });
}

}  // namespace

std::size_t separate_homonyms(School& school) {
  std::unordered_set<std::string> keys;
  std::size_t moved = 0;
  for (Pupil& p : school.pupils) {
    if (!pupil_is_current(school, p)) continue;
    const std::string given = p.prenom;
    const auto pool = p.sexe == 1 ? names::boys() : names::girls();
    std::size_t k = 0;
    bool changed = false;
    while (!keys.insert(pupil_key(p.nom, p.prenom, p.naiss)).second) {
      changed = true;
      if (p.naiss.present())
        p.naiss = add_days(p.naiss, 1);
      else
        p.prenom = given + "-" + std::string(pool[k++ % pool.size()]);
    }
    moved += changed ? 1U : 0U;
  }
  return moved;
}

void plant_twins(School& school, Rng& rng, TtPlanted& planted) {
  std::vector<std::size_t> pool;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    if (twin_candidate(school, school.pupils[i])) pool.push_back(i);
  }
  rng.shuffle(pool);
  std::map<std::pair<int, int>, std::size_t> first;  // (level, sex) -> first candidate
  for (std::size_t i : pool) {
    const auto [it, inserted] =
        first.try_emplace({school.pupils[i].level, school.pupils[i].sexe}, i);
    if (inserted) continue;
    const Pupil& a = school.pupils[it->second];
    Pupil& b = school.pupils[i];
    b.nom = a.nom;
    b.prenom = a.prenom;
    b.naiss = a.naiss;
    planted.twin_a = it->second;
    planted.twin_b = i;
    return;
  }
}

}  // namespace gen
