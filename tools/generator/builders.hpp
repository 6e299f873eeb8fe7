// Stages that build a School from its plan. Each stage draws from the
// school's Rng in a fixed order, so the model depends only on the plan and
// the options that shape the population (never on output format options).
#pragma once

#include "model.hpp"
#include "options.hpp"
#include "rng.hpp"

namespace gen {

struct BuildContext {
  School& school;
  Rng& rng;
  const IdSpace& ids;
  IdAllocator records, persons, addresses, staff;
};

void build_divisions(BuildContext& ctx);        // structure_model.cpp
void build_pupils(BuildContext& ctx);           // pupil_model.cpp
void build_families(BuildContext& ctx);         // family_model.cpp
void build_groups(BuildContext& ctx);           // group_model.cpp
void plant_pupil_anomalies(BuildContext& ctx);  // anomalies.cpp
void plant_guardian_anomalies(BuildContext& ctx);
void derive_resp_legal(School& school);
void build_staff(BuildContext& ctx);  // staff_model.cpp

// Runs every stage (school_model.cpp).
School build_school(const SchoolPlan& plan, const Options& options, const IdSpace& ids);

// n * permille / 1000 rounded, at least `floor` (planted anomaly counts).
std::size_t scaled(std::size_t n, std::size_t permille, std::size_t floor);

}  // namespace gen
