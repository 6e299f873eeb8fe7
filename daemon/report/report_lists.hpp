#pragma once
// The lists of a run report at academy scale. A first run of 100 000 pupils has millions of
// items and tens of thousands of warnings: report.json, report.txt and report.html show counts
// and the first entries of each list (the limits below, documented in the README), and every
// list is written complete as JSON Lines beside report.json, one JSON object a line:
//   items.jsonl               plan items, as report.json `items` (also the per-division changes)
//   person_changes.jsonl      the plan's persons named: name, login, class, before -> after
//   warnings.jsonl            data-quality warnings, as report.json `warnings`
//   new_accounts.jsonl        accounts created by the run (the sheets list the state's copy)
//   leavers.jsonl             accounts that left, with the end of their grace period
//   ignored_inputs.jsonl      files of the inbox not read, and why
//   connector_warnings.jsonl  connectors' warnings, each with "connector": its name
//   connector_failures.jsonl  connectors' per-item failures: {"connector", "message"}
// report.json names these files and the full counts under `lists`.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/warning.hpp"
#include "report/run_report.hpp"

namespace edusync::report {

// report.json: the first kJsonListed entries of each list, but the first kJsonPerCode warnings
// of each code (so that 30 000 MISSING_INE hide no rarer code).
inline constexpr std::size_t kJsonListed = 1000;
inline constexpr std::size_t kJsonPerCode = 100;
// report.html: the first kHtmlListed entries of each list, of each warning code, of each
// connector's warnings.
inline constexpr std::size_t kHtmlListed = 100;
// report.html: the first kHtmlNamed persons who changed (kHtmlNamedPerSchool in each school of
// a report of several schools: an academy's page stays light).
inline constexpr std::size_t kHtmlNamed = 500;
inline constexpr std::size_t kHtmlNamedPerSchool = 100;
// report.txt: the first kTextListed entries of each list (warnings: a count per code), but the
// first kTextNamed persons who changed (a collège's morning read names them all).
inline constexpr std::size_t kTextListed = 10;
inline constexpr std::size_t kTextNamed = 60;

// The JSON Lines file of each list, relative to the report's directory.
inline constexpr const char* kItemsFile = "items.jsonl";
inline constexpr const char* kPersonChangesFile = "person_changes.jsonl";
inline constexpr const char* kWarningsFile = "warnings.jsonl";
inline constexpr const char* kNewAccountsFile = "new_accounts.jsonl";
inline constexpr const char* kLeaversFile = "leavers.jsonl";
inline constexpr const char* kIgnoredInputsFile = "ignored_inputs.jsonl";
inline constexpr const char* kConnectorWarningsFile = "connector_warnings.jsonl";
inline constexpr const char* kConnectorFailuresFile = "connector_failures.jsonl";

// The warnings kept when at most `per_code` of each code are: the first ones, in their order.
std::vector<const model::Warning*> first_per_code(const std::vector<model::Warning>& warnings,
                                                  std::size_t per_code);

// JSON forms shared by report.json and the JSON Lines files.
nlohmann::ordered_json to_json(const NewAccount& account);
nlohmann::ordered_json to_json(const Leaver& leaver);
nlohmann::ordered_json to_json(const PersonChange& change);
nlohmann::ordered_json to_json(const IgnoredInput& file, const std::string& language);

// report.json `lists`: per list its full count, how many report.json shows, and its file.
nlohmann::ordered_json lists_json(const RunReport& report);

// Writes the JSON Lines files into `dir` (each through a temporary file renamed into place).
void write_report_lists(const RunReport& report, const std::string& dir);

// The complete list of new accounts of the report in `dir`: new_accounts.jsonl, or the
// `new_accounts` of report.json for a report written before the lists were. (The account
// sheets read the state's run_accounts, state/run_details.hpp, not this.)
std::vector<NewAccount> read_new_accounts(const std::string& dir);

}  // namespace edusync::report
