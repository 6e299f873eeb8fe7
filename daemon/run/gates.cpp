#include "run/gates.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

namespace edusync::run {
namespace {

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
    const char* label;
    std::uint64_t before;
  };
  const Population populations[] = {
      {plan::Entity::pupil, "élèves", present(in.previous->pupils)},
      {plan::Entity::guardian, "responsables", present(in.previous->guardians)},
      {plan::Entity::staff, "personnels", present(in.previous->staff)}};
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
         text::verbatim(
             "Ce passage ferait partir ou supprimerait " + std::to_string(leaving) + " " +
             population.label + " sur " + std::to_string(population.before) + " (" +
             percent(ratio) + "), au-delà du seuil de " + percent(in.max_departure_ratio) +
             " (safety.max_departure_ratio). Vérifiez que les exports sont complets et du bon "
             "établissement ; si ces départs sont réels, appliquez avec « edusync run --confirm "
             "».")});
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
      gates.push_back(
          {"STALE_EXPORT",
           text::verbatim(source.path + " est un export du " + source.header.export_date +
                          ", plus ancien que celui déjà appliqué (" + mark.export_date +
                          "). Déposez un export récent ; s'il s'agit bien de revenir en arrière, "
                          "confirmez avec « edusync run --confirm ».")});
    }
    const double floor = static_cast<double>(mark.records) * (1.0 - in.max_departure_ratio);
    if (static_cast<double>(source.records) < floor) {
      gates.push_back(
          {"INCOMPLETE_EXPORT",
           text::verbatim(
               source.path + " contient " + std::to_string(source.records) +
               " enregistrements contre " + std::to_string(mark.records) +
               " la dernière fois : export partiel ? Refaites "
               "l'export complet (tous les élèves, toutes les classes) ; si la baisse est réelle, "
               "confirmez avec « edusync run --confirm ».")});
    }
  }
}

// What the absence of an export kind would do, and where to download it.
struct MissingExportAdvice {
  sources::ExportKind kind;
  const char* export_name;
  const char* consequence;
  const char* where;
};

constexpr MissingExportAdvice kMissingExportAdvice[] = {
    {sources::ExportKind::siecle_eleves, "l'export SIECLE des élèves (ElevesSansAdresses.xml)",
     "sans lui, tous les élèves de l'établissement partiraient",
     "SIECLE, Base Élèves Établissement, exports XML génériques : ElevesSansAdresses "
     "(ExportXML_ElevesSansAdresses.zip)"},
    {sources::ExportKind::siecle_responsables,
     "l'export SIECLE des responsables (ResponsablesAvecAdresses.xml)",
     "sans lui, tous les responsables partiraient et les élèves perdraient leurs liens",
     "SIECLE, Base Élèves Établissement, exports XML génériques : ResponsablesAvecAdresses"},
    {sources::ExportKind::sts_emp, "l'export STS-web des personnels (sts_emp_<UAI>_<année>.xml)",
     "sans lui, tous les comptes des personnels seraient désactivés",
     "STS-web, « Exports > Emploi du temps »"},
    {sources::ExportKind::siecle_structures, "l'export SIECLE des structures (Structures.xml)",
     "sans lui, les divisions et groupes qu'il décrit seraient retirés",
     "SIECLE, Base Élèves Établissement, exports XML génériques : Structures"},
    {sources::ExportKind::siecle_nomenclatures,
     "l'export SIECLE des nomenclatures (Nomenclature.xml)",
     "sans lui, les libellés des matières et des MEF ne seraient plus connus",
     "SIECLE, Base Élèves Établissement, exports XML génériques : Nomenclature"},
};

const MissingExportAdvice* advice_for(std::string_view kind) {
  for (const auto& advice : kMissingExportAdvice) {
    if (sources::to_string(advice.kind) == kind) return &advice;
  }
  return nullptr;
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
    std::string message = std::string("Il manque ") + advice->export_name + " de l'établissement " +
                          uai + " dans la boîte de dépôt, alors que le dernier passage appliqué (" +
                          in.last_applied_run + ") en avait un";
    if (!export_date.empty()) message += " (export du " + export_date + ")";
    message += std::string(" : ") + advice->consequence + ". Téléchargez-le (" + advice->where +
               ") et déposez-le ; s'il ne doit vraiment plus être lu, confirmez avec "
               "« edusync run --confirm ».";
    gates.push_back({"MISSING_EXPORT", text::verbatim(std::move(message))});
  }
}

// "jdupont (Jean Dupont, 01234)", the first kOrphansNamed, then "et N autres".
std::string orphan_list(const std::vector<OrphanAccount>& orphans) {
  std::string list;
  for (std::size_t i = 0; i < orphans.size() && i < kOrphansNamed; ++i) {
    const auto& o = orphans[i];
    list += (i == 0 ? "" : ", ") + o.login + " (" + o.full_name + ", " + o.employee_number + ")";
  }
  if (orphans.size() > kOrphansNamed)
    list += " et " + std::to_string(orphans.size() - kOrphansNamed) + " autres";
  return list;
}

void check_orphans(const GateInputs& in, std::vector<Gate>& gates) {
  if (in.orphans == nullptr || in.orphans->empty()) return;
  std::set<std::string> connectors;
  for (const auto& orphan : *in.orphans) connectors.insert("« " + orphan.connector + " »");
  std::string names;
  for (const auto& name : connectors) names += (names.empty() ? "" : ", ") + name;
  const bool one = in.orphans->size() == 1;
  gates.push_back(
      {"ORPHAN_ACCOUNTS",
       text::verbatim(
           std::to_string(in.orphans->size()) + (one ? " compte de " : " comptes de ") + names +
           (one ? " porte" : " portent") +
           " le numéro (employeeNumber) d'un élève ou d'un personnel mais ne " +
           (one ? "correspond" : "correspondent") +
           " à personne, ni dans les exports ni dans la base d'état : " + orphan_list(*in.orphans) +
           ". C'est une première synchronisation de cet annuaire ou la base d'état a été "
           "perdue : ces personnes sont sans doute parties entre-temps. Si la base d'état a été "
           "perdue, restaurez-la plutôt depuis la sauvegarde. Sinon vérifiez que les exports "
           "sont complets, puis « edusync run --confirm » les traitera comme des départs : "
           "comptes désactivés et retirés des groupes aujourd'hui, placés dans la corbeille "
           "(ou=Trash) après safety.grace_days jours ; rien n'est supprimé.")});
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
    gates.push_back(
        {"YEAR_BACKWARDS",
         text::verbatim("Les exports sont de l'année scolaire " + in.plan->school_year_after +
                        " alors que l'année " + in.previous->school_year +
                        " a déjà été appliquée : exports d'une année passée ? Déposez les "
                        "exports de l'année en cours.")});
  }
  check_missing_exports(in, gates);
  if (in.previous != nullptr) check_removals(in, gates);
  check_sources(in, gates);
  check_orphans(in, gates);
  return gates;
}

}  // namespace edusync::run
