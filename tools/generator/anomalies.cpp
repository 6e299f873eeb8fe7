// Deliberate data-quality defects, each on distinct, otherwise clean records
// so the oracle's counts equal what is planted here (school_files.cpp checks).
#include <algorithm>

#include "builders.hpp"

namespace gen {
namespace {

// Pops distinct current pupils (fate Current only: future exits stay clean).
class PupilPicker {
 public:
  PupilPicker(const School& school, Rng& rng) {
    for (std::size_t i = 0; i < school.pupils.size(); ++i) {
      if (school.pupils[i].fate == Fate::Current) pool_.push_back(i);
    }
    rng.shuffle(pool_);
  }
  bool empty() const { return next_ >= pool_.size(); }
  std::size_t take() { return pool_[next_++]; }

 private:
  std::vector<std::size_t> pool_;
  std::size_t next_ = 0;
};

std::size_t current_count(const School& school) {
  return school.plan->pupils;
}

void plant_second_division(School& school, std::size_t pupil) {
  Pupil& p = school.pupils[pupil];
  std::size_t other = kNone;
  for (std::size_t d = 0; d < school.divisions.size(); ++d) {
    if (d == static_cast<std::size_t>(p.division)) continue;
    if (other == kNone || school.divisions[d].level == p.level) other = d;
    if (school.divisions[d].level == p.level) break;
  }
  if (other == kNone) return;
  p.division2 = static_cast<std::int32_t>(other);
  ++school.planted.multiple_divisions;
}

// Departed pupils get defects too; the oracle must not count them.
void add_departed_noise(School& school, Rng& rng) {
  for (Pupil& p : school.pupils) {
    if (p.fate == Fate::Current || p.fate == Fate::FutureExit) continue;
    if (rng.chance(0.05)) p.ine.clear(), p.ine_rnie.clear(), p.ine_bea.clear();
    if (rng.chance(0.01)) p.sexe = 0;
  }
}

}  // namespace

void plant_pupil_anomalies(BuildContext& ctx) {
  School& school = ctx.school;
  PupilPicker pick(school, ctx.rng);
  const std::size_t n = current_count(school);
  auto repeat = [&](std::size_t count, auto&& plant) {
    for (std::size_t i = 0; i < count && !pick.empty(); ++i) plant(school.pupils[pick.take()]);
  };
  if (n >= 20) {  // one INE shared by two current pupils
    const std::size_t a = pick.take(), b = pick.take();
    school.pupils[b].ine = school.pupils[a].ine;
    if (!school.pupils[b].ine_rnie.empty()) school.pupils[b].ine_rnie = school.pupils[a].ine;
    school.planted.duplicate_ine = 1;
  }
  repeat(scaled(n, 30, 1), [&](Pupil& p) {  // no INE at all (newcomer)
    p.ine.clear(), p.ine_rnie.clear(), p.ine_bea.clear();
    ++school.planted.missing_ine;
  });
  repeat(scaled(n, 10, 1), [&](Pupil& p) {  // INE only in INE_RNIE: not missing
    p.ine_rnie = p.ine;
    p.ine.clear();
    ++school.planted.ine_rnie_only;
  });
  repeat(scaled(n, 5, 1), [&](Pupil& p) { p.sexe = 0, ++school.planted.missing_sex; });
  repeat(scaled(n, 3, 1), [&](Pupil& p) { p.naiss = Date{}, ++school.planted.missing_birthdate; });
  if (!pick.empty()) plant_second_division(school, pick.take());
  add_departed_noise(school, ctx.rng);
}

}  // namespace gen
