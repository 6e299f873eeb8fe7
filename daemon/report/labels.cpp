#include "report/labels.hpp"

#include <span>

#include "text/message.hpp"

namespace edusync::report {

const Labels& labels(const std::string& language) {
  static const Labels kFrench{
      "Rapport de synchronisation edusync",
      "Passage",
      "État",
      "Année scolaire",
      "Exports lus",
      "Fichiers ignorés",
      "Annuaire",
      "Changements",
      "élèves",
      "responsables",
      "personnels",
      "divisions",
      "groupes",
      "appartenances",
      "ajouts",
      "modifications",
      "départs",
      "retours",
      "suppressions",
      "renommages",
      "Renommages",
      "Partis, comptes désactivés en attente de suppression",
      "suppression le",
      "Avertissements",
      "Garde-fous",
      "Cibles",
      "Nouveaux comptes",
      "aucun",
      "Changement d'année scolaire : les divisions et groupes de l'an passé sont retirés",
      "Simulation (--dry-run) : rien n'a été appliqué",
      "Rien n'a été appliqué. Si ces changements sont voulus : edusync run --confirm",
      "Exports identiques à ceux du passage",
      "rien à recalculer ni à appliquer ; chiffres et avertissements dans son rapport :",
      "liste complète :",
      "autres",
      "Qui a changé",
      "aucune appelée (rien n'a été appliqué)"};
  static const Labels kEnglish{
      "edusync synchronisation report",
      "Run",
      "Status",
      "School year",
      "Exports read",
      "Ignored files",
      "Directory",
      "Changes",
      "pupils",
      "guardians",
      "staff",
      "divisions",
      "groups",
      "memberships",
      "additions",
      "updates",
      "departures",
      "returns",
      "removals",
      "renames",
      "Renames",
      "Leavers, accounts disabled until removal",
      "removal on",
      "Warnings",
      "Safety gates",
      "Targets",
      "New accounts",
      "none",
      "School-year rollover: last year's divisions and groups are retired",
      "Dry run: nothing was applied",
      "Nothing was applied. If these changes are intended: edusync run --confirm",
      "Same exports as run",
      "nothing to recompute or apply; figures and warnings in its report:",
      "full list:",
      "more",
      "Who changed",
      "none called (nothing was applied)"};
  return language == "en" ? kEnglish : kFrench;
}

}  // namespace edusync::report

namespace edusync::report {
namespace {

bool english(const std::string& language) {
  return language == "en";
}

struct Word {
  const char* family;  // "persons" stands for pupils, guardians and staff
  const char* op;
  const char* french_one;
  const char* french_many;
  const char* english_one;
  const char* english_many;
};

constexpr Word kCountWords[] = {
    {"persons", "added", "arrivée", "arrivées", "arrival", "arrivals"},
    {"persons", "updated", "modification", "modifications", "update", "updates"},
    {"persons", "departed", "départ", "départs", "departure", "departures"},
    {"persons", "returned", "retour", "retours", "return", "returns"},
    {"persons", "removed", "suppression", "suppressions", "removal", "removals"},
    {"structures", "added", "création", "créations", "creation", "creations"},
    {"structures", "renamed", "renommage", "renommages", "rename", "renames"},
    {"structures", "removed", "suppression", "suppressions", "removal", "removals"},
    {"memberships", "added", "ajout", "ajouts", "addition", "additions"},
    {"memberships", "removed", "retrait", "retraits", "removal", "removals"},
};

// A code and its words in the two languages: statuses, operations, fields.
struct Translation {
  const char* code;
  const char* french;
  const char* english;
};

// The words of `code` in `table`; nullptr when the table has no such code.
template <std::size_t N>
const char* translated(const Translation (&table)[N], const std::string& language,
                       const std::string& code) {
  for (const auto& entry : table) {
    if (code == entry.code) return english(language) ? entry.english : entry.french;
  }
  return nullptr;
}

constexpr Translation kStatuses[] = {{"ok", "réussi", "succeeded"},
                                     {"held", "retenu", "held"},
                                     {"failed", "échoué", "failed"},
                                     {"partial", "partiel", "partial"},
                                     {"skipped", "non appelée", "not called"},
                                     {"running", "en cours", "running"},
                                     {"interrupted", "interrompu", "interrupted"}};

constexpr Translation kPersonOps[] = {{"added", "arrivée", "arrival"},
                                      {"returned", "retour", "return"},
                                      {"updated", "modification", "update"},
                                      {"departed", "départ", "departure"},
                                      {"removed", "suppression", "removal"}};

constexpr Translation kFieldWords[] = {{"uai", "établissement", "school"},
                                       {"uais", "établissements", "schools"},
                                       {"division", "classe", "class"},
                                       {"surname", "nom", "surname"},
                                       {"birth_surname", "nom de naissance", "birth surname"},
                                       {"given_name", "prénom", "first name"},
                                       {"other_given_names", "autres prénoms", "other first names"},
                                       {"sex", "sexe", "sex"},
                                       {"birth_date", "date de naissance", "birth date"},
                                       {"email", "courriel", "e-mail"},
                                       {"mef", "MEF", "MEF"},
                                       {"elenoet", "numéro ELENOET", "ELENOET number"},
                                       {"ines", "INE", "INE"},
                                       {"exit_date", "date de sortie", "exit date"},
                                       {"civility", "civilité", "civility"},
                                       {"mobile", "téléphone portable", "mobile phone"},
                                       {"phone_home", "téléphone du domicile", "home phone"},
                                       {"phone_work", "téléphone professionnel", "work phone"},
                                       {"pupils", "élèves rattachés", "linked pupils"},
                                       {"function", "fonction", "function"},
                                       {"grade", "grade", "grade"}};

const char* family_group(const std::string& family) {
  if (family == "divisions" || family == "groups") return "structures";
  if (family == "memberships") return "memberships";
  return "persons";
}

}  // namespace

std::string status_label(const std::string& language, const std::string& status) {
  const char* words = translated(kStatuses, language, status);
  return words != nullptr ? words : status;
}

std::string school_year_label(const std::string& year) {
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) return year;
  return year + "-" + std::to_string(std::stoi(year) + 1);
}

std::string date_label(const std::string& language, const std::string& iso) {
  if (english(language) || iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string count_label(const std::string& language, std::uint64_t count, const std::string& family,
                        const std::string& op) {
  const std::string group = family_group(family);
  for (const auto& w : kCountWords) {
    if (group != w.family || op != w.op) continue;
    const bool one = english(language) ? count == 1 : count < 2;
    const char* word = english(language) ? (one ? w.english_one : w.english_many)
                                         : (one ? w.french_one : w.french_many);
    return std::to_string(count) + " " + word;
  }
  return std::to_string(count) + " " + op;
}

std::string counted_noun(const std::string& language, std::uint64_t count, std::string_view one,
                         std::string_view many) {
  return text::counted(count, one, many, language);
}

std::string applied_words(const std::string& language, std::uint64_t applied,
                          std::uint64_t failed) {
  if (english(language)) {
    return std::to_string(applied) +
           (applied == 1 ? " operation applied, " : " operations applied, ") +
           std::to_string(failed) + (failed == 1 ? " failure" : " failures");
  }
  return std::to_string(applied) +
         (applied < 2 ? " opération appliquée, " : " opérations appliquées, ") +
         std::to_string(failed) + (failed < 2 ? " échec" : " échecs");
}

const char* person_op_label(const std::string& language, const std::string& op) {
  const char* words = translated(kPersonOps, language, op);
  return words != nullptr ? words : "?";
}

std::string field_label(const std::string& language, const std::string& field) {
  const char* words = translated(kFieldWords, language, field);
  return words != nullptr ? words : field;
}

const char* people_heading(const std::string& language, const std::string& kind) {
  if (kind == "guardian") return english(language) ? "guardians" : "responsables";
  if (kind == "staff") return english(language) ? "staff" : "personnels";
  return english(language) ? "pupils without a class" : "élèves sans classe";
}

std::vector<std::pair<std::string, std::string>> catalogue_pairs() {
  constexpr const char* Labels::*kFields[] = {
      &Labels::title,          &Labels::run,         &Labels::status,       &Labels::school_year,
      &Labels::inputs,         &Labels::ignored,     &Labels::totals,       &Labels::changes,
      &Labels::pupils,         &Labels::guardians,   &Labels::staff,        &Labels::divisions,
      &Labels::groups,         &Labels::memberships, &Labels::added,        &Labels::updated,
      &Labels::departed,       &Labels::returned,    &Labels::removed,      &Labels::renamed,
      &Labels::renames,        &Labels::leavers,     &Labels::removal_on,   &Labels::warnings,
      &Labels::gates,          &Labels::connectors,  &Labels::new_accounts, &Labels::none,
      &Labels::rollover,       &Labels::dry_run,     &Labels::held_hint,    &Labels::unchanged,
      &Labels::unchanged_hint, &Labels::full_list,   &Labels::more,         &Labels::who_changed,
      &Labels::not_called};
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto& fr = labels("fr");
  const auto& en = labels("en");
  for (const auto field : kFields) pairs.emplace_back(fr.*field, en.*field);
  for (const auto& table :
       {std::span<const Translation>(kStatuses), std::span<const Translation>(kPersonOps),
        std::span<const Translation>(kFieldWords)}) {
    for (const auto& entry : table) pairs.emplace_back(entry.french, entry.english);
  }
  for (const auto& w : kCountWords) {
    pairs.emplace_back(w.french_one, w.english_one);
    pairs.emplace_back(w.french_many, w.english_many);
  }
  for (const char* kind : {"pupil", "guardian", "staff"})
    pairs.emplace_back(people_heading("fr", kind), people_heading("en", kind));
  return pairs;
}

}  // namespace edusync::report
