#include "report/report_lists.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include "common/file_writer.hpp"
#include "model/model_json.hpp"
#include "plan/plan_json.hpp"

namespace edusync::report {
namespace {

using Json = nlohmann::ordered_json;

std::size_t connector_warning_count(const RunReport& r) {
  std::size_t count = 0;
  for (const auto& c : r.connectors) count += c.warnings.size();
  return count;
}

std::size_t connector_failure_count(const RunReport& r) {
  std::size_t count = 0;
  for (const auto& c : r.connectors) count += c.failures.size();
  return count;
}

Json list_json(std::size_t count, std::size_t listed, const char* file) {
  return {{"count", count}, {"listed", std::min(count, listed)}, {"file", file}};
}

// One JSON object a line, written through a temporary file renamed into place.
template <typename Items, typename ToJson>
void write_lines(const std::string& path, const Items& items, ToJson to_json_of) {
  auto out = FileWriter::replace(path);
  for (const auto& item : items) out << to_json_of(item).dump() << "\n";
  out.commit();
}

}  // namespace

std::vector<const model::Warning*> first_per_code(const std::vector<model::Warning>& warnings,
                                                  std::size_t per_code) {
  std::map<std::string_view, std::size_t> kept;
  std::vector<const model::Warning*> first;
  for (const auto& warning : warnings) {
    if (kept[warning.code]++ < per_code) first.push_back(&warning);
  }
  return first;
}

Json to_json(const NewAccount& a) {
  return {{"key", a.key},
          {"kind", a.kind},
          {"login", a.login},
          {"surname", a.surname},
          {"given_name", a.given_name},
          {"division", a.division}};
}

Json to_json(const PersonChange& c) {
  Json json{{"kind", c.kind}, {"op", c.op},     {"uai", c.uai},
            {"key", c.key},   {"name", c.name}, {"login", c.login}};
  if (!c.division.empty()) json["division"] = c.division;
  if (!c.fields.empty()) {
    Json fields = Json::array();
    for (const auto& f : c.fields)
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    json["fields"] = std::move(fields);
  }
  if (!c.removal_on.empty()) json["removal_on"] = c.removal_on;
  return json;
}

Json to_json(const Leaver& x) {
  return {{"key", x.key},
          {"kind", x.kind},
          {"name", x.name},
          {"login", x.login},
          {"departed_on", x.departed_on},
          {"removal_on", x.removal_on}};
}

Json to_json(const IgnoredInput& file, const std::string& language) {
  return {{"path", file.path}, {"reason", text::render(file.reason, language)}};
}

Json lists_json(const RunReport& r) {
  Json lists;
  lists["items"] = list_json(r.plan.items.size(), kJsonListed, kItemsFile);
  lists["warnings"] =
      list_json(r.warnings.size(), first_per_code(r.warnings, kJsonPerCode).size(), kWarningsFile);
  Json by_code = Json::object();
  std::map<std::string, std::size_t> counts;
  for (const auto& w : r.warnings) counts[w.code]++;
  for (const auto& [code, count] : counts) by_code[code] = count;
  lists["warnings"]["by_code"] = std::move(by_code);
  lists["person_changes"] = list_json(r.person_changes.size(), kJsonListed, kPersonChangesFile);
  lists["new_accounts"] = list_json(r.new_accounts.size(), kJsonListed, kNewAccountsFile);
  lists["leavers"] = list_json(r.leavers.size(), kJsonListed, kLeaversFile);
  lists["ignored_inputs"] = list_json(r.ignored_inputs.size(), kJsonListed, kIgnoredInputsFile);
  std::size_t listed_warnings = 0, listed_failures = 0;
  for (const auto& c : r.connectors) {
    listed_warnings += first_per_code(c.warnings, kJsonPerCode).size();
    listed_failures += std::min(c.failures.size(), kJsonListed);
  }
  lists["connector_warnings"] =
      list_json(connector_warning_count(r), listed_warnings, kConnectorWarningsFile);
  lists["connector_failures"] =
      list_json(connector_failure_count(r), listed_failures, kConnectorFailuresFile);
  return lists;
}

void write_report_lists(const RunReport& r, const std::string& dir) {
  const auto path = [&](const char* file) { return dir + "/" + file; };
  write_lines(path(kItemsFile), r.plan.items, [](const auto& item) { return plan::to_json(item); });
  write_lines(path(kWarningsFile), r.warnings,
              [&](const auto& w) { return model::to_json(w, r.language); });
  write_lines(path(kPersonChangesFile), r.person_changes, [](const auto& c) { return to_json(c); });
  write_lines(path(kNewAccountsFile), r.new_accounts, [](const auto& a) { return to_json(a); });
  write_lines(path(kLeaversFile), r.leavers, [](const auto& x) { return to_json(x); });
  write_lines(path(kIgnoredInputsFile), r.ignored_inputs,
              [&](const auto& f) { return to_json(f, r.language); });
  auto warnings = FileWriter::replace(path(kConnectorWarningsFile));
  auto failures = FileWriter::replace(path(kConnectorFailuresFile));
  for (const auto& c : r.connectors) {
    for (const auto& w : c.warnings) {
      Json line{{"connector", c.name}};
      line.update(model::to_json(w, r.language));
      warnings << line.dump() << "\n";
    }
    for (const auto& failure : c.failures) {
      failures << Json{{"connector", c.name}, {"message", text::render(failure, r.language)}}.dump()
               << "\n";
    }
  }
  warnings.commit();
  failures.commit();
}

std::vector<NewAccount> read_new_accounts(const std::string& dir) {
  const auto account_of = [](const nlohmann::json& a) {
    return NewAccount{a.at("key"),     a.at("kind"),       a.at("login"),
                      a.at("surname"), a.at("given_name"), a.at("division")};
  };
  std::vector<NewAccount> accounts;
  const std::string lines_path = dir + "/" + kNewAccountsFile;
  if (std::filesystem::exists(lines_path)) {
    std::ifstream in(lines_path, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) accounts.push_back(account_of(nlohmann::json::parse(line)));
    }
    if (in.bad()) throw std::runtime_error("lecture impossible : " + lines_path);
    return accounts;
  }
  std::ifstream in(dir + "/report.json", std::ios::binary);
  if (!in) throw std::runtime_error("rapport introuvable : " + dir + "/report.json");
  const auto report = nlohmann::json::parse(in);
  for (const auto& a : report.at("new_accounts")) accounts.push_back(account_of(a));
  return accounts;
}

}  // namespace edusync::report
