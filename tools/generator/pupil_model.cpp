// ELEVE records: who is current or departed, class placement, identifiers,
// dates and the other administrative fields. Names come with the families
// (family_model.cpp) because siblings share surnames.
#include <algorithm>

#include "builders.hpp"
#include "identifiers.hpp"
#include "reference.hpp"

namespace gen {
namespace {

// Exact counts of every fate; shuffled so fates are spread over families.
std::vector<Fate> make_fates(const SchoolPlan& plan, Rng& rng) {
  const std::size_t future = std::min<std::size_t>(2, plan.pupils / 10);
  const std::size_t inactifs = plan.departed >= 4 ? scaled(plan.departed, 30, 2) : 0;
  const std::size_t no_class = (plan.departed - inactifs) * 45 / 100;
  std::vector<Fate> fates;
  fates.insert(fates.end(), plan.pupils - future, Fate::Current);
  fates.insert(fates.end(), future, Fate::FutureExit);
  fates.insert(fates.end(), inactifs / 2, Fate::InactifWithExit);
  fates.insert(fates.end(), inactifs - inactifs / 2, Fate::InactifNoExit);
  fates.insert(fates.end(), no_class, Fate::LeftNoClass);
  fates.insert(fates.end(), plan.departed - inactifs - no_class, Fate::LeftWithClass);
  rng.shuffle(fates);
  return fates;
}

// ~15 % of families have 2-3 children in the school.
void make_families(School& school, Rng& rng) {
  const std::size_t n = school.pupils.size();
  for (std::size_t first = 0; first < n;) {
    const std::uint64_t r = rng.below(100);
    const std::size_t size = std::min<std::size_t>(n - first, r < 85 ? 1 : r < 97 ? 2 : 3);
    for (std::size_t i = first; i < first + size; ++i)
      school.pupils[i].family = school.families.size();
    school.families.push_back(Family{first, size, {}});
    first += size;
  }
}

// Current pupils fill the planned seats exactly; departed pupils keep the
// class they left (SIECLE still lists them in STRUCTURES).
void place_pupils(School& school, Rng& rng) {
  std::vector<std::int32_t> seats;
  for (std::size_t d = 0; d < school.divisions.size(); ++d) {
    seats.insert(seats.end(), school.divisions[d].seats, static_cast<std::int32_t>(d));
  }
  rng.shuffle(seats);
  std::size_t next = 0;
  for (Pupil& p : school.pupils) {
    switch (p.fate) {
      case Fate::Current:
      case Fate::FutureExit: p.division = seats[next++]; break;
      case Fate::LeftWithClass:
        p.division = static_cast<std::int32_t>(rng.index(school.divisions.size()));
        break;
      case Fate::LeftNoClass: p.division = kNoDivision; break;
      default: p.division = kInactifs; break;
    }
    if (p.division >= 0) {
      const Division& div = school.divisions[static_cast<std::size_t>(p.division)];
      p.level = div.level;
      p.segpa = div.segpa;
      p.mef = div.mef;
    } else if (p.fate == Fate::LeftNoClass) {
      p.level = 3;  // last year's 3e gone to lycée: CODE_MEF no longer set
    } else {
      p.level = rng.range(3, 6);
      p.mef = static_cast<std::size_t>(6 - p.level);
    }
  }
}

Date random_between(Rng& rng, Date from, Date to) {
  const std::int64_t span = to_days(to) - to_days(from);
  return add_days(
      from,
      span <= 0 ? 0 : static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(span) + 1)));
}

void set_birth(Pupil& p, const School& school, Rng& rng) {
  int year = school.year - (17 - p.level);  // 6e: 11 in the autumn
  const std::uint64_t r = rng.below(100);
  if (r < 3) p.doublement = true;
  if (r < 11)
    --year;  // repeated a year or arrived late
  else if (r > 97)
    ++year;  // one year ahead
  p.naiss = add_days(Date{year, 1, 1}, static_cast<std::int64_t>(rng.below(365)));
  const geo::Departement& home = *school.dep;
  const std::uint64_t where = rng.below(100);
  if (where < 70) {
    const geo::Commune& c = rng.pick(home.communes);
    p.dept_naiss = home.code;
    p.commune_naiss = c.insee;
  } else if (where < 90) {
    const geo::Departement& dep = rng.pick(geo::departements());
    p.dept_naiss = dep.code;
    p.commune_naiss = rng.pick(dep.communes).insee;
  } else {
    const geo::Country& country = rng.pick(geo::foreign_countries());
    p.pays = country.code;
    p.ville_naiss = country.city;
  }
}

// Entry, exit and modification dates according to the fate.
void set_dates(Pupil& p, const School& school, Rng& rng, bool& exit_today_done) {
  const Date start = school.year_start, end = school.export_date;
  p.entree = Date{school.year - (6 - p.level), 9, 1};
  if (rng.chance(0.08)) p.entree = random_between(rng, start, add_days(end, -20));
  p.modification = random_between(rng, Date{school.year, 6, 1}, end);
  switch (p.fate) {
    case Fate::FutureExit:
      p.sortie = add_days(end, rng.range(1, 45));
      p.motif_sortie = "12";
      break;
    case Fate::LeftWithClass:
    case Fate::InactifWithExit:
      p.sortie = random_between(rng, add_days(start, 3), add_days(end, -1));
      if (p.fate == Fate::LeftWithClass && !exit_today_done) {
        p.sortie = end;  // boundary case: "on or before the export date" = departed
        exit_today_done = true;
      }
      if (!before_or_same(p.entree, add_days(p.sortie, -30)))
        p.entree = Date{school.year - (6 - p.level), 9, 1};
      p.motif_sortie = rng.chance(0.5) ? "11" : rng.chance(0.5) ? "42" : "99";
      break;
    case Fate::LeftNoClass:
      p.entree = Date{school.year - 4, 9, 1};
      p.sortie = Date{school.year, 7, rng.range(1, 5)};
      p.motif_sortie = rng.chance(0.8) ? "10" : "12";
      p.modification = p.sortie;
      break;
    default: break;
  }
}

void set_identifiers(Pupil& p, BuildContext& ctx, std::uint64_t phone, const Scrambler& elenoets,
                     std::size_t local) {
  const std::uint64_t record = ctx.records.take();
  p.eleve_id = eleve_id(ctx.ids, record);
  p.elenoet = static_cast<std::uint32_t>(1000 + elenoets(local));
  p.id_eleve_etab = padded(
      std::uint64_t{p.elenoet} * 1000 + static_cast<std::uint64_t>(ctx.school.year % 1000), 11);
  p.ine = ine_rnie(ctx.ids, record);
  if (ctx.rng.chance(0.5)) p.ine_rnie = p.ine;
  if (ctx.rng.chance(0.4)) p.ine_bea = ine_bea(ctx.ids, record);
  if (ctx.rng.chance(0.3)) p.tel_portable = mobile(ctx.ids, phone);
}

void set_admin(Pupil& p, const School& school, Rng& rng) {
  p.sexe = rng.chance(0.5) ? 1 : 2;
  const std::uint64_t regime = rng.below(100);
  p.regime = regime < 60 ? "2" : regime < 85 ? "0" : regime < 95 ? "29" : "24";
  p.provenance = rng.chance(0.9) ? "1" : rng.chance(0.5) ? "2" : "3";
  p.accepte_sms = rng.chance(0.4);
  p.transport = rng.chance(0.2);
  const bool current = p.fate == Fate::Current || p.fate == Fate::FutureExit;
  if (current && rng.chance(0.2)) p.bourse = rng.chance(0.8) ? "1" : "8";
  // Last year's class in this school for continuing pupils (a trap: an old
  // CODE_STRUCTURE parsers must not take for a current one).
  if (current && !p.segpa && p.level < 6 && rng.chance(0.35)) {
    p.last_mef = static_cast<std::size_t>(6 - (p.level + 1));
    std::vector<std::size_t> previous;
    for (std::size_t d = 0; d < school.divisions.size(); ++d) {
      if (school.divisions[d].level == p.level + 1 && !school.divisions[d].segpa)
        previous.push_back(d);
    }
    if (!previous.empty()) p.last_division = school.divisions[rng.pick(previous)].code;
  }
}

}  // namespace

void build_pupils(BuildContext& ctx) {
  School& school = ctx.school;
  const SchoolPlan& plan = *school.plan;
  const std::vector<Fate> fates = make_fates(plan, ctx.rng);
  school.pupils.resize(fates.size());
  for (std::size_t i = 0; i < fates.size(); ++i) school.pupils[i].fate = fates[i];
  make_families(school, ctx.rng);
  place_pupils(school, ctx.rng);
  const Scrambler elenoets(std::max<std::uint64_t>(99'000, fates.size()), ctx.rng.next());
  bool exit_today_done = false;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    Pupil& p = school.pupils[i];
    set_identifiers(p, ctx, plan.pupil_phones.base + i, elenoets, i);
    set_admin(p, school, ctx.rng);
    set_birth(p, school, ctx.rng);
    set_dates(p, school, ctx.rng, exit_today_done);
    if (p.fate == Fate::LeftWithClass && p.sortie == school.export_date)
      ++school.planted.exit_on_export_date;
  }
}

}  // namespace gen
