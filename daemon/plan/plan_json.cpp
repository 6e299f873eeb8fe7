#include "plan/plan_json.hpp"

namespace edusync::plan {

nlohmann::ordered_json to_json(const Item& item) {
  nlohmann::ordered_json json{
      {"entity", to_string(item.entity)}, {"key", item.key}, {"op", to_string(item.op)}};
  if (!item.login.empty()) json["login"] = item.login;
  if (!item.uai.empty()) json["uai"] = item.uai;
  if (!item.structure.empty()) {
    json["structure_kind"] = model::to_string(item.structure_kind);
    json["structure"] = item.structure;
  }
  if (!item.subject.empty()) json["subject"] = item.subject;
  if (!item.fields.empty()) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (const auto& change : item.fields) fields[change.field] = {change.before, change.after};
    json["fields"] = std::move(fields);
  }
  return json;
}

}  // namespace edusync::plan
