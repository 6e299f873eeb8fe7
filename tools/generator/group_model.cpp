// Teaching groups drawn from several divisions ("barrettes" of up to three
// classes of one level): English groups in 6e, LV2 groups and Latin from 5e.
// Also fills each pupil's OPTIONS (subjects chosen).
#include <algorithm>
#include <map>

#include "builders.hpp"
#include "reference.hpp"

namespace gen {
namespace {

constexpr std::size_t kBarrette = 3;

std::size_t ceil_div(std::size_t a, std::size_t b) {
  return (a + b - 1) / b;
}

// Creates ceil(members / max_size) groups and deals the members round-robin.
// Codes are "<prefix><k>" with k running over the whole level.
void make_groups(School& school, std::vector<std::size_t> members, std::size_t subject,
                 const std::string& prefix, std::size_t max_size, std::size_t& counter,
                 bool single_bare) {
  const std::size_t n_groups = ceil_div(members.size(), max_size);
  if (n_groups == 0) return;
  const std::size_t first = school.groups.size();
  const Pupil& sample = school.pupils[members.front()];
  for (std::size_t g = 0; g < n_groups; ++g) {
    Group group;
    const bool bare = single_bare && n_groups == 1;
    group.code = prefix;
    group.label = std::to_string(sample.level);
    group.label.append("EME ").append(ref::subject(subject).long_label);
    if (!bare) {  // append(), not operator+: GCC 12 -Wrestrict false positive
      const std::string rank = std::to_string(++counter);
      group.code.append(rank);
      group.label.append(" ").append(rank);
    }
    group.subject = subject;
    group.level = sample.level;
    group.in_siecle =
        subject == ref::kLcaLatin || (subject != ref::kAgl1 && school.lv2_groups_in_siecle);
    school.groups.push_back(std::move(group));
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    const std::size_t g = first + i % n_groups;
    Pupil& p = school.pupils[members[i]];
    p.groups.push_back(static_cast<std::uint32_t>(g));
    Group& group = school.groups[g];
    ++group.members;
    const auto d = static_cast<std::size_t>(p.division);
    if (std::find(group.divisions.begin(), group.divisions.end(), d) == group.divisions.end()) {
      group.divisions.push_back(d);
    }
  }
  for (std::size_t g = first; g < school.groups.size(); ++g) {
    Group& group = school.groups[g];
    std::sort(group.divisions.begin(), group.divisions.end());
    for (std::size_t d : group.divisions) {
      const std::size_t mef = school.divisions[d].mef;
      if (std::find(group.mefs.begin(), group.mefs.end(), mef) == group.mefs.end())
        group.mefs.push_back(mef);
    }
  }
}

bool is_current_fate(Fate f) {
  return f == Fate::Current || f == Fate::FutureExit;
}

// Options of every pupil with a known level; LV2 choice decides the group.
void choose_options(School& school, Rng& rng) {
  for (Pupil& p : school.pupils) {
    p.options.push_back({ref::kAgl1, 'O'});
    if (p.level <= 5 && !p.segpa) {
      p.options.push_back({rng.chance(0.65) ? ref::kEsp2 : ref::kAll2, 'O'});
      if (rng.chance(0.15)) p.options.push_back({ref::kLcaLatin, 'F'});
    }
  }
}

bool has_option(const Pupil& p, std::size_t subject) {
  return std::any_of(p.options.begin(), p.options.end(),
                     [&](const PupilOption& o) { return o.subject == subject; });
}

// English groups (6e) or LV2 groups per barrette, Latin across the level.
void build_level_groups(School& school, int level,
                        const std::vector<std::vector<std::size_t>>& members) {
  const std::string lvl = std::to_string(level);
  std::size_t agl = 0, esp = 0, all = 0, lat = 0;
  std::vector<std::size_t> latin;
  for (std::size_t b = 0; b < members.size(); b += kBarrette) {
    std::vector<std::size_t> eng, spa, ger;
    for (std::size_t d = b; d < std::min(members.size(), b + kBarrette); ++d) {
      for (std::size_t i : members[d]) {
        const Pupil& p = school.pupils[i];
        (level == 6 ? eng : has_option(p, ref::kEsp2) ? spa : ger).push_back(i);
        if (has_option(p, ref::kLcaLatin)) latin.push_back(i);
      }
    }
    make_groups(school, eng, ref::kAgl1, lvl + "AGL G", 24, agl, false);
    make_groups(school, spa, ref::kEsp2, lvl + " ESP", 28, esp, false);
    make_groups(school, ger, ref::kAll2, lvl + " ALL", 28, all, false);
  }
  make_groups(school, latin, ref::kLcaLatin, lvl + " LAT", 28, lat, true);
}

}  // namespace

void build_groups(BuildContext& ctx) {
  School& school = ctx.school;
  choose_options(school, ctx.rng);
  // Current pupils of regular divisions, by division.
  std::map<std::size_t, std::vector<std::size_t>> by_division;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    if (is_current_fate(p.fate) && !p.segpa)
      by_division[static_cast<std::size_t>(p.division)].push_back(i);
  }
  for (int level = 6; level >= 3; --level) {
    std::vector<std::vector<std::size_t>> members;  // per division of this level
    for (const auto& [d, pupils] : by_division) {
      if (school.divisions[d].level == level) members.push_back(pupils);
    }
    build_level_groups(school, level, members);
  }
}

}  // namespace gen
