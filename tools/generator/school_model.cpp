#include <cstdio>

#include "builders.hpp"
#include "names.hpp"

namespace gen {

std::size_t scaled(std::size_t n, std::size_t permille, std::size_t floor) {
  return std::max(floor, (n * permille + 500) / 1000);
}

School build_school(const SchoolPlan& plan, const Options& options, const IdSpace& ids) {
  School school;
  school.plan = &plan;
  school.uai = plan.uai;
  school.dep = &geo::departement_for_uai(plan.uai);
  school.year = options.year;
  school.export_date = options.export_date;
  school.year_start = Date{options.year, 9, 1};
  Rng rng(plan.seed);
  school.eponym = std::string(rng.pick(names::school_eponyms()));
  school.commune = &rng.pick(school.dep->communes);
  const int number = rng.range(1, 90);
  school.street = std::to_string(number) + " " + std::string(rng.pick(names::streets()));
  char stamp[16];
  school.hour = rng.range(7, 19);
  school.minute = rng.range(0, 59);
  school.second = rng.range(0, 59);
  std::snprintf(stamp, sizeof stamp, " %02d:%02d:%02d", school.hour, school.minute, school.second);
  school.horodatage = format_dmy(school.export_date) + stamp;
  school.bourses_empty = rng.chance(0.15);
  school.lv2_groups_in_siecle = rng.chance(0.5);

  BuildContext ctx{school,
                   rng,
                   ids,
                   IdAllocator(plan.records),
                   IdAllocator(plan.persons),
                   IdAllocator(plan.addresses),
                   IdAllocator(plan.staff)};
  build_divisions(ctx);
  build_pupils(ctx);
  build_families(ctx);
  build_groups(ctx);
  plant_pupil_anomalies(ctx);
  plant_guardian_anomalies(ctx);
  derive_resp_legal(school);
  build_staff(ctx);
  return school;
}

}  // namespace gen
