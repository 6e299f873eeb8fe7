#include "run/gates.hpp"

#include <cmath>
#include <cstdio>
#include <set>

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
         "Ce passage ferait partir ou supprimerait " + std::to_string(leaving) + " " +
             population.label + " sur " + std::to_string(population.before) + " (" +
             percent(ratio) + "), au-delà du seuil de " + percent(in.max_departure_ratio) +
             " (safety.max_departure_ratio). Vérifiez que les exports sont complets et du bon "
             "établissement ; si ces départs sont réels, appliquez avec « edusync run --confirm "
             "»."});
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
                       source.path + " est un export du " + source.header.export_date +
                           ", plus ancien que celui déjà appliqué (" + mark.export_date +
                           "). Déposez un export récent ; s'il s'agit bien de revenir en arrière, "
                           "confirmez avec « edusync run --confirm »."});
    }
    const double floor = static_cast<double>(mark.records) * (1.0 - in.max_departure_ratio);
    if (static_cast<double>(source.records) < floor) {
      gates.push_back(
          {"INCOMPLETE_EXPORT",
           source.path + " contient " + std::to_string(source.records) +
               " enregistrements contre " + std::to_string(mark.records) +
               " la dernière fois : export partiel ? Refaites "
               "l'export complet (tous les élèves, toutes les classes) ; si la baisse est réelle, "
               "confirmez avec « edusync run --confirm »."});
    }
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
           "(ou=Trash) après safety.grace_days jours ; rien n'est supprimé."});
}

}  // namespace

std::vector<Gate> check_gates(const GateInputs& in) {
  std::vector<Gate> gates;
  if (in.previous != nullptr && !in.previous->school_year.empty() &&
      in.plan->school_year_after < in.previous->school_year) {
    gates.push_back(
        {"YEAR_BACKWARDS", "Les exports sont de l'année scolaire " + in.plan->school_year_after +
                               " alors que l'année " + in.previous->school_year +
                               " a déjà été appliquée : exports d'une année passée ? Déposez les "
                               "exports de l'année en cours."});
  }
  if (in.previous != nullptr) check_removals(in, gates);
  check_sources(in, gates);
  check_orphans(in, gates);
  return gates;
}

}  // namespace edusync::run
