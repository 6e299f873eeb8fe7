// Divisions (classes) of a collège: levels 6e to 3e, 25-30 pupils each, plus
// SEGPA classes whose codes carry no space ("3SEGPA").
#include <string>

#include "builders.hpp"
#include "reference.hpp"

namespace gen {
namespace {

// Code styles seen in schools: "6E 1", "6 A", "4e 1" (codes may contain spaces).
std::string division_code(int style, int level, std::size_t rank) {
  const std::string lvl = std::to_string(level);
  switch (style) {
    case 0: return lvl + "E " + std::to_string(rank + 1);
    case 1:
      return rank < 26 ? lvl + " " + static_cast<char>('A' + rank)
                       : lvl + " " + std::to_string(rank + 1);
    default: return lvl + "e " + std::to_string(rank + 1);
  }
}

std::string division_label(const std::string& code, int level) {
  return std::to_string(level) + "EME" + code.substr(code.find(' '));
}

void add_segpa(School& school, int level, std::uint32_t seats) {
  Division div;
  div.code = std::to_string(level) + "SEGPA";
  div.label = std::to_string(level) + "EME SEGPA";
  div.mef = level == 4 ? ref::kMef4Segpa : ref::kMef3Segpa;
  div.level = level;
  div.segpa = true;
  div.seats = seats;
  school.divisions.push_back(std::move(div));
}

}  // namespace

void build_divisions(BuildContext& ctx) {
  School& school = ctx.school;
  std::size_t rest = school.plan->pupils;
  std::uint32_t segpa3 = 0, segpa4 = 0;
  if (rest >= 60) segpa3 = static_cast<std::uint32_t>(ctx.rng.range(12, 16));
  if (rest >= 400) segpa4 = static_cast<std::uint32_t>(ctx.rng.range(12, 16));
  rest -= segpa3 + segpa4;
  // round(rest / 27.5) divisions, at least one per level when possible.
  const std::size_t wanted = (2 * rest + 27) / 55;
  const std::size_t n_div = std::min(rest, std::max<std::size_t>(wanted, 4));
  const int style = ctx.rng.range(0, 2);
  static constexpr std::size_t kLevelMef[] = {ref::kMef6, ref::kMef5, ref::kMef4, ref::kMef3};
  for (std::size_t lvl = 0; lvl < 4; ++lvl) {
    const std::size_t count = n_div / 4 + (lvl < n_div % 4 ? 1 : 0);
    const int level = 6 - static_cast<int>(lvl);
    for (std::size_t rank = 0; rank < count; ++rank) {
      Division div;
      div.code = division_code(style, level, rank);
      div.label = division_label(div.code, level);
      div.mef = kLevelMef[lvl];
      div.level = level;
      school.divisions.push_back(std::move(div));
    }
    if (level == 4 && segpa4 > 0) add_segpa(school, 4, segpa4);
    if (level == 3 && segpa3 > 0) add_segpa(school, 3, segpa3);
  }
  // Spread the regular pupils evenly (sizes differ by at most one).
  std::size_t index = 0;
  for (Division& div : school.divisions) {
    if (div.segpa) continue;
    div.seats = static_cast<std::uint32_t>(rest / n_div + (index++ < rest % n_div ? 1 : 0));
  }
}

}  // namespace gen
