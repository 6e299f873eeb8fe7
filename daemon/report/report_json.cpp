#include "inspect/inspection.hpp"
#include "model/model_json.hpp"
#include "plan/plan_json.hpp"
#include "report/run_report.hpp"

namespace edusync::report {

nlohmann::ordered_json to_json(const RunReport& r) {
  using Json = nlohmann::ordered_json;
  Json json;
  json["run"] = {{"id", r.id},
                 {"started", r.started},
                 {"finished", r.finished},
                 {"dry_run", r.dry_run},
                 {"status", r.status},
                 {"school_year", r.school_year},
                 {"uai", r.uais},
                 {"rollover", r.plan.rollover},
                 {"confirmed", r.confirmed}};
  if (!r.error.empty()) json["run"]["error"] = r.error;
  json["sources"] = inspect::sources_json(r.sources);
  Json ignored = Json::array();
  for (const auto& file : r.ignored_inputs) ignored.push_back({{"path", file.path}, {"reason", file.reason}});
  json["ignored_inputs"] = std::move(ignored);
  json["totals"] = r.totals;
  json["changes"] = plan::count_changes(r.plan);
  Json items = Json::array();
  for (const auto& item : r.plan.items) items.push_back(plan::to_json(item));
  json["items"] = std::move(items);
  Json warnings = Json::array();
  for (const auto& warning : r.warnings) warnings.push_back(model::to_json(warning));
  json["warnings"] = std::move(warnings);
  Json gates = Json::array();
  for (const auto& gate : r.gates) gates.push_back({{"code", gate.code}, {"message", gate.message}});
  json["gates"] = std::move(gates);
  Json connectors = Json::array();
  for (const auto& c : r.connectors) {
    Json item{{"name", c.name}, {"type", c.type}, {"status", c.status}, {"applied", c.applied}, {"failed", c.failed}};
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
    accounts.push_back({{"key", a.key}, {"kind", a.kind}, {"login", a.login}, {"surname", a.surname},
                        {"given_name", a.given_name}, {"division", a.division}});
  }
  json["new_accounts"] = std::move(accounts);
  return json;
}

}  // namespace edusync::report
