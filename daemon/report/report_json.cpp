#include "common/file_writer.hpp"
#include "inspect/inspection.hpp"
#include "model/model_json.hpp"
#include "plan/plan_json.hpp"
#include "report/run_report.hpp"

namespace edusync::report {
namespace {

using Json = nlohmann::ordered_json;

// The members before `items`: small, whatever the size of the run.
Json head_json(const RunReport& r) {
  Json json;
  json["run"] = {
      {"id", r.id},           {"started", r.started},        {"finished", r.finished},
      {"dry_run", r.dry_run}, {"status", r.status},          {"school_year", r.school_year},
      {"uai", r.uais},        {"rollover", r.plan.rollover}, {"confirmed", r.confirmed}};
  if (!r.error.empty()) json["run"]["error"] = r.error;
  if (!r.unchanged_since.empty()) json["run"]["unchanged_since"] = r.unchanged_since;
  json["sources"] = inspect::sources_json(r.sources);
  Json ignored = Json::array();
  for (const auto& file : r.ignored_inputs)
    ignored.push_back({{"path", file.path}, {"reason", file.reason}});
  json["ignored_inputs"] = std::move(ignored);
  json["totals"] = r.totals;
  json["changes"] = plan::count_changes(r.plan);
  return json;
}

// The members after `items`.
Json tail_json(const RunReport& r) {
  Json json;
  Json warnings = Json::array();
  for (const auto& warning : r.warnings) warnings.push_back(model::to_json(warning));
  json["warnings"] = std::move(warnings);
  Json gates = Json::array();
  for (const auto& gate : r.gates)
    gates.push_back({{"code", gate.code}, {"message", gate.message}});
  json["gates"] = std::move(gates);
  Json connectors = Json::array();
  for (const auto& c : r.connectors) {
    Json item{{"name", c.name},
              {"type", c.type},
              {"status", c.status},
              {"applied", c.applied},
              {"failed", c.failed}};
    if (!c.error.empty()) item["error"] = c.error;
    if (!c.failures.empty()) item["failures"] = c.failures;
    if (!c.warnings.empty()) {
      Json connector_warnings = Json::array();
      for (const auto& warning : c.warnings) connector_warnings.push_back(model::to_json(warning));
      item["warnings"] = std::move(connector_warnings);
    }
    connectors.push_back(std::move(item));
  }
  json["connectors"] = std::move(connectors);
  Json accounts = Json::array();
  for (const auto& a : r.new_accounts) {
    accounts.push_back({{"key", a.key},
                        {"kind", a.kind},
                        {"login", a.login},
                        {"surname", a.surname},
                        {"given_name", a.given_name},
                        {"division", a.division}});
  }
  json["new_accounts"] = std::move(accounts);
  if (!r.expired_passwords.empty()) {
    json["expired_passwords"] = {{"passwords", r.expired_passwords.passwords},
                                 {"files", r.expired_passwords.files},
                                 {"failures", r.expired_passwords.failures}};
  }
  return json;
}

// "{\n  \"a\": 1,\n  \"b\": 2\n}" -> "\n  \"a\": 1,\n  \"b\": 2": the members of a
// non-empty object dumped with an indent of 2, to splice into the enclosing object.
std::string members_of(const Json& object) {
  const std::string dumped = object.dump(2);
  return dumped.substr(1, dumped.size() - 3);
}

}  // namespace

// The report as one JSON object (keys in the order of the schema), written item by item: the
// items of an academy's first run are millions and never exist as one JSON tree in memory.
void write_json(const RunReport& r, FileWriter& out) {
  out << "{" << members_of(head_json(r)) << ",\n  \"items\": [";
  const char* separator = "\n    ";
  for (const auto& item : r.plan.items) {
    out << separator << plan::to_json(item).dump();
    separator = ",\n    ";
  }
  out << (r.plan.items.empty() ? "]," : "\n  ],") << members_of(tail_json(r)) << "\n}\n";
}

}  // namespace edusync::report
