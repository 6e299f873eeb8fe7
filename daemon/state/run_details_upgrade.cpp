#include "state/run_details_upgrade.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "state/run_details.hpp"

namespace edusync::state {
namespace {

using Json = nlohmann::json;

std::string text_of(const Json& object, const char* name) {
  const auto value = object.value(name, Json());
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::uint64_t number_of(const Json& object, const char* name) {
  const auto value = object.value(name, Json());
  return value.is_number_unsigned() ? value.get<std::uint64_t>() : 0;
}

// Version 1's runs.inputs: the report's `sources`, [{"path", "kind", "sha256", "records",
// "export_date" (null when none), "uai", "school_year", "bytes", "version"?}]. Anything else
// (a run that stopped before reading its inputs wrote "[]") gives no inputs, as version 1 read it.
std::vector<RunInput> inputs_of(const std::string& inputs_json) {
  const auto json = Json::parse(inputs_json, nullptr, false);
  if (!json.is_array()) return {};
  std::vector<RunInput> inputs;
  for (const auto& item : json) {
    if (!item.is_object()) return {};
    inputs.push_back({text_of(item, "path"), text_of(item, "kind"), text_of(item, "uai"),
                      text_of(item, "school_year"), text_of(item, "export_date"),
                      text_of(item, "version"), number_of(item, "records"),
                      number_of(item, "bytes"), text_of(item, "sha256")});
  }
  return inputs;
}

CreatedAccount account_of(const Json& a) {
  return {a.at("key"),     a.at("kind"),       a.at("login"),
          a.at("surname"), a.at("given_name"), a.at("division")};
}

// Version 1's account sheets read the run's report: new_accounts.jsonl (the complete list), or
// the `new_accounts` of report.json for a report written before the JSON Lines files. A report
// that is gone or unreadable gives no accounts (nullopt): its sheets could not be made either.
std::optional<std::vector<CreatedAccount>> accounts_of(const std::string& report_dir) {
  try {
    std::vector<CreatedAccount> accounts;
    const auto lines_path = std::filesystem::path(report_dir) / "new_accounts.jsonl";
    if (std::filesystem::exists(lines_path)) {
      std::ifstream in(lines_path, std::ios::binary);
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) accounts.push_back(account_of(Json::parse(line)));
      }
      if (in.bad()) return std::nullopt;
      return accounts;
    }
    std::ifstream in(std::filesystem::path(report_dir) / "report.json", std::ios::binary);
    if (!in) return std::nullopt;
    const auto report = Json::parse(in);  // named: a loop over a temporary's member dangles
    for (const auto& a : report.at("new_accounts")) accounts.push_back(account_of(a));
    return accounts;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

struct LegacyRun {
  std::string id, inputs_json, report_dir;
};

}  // namespace

void upgrade_to_run_details(Database& db) {
  create_run_detail_tables(db);
  std::vector<LegacyRun> runs;
  auto query = db.prepare("SELECT id, inputs, coalesce(report_dir, '') FROM runs ORDER BY rowid");
  while (query.step()) runs.push_back({query.text(0), query.text(1), query.text(2)});
  for (const auto& run : runs) {
    save_run_inputs(db, run.id, inputs_of(run.inputs_json));
    if (run.report_dir.empty()) continue;
    if (const auto accounts = accounts_of(run.report_dir))
      save_created_accounts(db, run.id, *accounts);
  }
  db.exec("UPDATE runs SET inputs = '[]'");
}

}  // namespace edusync::state
