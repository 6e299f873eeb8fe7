#include "run/gates.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

namespace edusync::run {
namespace {

using text::arg;
using text::message;

std::string percent(double ratio) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f %%", ratio * 100.0);
  return text;
}

template <typename Person>
std::uint64_t present(const std::vector<Person>& people) {
  std::uint64_t count = 0;
  for (const auto& person : people) count += person.departed_on.empty() ? 1u : 0u;
  return count;
}

void check_removals(const GateInputs& in, std::vector<Gate>& gates) {
  struct Population {
    plan::Entity entity;
    const char* label;  // catalogue id
    std::uint64_t before;
  };
  const Population populations[] = {
      {plan::Entity::pupil, "gate.population.pupils", present(in.previous->pupils)},
      {plan::Entity::guardian, "gate.population.guardians", present(in.previous->guardians)},
      {plan::Entity::staff, "gate.population.staff", present(in.previous->staff)}};
  for (const auto& population : populations) {
    std::uint64_t leaving = 0;
    for (const auto& item : in.plan->items) {
      if (item.entity == population.entity &&
          (item.op == plan::Op::depart || item.op == plan::Op::remove))
        ++leaving;
    }
    if (population.before == 0 || leaving == 0) continue;
    const double ratio = static_cast<double>(leaving) / static_cast<double>(population.before);
    if (ratio <= in.max_departure_ratio) continue;
    gates.push_back(
        {"REMOVAL_THRESHOLD",
         message("gate.removal_threshold",
                 {arg("leaving", std::to_string(leaving)),
                  text::nested("population", message(population.label)),
                  arg("before", std::to_string(population.before)), arg("ratio", percent(ratio)),
                  arg("threshold", percent(in.max_departure_ratio))})});
  }
}

void check_sources(const GateInputs& in, std::vector<Gate>& gates) {
  for (const auto& source : *in.sources) {
    const auto found =
        in.marks->find({std::string(sources::to_string(source.kind)), source.header.uai});
    if (found == in.marks->end()) continue;
    const auto& mark = found->second;
    if (!source.header.export_date.empty() && !mark.export_date.empty() &&
        source.header.export_date < mark.export_date) {
      gates.push_back({"STALE_EXPORT",
                       message("gate.stale_export",
                               {arg("path", source.path), arg("date", source.header.export_date),
                                arg("applied", mark.export_date)})});
    }
    const double floor = static_cast<double>(mark.records) * (1.0 - in.max_departure_ratio);
    if (static_cast<double>(source.records) < floor) {
      gates.push_back(
          {"INCOMPLETE_EXPORT",
           message("gate.incomplete_export",
                   {arg("path", source.path), arg("records", std::to_string(source.records)),
                    arg("before", std::to_string(mark.records))})});
    }
  }
}

// What the absence of an export kind would do, and where to download it: catalogue ids
// gate.export.<name>, gate.consequence.<name> and gate.where.<name>.
struct MissingExportAdvice {
  sources::ExportKind kind;
  const char* name;
};

constexpr MissingExportAdvice kMissingExportAdvice[] = {
    {sources::ExportKind::siecle_eleves, "eleves"},
    {sources::ExportKind::siecle_responsables, "responsables"},
    {sources::ExportKind::sts_emp, "sts"},
    {sources::ExportKind::siecle_structures, "structures"},
    {sources::ExportKind::siecle_nomenclatures, "nomenclatures"},
};

const MissingExportAdvice* advice_for(std::string_view kind) {
  for (const auto& advice : kMissingExportAdvice) {
    if (sources::to_string(advice.kind) == kind) return &advice;
  }
  return nullptr;
}

text::Message advice_part(const char* part, const MissingExportAdvice& advice) {
  std::string id = "gate.";
  id += part;
  id += '.';
  id += advice.name;
  return message(std::move(id));
}

// MISSING_EXPORT: a kind of export applied last time for a school this run reads is not in the
// inbox. Said as such, with what it would do and where to get it, before REMOVAL_THRESHOLD says
// how many would leave: an operator who confirms a missing STS-web export disables every staff
// account.
void check_missing_exports(const GateInputs& in, std::vector<Gate>& gates) {
  if (in.last_applied_inputs == nullptr || in.schools == nullptr) return;
  for (const auto& [kind, uai] :
       missing_exports(*in.last_applied_inputs, *in.sources, *in.schools)) {
    const auto* advice = advice_for(kind);
    if (advice == nullptr) continue;
    std::string export_date;
    for (const auto& input : *in.last_applied_inputs) {
      if (input.kind == kind && input.uai == uai) export_date = input.export_date;
    }
    const auto dated = export_date.empty()
                           ? text::verbatim("")
                           : message("gate.missing_export.dated", {arg("date", export_date)});
    gates.push_back(
        {"MISSING_EXPORT",
         message("gate.missing_export",
                 {text::nested("export", advice_part("export", *advice)), arg("uai", uai),
                  arg("run", in.last_applied_run), text::nested("dated", dated),
                  text::nested("consequence", advice_part("consequence", *advice)),
                  text::nested("where", advice_part("where", *advice))})});
  }
}

// "jdupont (Jean Dupont, 01234)", the first kOrphansNamed, then "N autres".
text::Arg orphan_list(const std::vector<OrphanAccount>& orphans) {
  std::vector<text::Message> named;
  for (std::size_t i = 0; i < orphans.size() && i < kOrphansNamed; ++i) {
    const auto& o = orphans[i];
    named.push_back(message("gate.orphan", {arg("login", o.login), arg("name", o.full_name),
                                            arg("number", o.employee_number)}));
  }
  if (orphans.size() > kOrphansNamed) {
    named.push_back(
        message("gate.orphan.others", {text::count("count", orphans.size() - kOrphansNamed)}));
  }
  return text::nested_list("accounts", std::move(named));
}

void check_orphans(const GateInputs& in, std::vector<Gate>& gates) {
  if (in.orphans == nullptr || in.orphans->empty()) return;
  std::set<std::string> connectors;
  for (const auto& orphan : *in.orphans) connectors.insert("« " + orphan.connector + " »");
  std::vector<std::string> names(connectors.begin(), connectors.end());
  gates.push_back(
      {"ORPHAN_ACCOUNTS", message("gate.orphan_accounts",
                                  {text::count("count", in.orphans->size()),
                                   text::list("connectors", names), orphan_list(*in.orphans)})});
}

}  // namespace

std::vector<std::pair<std::string, std::string>> missing_exports(
    const std::vector<state::RunInput>& last_applied,
    const std::vector<sources::ParsedExport>& sources, const std::vector<std::string>& schools) {
  std::set<std::pair<std::string, std::string>> present;
  for (const auto& source : sources)
    present.insert({std::string(sources::to_string(source.kind)), source.header.uai});
  const std::set<std::string> configured(schools.begin(), schools.end());
  std::set<std::pair<std::string, std::string>> missing;
  for (const auto& input : last_applied) {
    std::pair<std::string, std::string> kind_uai{input.kind, input.uai};
    if (configured.contains(input.uai) && !present.contains(kind_uai)) missing.insert(kind_uai);
  }
  return {missing.begin(), missing.end()};
}

std::vector<Gate> check_gates(const GateInputs& in) {
  std::vector<Gate> gates;
  if (in.previous != nullptr && !in.previous->school_year.empty() &&
      in.plan->school_year_after < in.previous->school_year) {
    gates.push_back({"YEAR_BACKWARDS",
                     message("gate.year_backwards", {arg("year", in.plan->school_year_after),
                                                     arg("applied", in.previous->school_year)})});
  }
  check_missing_exports(in, gates);
  if (in.previous != nullptr) check_removals(in, gates);
  check_sources(in, gates);
  check_orphans(in, gates);
  return gates;
}

}  // namespace edusync::run
