// Staff, teaching services and head teachers of STS-web exports. An INDIVIDU counts when it
// has a FONCTION, or none but a teaching service (SACOCHE's observation: staff on leave keep
// their record without FONCTION, sometimes with leftover services).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

class StaffBuilder {
 public:
  explicit StaffBuilder(Context& context) : context_(context) {}
  void add_export(std::size_t source, sources::StsExport& sts);
  void check_teachers();

 private:
  void add_services(std::size_t source, sources::StsExport& sts,
                    const std::unordered_map<std::string_view, std::size_t>& by_id);
  void add_staff(std::size_t source, sources::StaffRecord& record);

  Context& context_;
  std::unordered_map<std::string, std::size_t> staff_index_;  // key -> directory.staff
  std::unordered_set<std::string> with_service_;              // staff keys
  std::unordered_set<std::string> services_seen_;
};

void StaffBuilder::add_export(std::size_t source, sources::StsExport& sts) {
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t i = 0; i < sts.staff.size(); ++i) {
    if (!by_id.try_emplace(sts.staff[i].staff.sts_id, i).second) {
      context_.warnings.duplicate_record(Warnings::RecordKind::staff, sts.staff[i].staff.sts_id,
                                         context_.where(source, sts.staff[i].staff.origin.line));
    }
  }
  add_services(source, sts, by_id);
  std::vector<bool> taken(sts.staff.size(), false);
  for (const auto& [id, index] : by_id) taken[index] = true;
  for (std::size_t i = 0; i < sts.staff.size(); ++i) {
    if (taken[i]) add_staff(source, sts.staff[i]);
  }
  sts = {};
}

void StaffBuilder::add_services(std::size_t source, sources::StsExport& sts,
                                const std::unordered_map<std::string_view, std::size_t>& by_id) {
  const std::string& uai = context_.exports[source].header.uai;
  for (auto& service : sts.services) {
    if (!by_id.contains(service.staff_id)) {
      context_.warnings.unknown_staff_reference(service.staff_id, service.structure_code,
                                                service.subject_code,
                                                context_.where(source, service.line));
      continue;
    }
    std::string key = "sts:" + service.staff_id;
    std::string identity = key;
    for (const std::string_view part :
         {std::string_view(uai), std::string_view(model::to_string(service.structure_kind)),
          std::string_view(service.structure_code), std::string_view(service.subject_code)}) {
      identity.append("|").append(part);
    }
    if (!services_seen_.insert(std::move(identity)).second) continue;
    with_service_.insert(key);
    context_.directory.services.push_back(
        {std::move(key), uai, service.structure_kind, std::move(service.structure_code),
         std::move(service.subject_code), std::move(service.course_mode), model::Origin::sts});
  }
}

void StaffBuilder::add_staff(std::size_t source, sources::StaffRecord& record) {
  model::Staff& staff = record.staff;
  const std::string& uai = context_.exports[source].header.uai;
  if (staff.function.empty() && !with_service_.contains(staff.key)) {
    ++context_.directory.ignored.staff_without_role;
    return;
  }
  for (auto& code : record.head_teacher_of) {
    context_.directory.head_teachers.push_back({staff.key, uai, std::move(code)});
  }
  auto [found, inserted] = staff_index_.try_emplace(staff.key, context_.directory.staff.size());
  if (!inserted) {  // the same person in two schools of a cité scolaire
    auto& uais = context_.directory.staff[found->second].uais;
    if (std::find(uais.begin(), uais.end(), uai) == uais.end()) uais.push_back(uai);
    return;
  }
  staff.uais = {uai};
  staff.origin.source = static_cast<std::uint32_t>(source);
  context_.directory.staff.push_back(std::move(staff));
}

void StaffBuilder::check_teachers() {
  for (const auto& staff : context_.directory.staff) {
    if (staff.function == "ENS" && !with_service_.contains(staff.key)) {
      context_.warnings.teacher_without_service(
          staff, context_.where(staff.origin.source, staff.origin.line));
    }
  }
}

}  // namespace

void add_staff(Context& context) {
  StaffBuilder builder(context);
  for (std::size_t i = 0; i < context.exports.size(); ++i) {
    if (auto* sts = std::get_if<sources::StsExport>(&context.exports[i].data)) {
      builder.add_export(i, *sts);
    }
  }
  builder.check_teachers();
}

}  // namespace edusync::assemble
