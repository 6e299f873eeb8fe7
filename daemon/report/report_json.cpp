#include "common/file_writer.hpp"
#include "inspect/inspection.hpp"
#include "model/model_json.hpp"
#include "plan/plan_json.hpp"
#include "report/report_lists.hpp"
#include "report/run_report.hpp"

namespace edusync::report {
namespace {

using Json = nlohmann::ordered_json;

// The first `limit` entries of `items` as a JSON array.
template <typename Items, typename ToJson>
Json first_of(const Items& items, std::size_t limit, ToJson to_json_of) {
  Json array = Json::array();
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) array.push_back(to_json_of(items[i]));
  return array;
}

Json first_warnings(const std::vector<model::Warning>& warnings, const std::string& language) {
  Json array = Json::array();
  for (const auto* warning : first_per_code(warnings, kJsonPerCode))
    array.push_back(model::to_json(*warning, language));
  return array;
}

// Present when schools were reused: how many of each, and the first UAIs of each.
Json schools_json(const RunReport& r) {
  const auto first = [](const std::vector<std::string>& uais) {
    return std::vector<std::string>(
        uais.begin(), uais.begin() + static_cast<std::ptrdiff_t>(
                                         std::min(uais.size(), std::size_t{kJsonListed})));
  };
  return {{"reread", r.schools_reread.size()},
          {"reused", r.schools_reused.size()},
          {"reread_uais", first(r.schools_reread)},
          {"reused_uais", first(r.schools_reused)}};
}

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
  if (!r.schools_reused.empty()) json["schools"] = schools_json(r);
  json["ignored_inputs"] = first_of(r.ignored_inputs, kJsonListed,
                                    [&](const auto& file) { return to_json(file, r.language); });
  json["totals"] = r.totals;
  json["changes"] = plan::count_changes(r.plan);
  json["lists"] = lists_json(r);
  return json;
}

// The members after `items`.
Json tail_json(const RunReport& r) {
  Json json;
  json["warnings"] = first_warnings(r.warnings, r.language);
  Json gates = Json::array();
  for (const auto& gate : r.gates)
    gates.push_back({{"code", gate.code}, {"message", text::render(gate.message, r.language)}});
  json["gates"] = std::move(gates);
  Json connectors = Json::array();
  for (const auto& c : r.connectors) {
    Json item{{"name", c.name},
              {"type", c.type},
              {"status", c.status},
              {"applied", c.applied},
              {"failed", c.failed}};
    if (!c.error.empty()) item["error"] = text::render(c.error, r.language);
    if (!c.failures.empty()) {
      item["failures"] = first_of(c.failures, kJsonListed, [&](const auto& failure) {
        return text::render(failure, r.language);
      });
    }
    if (!c.warnings.empty()) item["warnings"] = first_warnings(c.warnings, r.language);
    connectors.push_back(std::move(item));
  }
  json["connectors"] = std::move(connectors);
  if (!r.previews.empty()) {
    Json previews = Json::array();
    for (const auto& p : r.previews) {
      Json preview{{"name", p.name},
                   {"type", p.type},
                   {"target", p.live_target ? "server" : "files"},
                   {"changes", p.changes}};
      if (!p.error.empty()) preview["error"] = text::render(p.error, r.language);
      if (!p.files.empty()) {
        Json files = Json::array();
        for (const auto& f : p.files) {
          Json file{{"name", f.name}, {"bytes", f.bytes}};
          if (f.rows >= 0) file["rows"] = f.rows;
          files.push_back(std::move(file));
        }
        preview["files"] = std::move(files);
      }
      previews.push_back(std::move(preview));
    }
    json["previews"] = std::move(previews);
  }
  json["person_changes"] =
      first_of(r.person_changes, kJsonListed, [](const auto& change) { return to_json(change); });
  json["new_accounts"] =
      first_of(r.new_accounts, kJsonListed, [](const auto& account) { return to_json(account); });
  json["leavers"] =
      first_of(r.leavers, kJsonListed, [](const auto& leaver) { return to_json(leaver); });
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

// The report as one JSON object (keys in the order of the schema). Every list holds its first
// entries only (report_lists.hpp): `lists` gives the full counts and the JSON Lines files that
// hold them all. Items are written one by one, never as one JSON tree.
void write_json(const RunReport& r, FileWriter& out) {
  out << "{" << members_of(head_json(r)) << ",\n  \"items\": [";
  const char* separator = "\n    ";
  for (std::size_t i = 0; i < r.plan.items.size() && i < kJsonListed; ++i) {
    out << separator << plan::to_json(r.plan.items[i]).dump();
    separator = ",\n    ";
  }
  out << (r.plan.items.empty() ? "]," : "\n  ],") << members_of(tail_json(r)) << "\n}\n";
}

}  // namespace edusync::report
