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

// Each code once, in the order the gates came, with its count when it held more than once: an
// academy's run can be held by a MISSING_EXPORT per school.
std::string gate_codes(const RunReport& r) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const auto& g : r.gates) {
    const auto found = std::find_if(counts.begin(), counts.end(),
                                    [&](const auto& c) { return c.first == g.code; });
    if (found == counts.end()) {
      counts.emplace_back(g.code, 1);
    } else {
      ++found->second;
    }
  }
  std::string codes;
  for (const auto& [code, count] : counts) {
    codes += (codes.empty() ? "" : ", ") + code;
    if (count > 1) codes += " (" + std::to_string(count) + ")";
  }
  return codes;
}

std::string say(const RunReport& r, const char* id, std::vector<text::Arg> args) {
  return text::render(text::message(id, std::move(args)), r.language);
}

void run_actions(const RunReport& r, std::vector<std::string>& out) {
  if (r.status == "failed")
    out.push_back(say(r, "report.todo.failed", {text::arg("error", r.error)}));
  if (r.status == "held")
    out.push_back(say(r, "report.todo.held", {text::arg("codes", gate_codes(r))}));
}

void connector_actions(const RunReport& r, std::vector<std::string>& out) {
  for (const auto& c : r.connectors) {
    if (c.status != "failed") continue;
    const std::string why = !c.error.empty()
                                ? text::render(c.error, r.language)
                                : say(r, "report.todo.refused", {text::count("count", c.failed)});
    out.push_back(
        say(r, "report.todo.target_failed", {text::arg("name", c.name), text::arg("why", why)}));
  }
  for (const auto& c : r.connectors) {
    if (c.warnings.empty()) continue;
    out.push_back(say(r, "report.todo.left_out",
                      {text::count("count", c.warnings.size()), text::arg("name", c.name),
                       text::arg("codes", most_frequent(c.warnings))}));
  }
}

}  // namespace

std::string schools_line(const RunReport& r) {
  std::string named;
  for (std::size_t i = 0; i < std::min(r.schools_reread.size(), kSchoolsNamed); ++i)
    named += (named.empty() ? "" : ", ") + r.schools_reread[i];
  if (r.schools_reread.size() > kSchoolsNamed)
    named += " … (+" + std::to_string(r.schools_reread.size() - kSchoolsNamed) + ")";
  return text::render(
      text::message("report.schools_reused", {text::count("reused", r.schools_reused.size()),
                                              text::count("reread", r.schools_reread.size()),
                                              text::arg("uais", named.empty() ? "—" : named)}),
      r.language);
}

std::vector<std::string> actions(const RunReport& r) {
  std::vector<std::string> out;
  run_actions(r, out);
  connector_actions(r, out);
  if (!r.expired_passwords.failures.empty()) {
    out.push_back(say(r, "report.todo.passwords_left",
                      {text::count("count", r.expired_passwords.failures.size())}));
  }
  if (!r.ignored_inputs.empty()) {  // a web page saved in place of an export, a stray file...
    const auto& first = r.ignored_inputs.front();
    out.push_back(say(r, "report.todo.ignored_inputs",
                      {text::count("count", r.ignored_inputs.size()), text::arg("path", first.path),
                       text::nested("reason", first.reason)}));
  }
  if (!r.warnings.empty()) {
    out.push_back(say(
        r, "report.todo.warnings",
        {text::count("count", r.warnings.size()), text::arg("codes", most_frequent(r.warnings))}));
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
