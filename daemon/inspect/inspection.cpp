#include "inspect/inspection.hpp"

#include "common/dates.hpp"
#include "inspect/target_refusals.hpp"
#include "model/model_json.hpp"
#include "sources/parsers/export_parser.hpp"

namespace edusync::inspect {

Inspection inspect_files(const Request& request) {
  Inspection inspection;
  inspection.sources =
      sources::parse_files(request.files, request.threads, {.edt_key_file = request.edt_key_file});
  assemble::Options options{request.uais, request.today.empty() ? today_local() : request.today};
  inspection.result = assemble::assemble(inspection.sources, options);
  inspection.language = request.language;
  return inspection;
}

nlohmann::ordered_json sources_json(const std::vector<sources::ParsedExport>& sources) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& source : sources) {
    nlohmann::ordered_json item{
        {"path", source.path},
        {"kind", sources::to_string(source.kind)},
        {"sha256", source.sha256},
        {"records", source.records},
        {"export_date", source.header.export_date.empty()
                            ? nlohmann::ordered_json(nullptr)
                            : nlohmann::ordered_json(source.header.export_date)},
        {"uai", source.header.uai},
        {"school_year", source.header.school_year},
        {"bytes", source.bytes}};
    if (!source.header.version.empty()) item["version"] = source.header.version;
    array.push_back(std::move(item));
  }
  return array;
}

nlohmann::ordered_json totals_json(const model::Directory& d) {
  return {{"pupils", d.pupils.size()},
          {"guardians", d.guardians.size()},
          {"other_contacts", d.other_contacts.size()},
          {"staff", d.staff.size()},
          {"divisions", d.divisions.size()},
          {"groups", d.groups.size()},
          {"subjects", d.subjects.size()},
          {"services", d.services.size()},
          {"memberships", d.memberships.size()},
          {"ignored",
           {{"departed_pupils", d.ignored.departed_pupils},
            {"pupils_without_class", d.ignored.pupils_without_class},
            {"unlinked_persons", d.ignored.unlinked_persons},
            {"staff_without_role", d.ignored.staff_without_role}}}};
}

nlohmann::ordered_json to_json(const Inspection& inspection) {
  nlohmann::ordered_json json;
  json["sources"] = sources_json(inspection.sources);
  json["totals"] = totals_json(inspection.result.directory);
  auto warnings = nlohmann::ordered_json::array();
  for (const auto& warning : inspection.result.warnings)
    warnings.push_back(model::to_json(warning, inspection.language));
  json["warnings"] = std::move(warnings);
  json["refusals"] =
      refusals_json(target_refusals(inspection.result.directory), inspection.language);
  json["model"] = model::to_json(inspection.result.directory);
  return json;
}

}  // namespace edusync::inspect
