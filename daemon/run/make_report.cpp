#include "run/make_report.hpp"

#include <utility>

namespace edusync::run {
namespace {

std::vector<report::Gate> gates_of(const std::vector<Gate>& gates) {
  std::vector<report::Gate> lines;
  lines.reserve(gates.size());
  for (const auto& gate : gates) lines.push_back({gate.code, gate.message});
  return lines;
}

std::vector<report::IgnoredInput> ignored_of(const std::vector<IgnoredFile>& files) {
  std::vector<report::IgnoredInput> ignored;
  ignored.reserve(files.size());
  for (const auto& file : files) ignored.push_back({file.path, file.reason});
  return ignored;
}

std::vector<report::NewAccount> accounts_of(const std::vector<state::CreatedAccount>& created) {
  std::vector<report::NewAccount> accounts;
  accounts.reserve(created.size());
  for (const auto& a : created)
    accounts.push_back({a.key, a.kind, a.login, a.surname, a.given_name, a.division});
  return accounts;
}

}  // namespace

report::RunReport make_report(RunResult&& result, const std::string& language) {
  report::RunReport report;
  report.id = std::move(result.id);
  report.language = language;
  report.started = std::move(result.started);
  report.finished = std::move(result.finished);
  report.dry_run = result.dry_run;
  report.status = status_word(result.status);
  report.confirmed = result.confirmed;
  report.school_year = std::move(result.school_year);
  report.uais = std::move(result.uais);
  report.error = std::move(result.error);
  report.unchanged_since = std::move(result.unchanged_since);
  report.unchanged_report = std::move(result.unchanged_report);
  report.sources = std::move(result.sources);
  report.schools_reread = std::move(result.schools_reread);
  report.schools_reused = std::move(result.schools_reused);
  report.ignored_inputs = ignored_of(result.ignored_inputs);
  report.totals = std::move(result.totals);
  report.plan = std::move(result.plan);
  report.person_changes = std::move(result.person_changes);
  report.warnings = std::move(result.warnings);
  report.gates = gates_of(result.gates);
  report.connectors = std::move(result.connectors);
  report.previews = std::move(result.previews);
  report.new_accounts = accounts_of(result.new_accounts);
  report.leavers = std::move(result.leavers);
  report.expired_passwords = std::move(result.expired_passwords);
  return report;
}

}  // namespace edusync::run
