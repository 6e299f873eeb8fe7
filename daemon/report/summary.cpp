#include "report/summary.hpp"

#include <algorithm>

#include "report/labels.hpp"

namespace edusync::report {
namespace {

constexpr std::size_t kCodesNamed = 5;

// "MISSING_INE (4), DUPLICATE_GUARDIAN (2)": the most frequent codes first.
std::string most_frequent(const std::vector<model::Warning>& warnings) {
  std::map<std::string, std::size_t> counts;
  for (const auto& w : warnings) counts[w.code]++;
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (std::size_t i = 0; i < sorted.size() && i < kCodesNamed; ++i)
    text += (i == 0 ? "" : ", ") + sorted[i].first + " (" + std::to_string(sorted[i].second) + ")";
  if (sorted.size() > kCodesNamed) text += "…";
  return text;
}

std::string gate_codes(const RunReport& r) {
  std::string codes;
  for (const auto& g : r.gates) codes += (codes.empty() ? "" : ", ") + g.code;
  return codes;
}

void run_actions(const RunReport& r, bool en, std::vector<std::string>& out) {
  if (r.status == "failed") {
    out.push_back(en ? "The run failed, nothing was applied: " + r.error
                     : "Le passage a échoué, rien n'a été appliqué : " + r.error);
  }
  if (r.status == "held") {
    out.push_back(en ? "Held by " + gate_codes(r) +
                           ": nothing was applied. Read the safety gates below; if the changes are "
                           "intended: edusync run --confirm"
                     : "Retenu par " + gate_codes(r) +
                           " : rien n'a été appliqué. Lisez les garde-fous ci-dessous ; si les "
                           "changements sont voulus : edusync run --confirm");
  }
}

void connector_actions(const RunReport& r, bool en, std::vector<std::string>& out) {
  for (const auto& c : r.connectors) {
    if (c.status != "failed") continue;
    const std::string why = !c.error.empty()
                                ? text::render(c.error, r.language)
                                : counted_noun(r.language, c.failed, en ? "item refused" : "refus",
                                               en ? "items refused" : "refus");
    out.push_back(en ? "Target « " + c.name + " » failed (" + why +
                           "); it catches up at the next run"
                     : "La cible « " + c.name + " » a échoué (" + why +
                           ") ; elle rattrapera au prochain passage");
  }
  for (const auto& c : r.connectors) {
    if (c.warnings.empty()) continue;
    const auto n = c.warnings.size();
    out.push_back(
        en ? counted_noun(r.language, n, "record", "records") + " left out by « " + c.name +
                 " »: " + most_frequent(c.warnings) + ", to fix in SIECLE or STS-web"
           : counted_noun(r.language, n, "enregistrement non écrit", "enregistrements non écrits") +
                 " par « " + c.name + " » : " + most_frequent(c.warnings) +
                 ", à corriger dans SIECLE ou STS-web");
  }
}

}  // namespace

std::vector<std::string> actions(const RunReport& r) {
  const bool en = r.language == "en";
  std::vector<std::string> out;
  run_actions(r, en, out);
  connector_actions(r, en, out);
  if (!r.expired_passwords.failures.empty()) {
    const auto n = r.expired_passwords.failures.size();
    out.push_back(en ? counted_noun(r.language, n, "file still holds", "files still hold") +
                           " expired initial passwords (see below)"
                     : counted_noun(r.language, n, "fichier contient", "fichiers contiennent") +
                           " encore des mots de passe initiaux expirés (voir plus bas)");
  }
  if (!r.ignored_inputs.empty()) {  // a web page saved in place of an export, a stray file...
    const auto n = r.ignored_inputs.size();
    const auto& first = r.ignored_inputs.front();
    out.push_back(en ? counted_noun(r.language, n, "file of the inbox not read",
                                    "files of the inbox not read") +
                           " (first: " + first.path + " — " +
                           text::render(first.reason, r.language) + ")"
                     : counted_noun(r.language, n, "fichier de la boîte de dépôt non lu",
                                    "fichiers de la boîte de dépôt non lus") +
                           " (le premier : " + first.path + " — " +
                           text::render(first.reason, r.language) + ")");
  }
  if (!r.warnings.empty()) {
    const auto n = r.warnings.size();
    out.push_back(
        en ? counted_noun(r.language, n, "warning", "warnings") +
                 " on the exports, to fix at the source: " + most_frequent(r.warnings)
           : counted_noun(r.language, n, "avertissement", "avertissements") +
                 " sur les exports, à corriger à la source : " + most_frequent(r.warnings));
  }
  return out;
}

std::vector<SchoolSummary> school_summaries(const RunReport& r) {
  std::map<std::string, SchoolSummary> by_school;
  for (const auto& change : r.person_changes) {
    auto& school = by_school[change.uai];
    school.uai = change.uai;
    school.by_op[change.op]++;
    school.total++;
  }
  std::vector<SchoolSummary> summaries;
  summaries.reserve(by_school.size());
  for (auto& [uai, summary] : by_school) summaries.push_back(std::move(summary));
  return summaries;
}

}  // namespace edusync::report
