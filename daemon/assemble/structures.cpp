// Reference data (subjects, MEFs) and structures (divisions, groups) from STS-web and SIECLE.
// The same code may come from several files: records are merged, the first non-empty value of
// each field wins, lists are united. Codes are compared exactly (after trimming).
#include <algorithm>
#include <unordered_map>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

void fill(std::string& into, std::string& from) {
  if (into.empty()) into = std::move(from);
}

void unite(std::vector<std::string>& into, std::vector<std::string>& from) {
  for (auto& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(std::move(item));
  }
}

template <typename Item, typename Merge>
void merge_by_code(std::vector<Item>& into, std::unordered_map<std::string, std::size_t>& index,
                   std::vector<Item>& from, Merge merge) {
  for (auto& item : from) {
    auto [found, inserted] = index.try_emplace(item.code, into.size());
    if (inserted) {
      into.push_back(std::move(item));
    } else {
      merge(into[found->second], item);
    }
  }
}

void merge_subject(model::Subject& into, model::Subject& from) {
  fill(into.management_code, from.management_code);
  fill(into.short_label, from.short_label);
  fill(into.long_label, from.long_label);
}

void merge_mef(model::Mef& into, model::Mef& from) {
  fill(into.formation, from.formation);
  fill(into.label, from.label);
}

void add_division(Context& context, const std::string& file_uai, model::Division& division) {
  const std::string uai = division.uai.empty() ? file_uai : division.uai;
  model::Division& into = division_for(context, uai, division.code);
  fill(into.label, division.label);
  unite(into.mefs, division.mefs);
}

void add_group(Context& context, const std::string& file_uai, model::Group& group) {
  const std::string uai = group.uai.empty() ? file_uai : group.uai;
  model::Group& into = group_for(context, uai, group.code);
  fill(into.label, group.label);
  unite(into.divisions, group.divisions);
}

}  // namespace

model::Division& division_for(Context& context, const std::string& uai, const std::string& code) {
  auto& divisions = context.directory.divisions;
  auto [found, inserted] =
      context.division_index.try_emplace(school_key(uai, code), divisions.size());
  if (inserted) divisions.push_back({uai, code, {}, {}});
  return divisions[found->second];
}

model::Group& group_for(Context& context, const std::string& uai, const std::string& code) {
  auto& groups = context.directory.groups;
  auto [found, inserted] = context.group_index.try_emplace(school_key(uai, code), groups.size());
  if (inserted) groups.push_back({uai, code, {}, {}});
  return groups[found->second];
}

void merge_reference_data(model::Directory& into, model::Directory& from) {
  std::unordered_map<std::string, std::size_t> subjects, mefs;
  for (std::size_t i = 0; i < into.subjects.size(); ++i) subjects.emplace(into.subjects[i].code, i);
  for (std::size_t i = 0; i < into.mefs.size(); ++i) mefs.emplace(into.mefs[i].code, i);
  merge_by_code(into.subjects, subjects, from.subjects, merge_subject);
  merge_by_code(into.mefs, mefs, from.mefs, merge_mef);
}

// STS-web first: its labels are the ones teachers see in their timetable software.
void add_reference_data(Context& context) {
  std::unordered_map<std::string, std::size_t> subjects, mefs;
  auto& directory = context.directory;
  for (auto& parsed : context.exports) {
    if (auto* sts = std::get_if<sources::StsExport>(&parsed.data)) {
      merge_by_code(directory.subjects, subjects, sts->subjects, merge_subject);
      merge_by_code(directory.mefs, mefs, sts->mefs, merge_mef);
    }
  }
  for (auto& parsed : context.exports) {
    if (auto* nomenclatures = std::get_if<sources::NomenclaturesExport>(&parsed.data)) {
      merge_by_code(directory.subjects, subjects, nomenclatures->subjects, merge_subject);
      merge_by_code(directory.mefs, mefs, nomenclatures->mefs, merge_mef);
    }
  }
}

void add_structures(Context& context) {
  for (auto& parsed : context.exports) {
    const std::string& uai = parsed.header.uai;
    if (auto* sts = std::get_if<sources::StsExport>(&parsed.data)) {
      for (auto& division : sts->divisions) add_division(context, uai, division);
      for (auto& group : sts->groups) add_group(context, uai, group);
    } else if (auto* structures = std::get_if<sources::StructuresExport>(&parsed.data)) {
      for (auto& division : structures->divisions) add_division(context, uai, division);
      for (auto& group : structures->groups) add_group(context, uai, group);
    }
  }
}

}  // namespace edusync::assemble
