// STS individuals: teachers (with services), direction, CPE, documentation,
// AED, administration; plus the planted cases: ENS without service,
// individuals without FONCTION (with or without services), a co-taught
// service and a service naming an unknown teacher.
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "identifiers.hpp"
#include "names.hpp"
#include "people.hpp"
#include "reference.hpp"
#include "staff.hpp"
#include "text.hpp"

namespace gen {
namespace {

std::string_view grade_for(Rng& rng, std::string_view fonction, std::size_t discipline,
                           bool local) {
  if (fonction == "ENS" || fonction.empty()) {
    if (local) return "CONTRACT. 1CAT";
    if (discipline == ref::kEps) return rng.chance(0.8) ? "PROF. EPS CL N" : "PROF. EPS HCL";
    const std::uint64_t r = rng.below(100);
    return r < 75 ? "CERT. CL N" : r < 88 ? "CERT. HCL" : "AGREG. CL N";
  }
  if (fonction == "DIR") return rng.chance(0.6) ? "PERDIR CL N" : "PERDIR HCL";
  if (fonction == "EDU") return "CPE CL N";
  if (fonction == "DOC") return "CERT. CL N";
  if (fonction == "ADF") return rng.chance(0.5) ? "SAENES CL N" : "ADJAENES PAL 1";
  return "";  // AED: contract staff, no corps/grade
}

void set_names(Individu& ind, Rng& rng) {
  const bool male = ind.sexe == 1 || (ind.sexe == 0 && rng.chance(0.5));
  ind.nom_patro = upper_fr(rng.pick(names::surnames()));
  ind.nom_usage = ind.nom_patro;
  if (!male && rng.chance(0.4)) ind.nom_usage = upper_fr(rng.pick(names::surnames()));
  ind.prenom = std::string(given_name(rng, male, true));
  if (rng.chance(0.1)) ind.prenom.append(" ").append(given_name(rng, male, true));
}

}  // namespace

std::size_t new_individu(BuildContext& ctx, std::string_view fonction, std::size_t discipline,
                         bool local) {
  Rng& rng = ctx.rng;
  Individu ind;
  ind.id = individu_id(ctx.ids, ctx.staff.take());
  ind.local = local;
  ind.sexe = rng.chance(0.4) ? 1 : 2;
  set_names(ind, rng);
  const int age = rng.range(24, 63);
  ind.naiss =
      add_days(Date{ctx.school.year - age, 1, 1}, static_cast<std::int64_t>(rng.below(365)));
  if (local && rng.chance(0.5)) ind.naiss = Date{};     // often unknown for TYPE=local
  if (local && rng.chance(0.3)) ind.nom_patro.clear();  // NOM_PATRONYMIQUE may be empty
  ind.fonction = fonction;
  ind.discipline = discipline;
  ind.grade = grade_for(rng, fonction, discipline, local);
  ctx.school.staff.push_back(std::move(ind));
  return ctx.school.staff.size() - 1;
}

namespace {

std::vector<Service*> all_division_services(School& school) {
  std::vector<Service*> out;
  for (Division& div : school.divisions) {
    for (Service& s : div.services) out.push_back(&s);
  }
  return out;
}

void plant_co_teaching(BuildContext& ctx, const std::vector<std::size_t>& teachers) {
  std::vector<Service*> services = all_division_services(ctx.school);
  Service& service = *ctx.rng.pick(services);
  for (std::size_t t : teachers) {
    const Individu& ind = ctx.school.staff[t];
    if (std::find(service.teachers.begin(), service.teachers.end(), ind.id) !=
        service.teachers.end())
      continue;
    service.teachers.push_back(ind.id);
    ctx.school.planted.co_taught_services = 1;
    return;
  }
}

// One head teacher (PROF_PRINC) per division, preferably one teaching there.
void assign_head_teachers(School& school, Rng& rng) {
  std::unordered_map<std::uint32_t, std::size_t> by_id;
  for (std::size_t i = 0; i < school.staff.size(); ++i) by_id[school.staff[i].id] = i;
  auto eligible = [&](std::size_t i) {
    return school.staff[i].fonction == "ENS" && school.staff[i].head_of.empty();
  };
  for (std::size_t d = 0; d < school.divisions.size(); ++d) {
    std::vector<std::size_t> candidates;
    for (const Service& s : school.divisions[d].services) {
      for (std::uint32_t id : s.teachers) {
        if (eligible(by_id.at(id))) candidates.push_back(by_id.at(id));
      }
    }
    if (candidates.empty()) {
      for (std::size_t i = 0; i < school.staff.size(); ++i) {
        if (eligible(i)) candidates.push_back(i);
      }
    }
    if (!candidates.empty()) school.staff[rng.pick(candidates)].head_of.push_back(d);
  }
}

void add_non_teachers(BuildContext& ctx) {
  const std::size_t n = ctx.school.plan->pupils;
  const struct {
    std::string_view fonction;
    std::size_t count;
    bool local;
  } kinds[] = {
      {"DIR", 1 + n / 600, false},
      {"EDU", std::max<std::size_t>(1, n / 400), false},
      {"DOC", std::max<std::size_t>(1, n / 800), false},
      {"AED", std::max<std::size_t>(2, n / 100), true},
      {"ADF", std::max<std::size_t>(2, n / 250), false},
  };
  for (const auto& kind : kinds) {
    for (std::size_t i = 0; i < kind.count; ++i)
      new_individu(ctx, kind.fonction, kNone, kind.local);
  }
  for (Individu& ind : ctx.school.staff) {  // one TYPE=local with an empty SEXE
    if (ind.fonction == "AED") {
      ind.sexe = 0;
      break;
    }
  }
}

// ENS teachers without any service (TZR, ULIS coordinators…).
void add_idle_teachers(BuildContext& ctx, std::size_t count) {
  static const std::vector<std::size_t> kDisciplines{ref::kFranc, ref::kMaths, ref::kAgl1,
                                                     ref::kEps};
  for (std::size_t i = 0; i < count; ++i)
    new_individu(ctx, "ENS", ctx.rng.pick(kDisciplines), false);
  ctx.school.planted.teacher_without_service = count;
}

}  // namespace

void build_staff(BuildContext& ctx) {
  School& school = ctx.school;
  Rng& rng = ctx.rng;
  std::vector<std::size_t> teachers = staff_services(ctx);
  plant_co_teaching(ctx, teachers);
  rng.shuffle(teachers);
  // On leave but services left behind ("reliquats"): staff, without FONCTION.
  const std::size_t no_fonction = std::max<std::size_t>(1, teachers.size() / 40);
  for (std::size_t i = 0; i < no_fonction && i < teachers.size(); ++i)
    school.staff[teachers[i]].fonction = "";
  assign_head_teachers(school, rng);
  add_idle_teachers(ctx, std::max<std::size_t>(1, teachers.size() / 25));
  add_non_teachers(ctx);
  const std::size_t ignored =
      std::max<std::size_t>(1, school.staff.size() / 50);  // no FONCTION, no service
  for (std::size_t i = 0; i < ignored; ++i) new_individu(ctx, "", ref::kFranc + i % 3, false);
  school.unknown_staff_id = individu_id(ctx.ids, ctx.staff.peek_last());  // never handed out
  rng.pick(all_division_services(school))->teachers.push_back(school.unknown_staff_id);
  school.planted.unknown_staff_ref = 1;
  std::sort(school.staff.begin(), school.staff.end(), [](const Individu& a, const Individu& b) {
    return std::tie(a.nom_usage, a.prenom, a.id) < std::tie(b.nom_usage, b.prenom, b.id);
  });
}

}  // namespace gen
