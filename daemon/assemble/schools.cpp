// The merge of the schools' parts (assemble/schools.hpp): the rules that span schools.
#include "assemble/schools.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

template <typename Item>
void append(std::vector<Item>& into, std::vector<Item>& from) {
  into.insert(into.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
}

// A part's origins index its school's exports; the merged directory's index the run's.
void renumber_origins(model::Directory& directory, const std::vector<std::size_t>& positions) {
  const auto renumber = [&](model::RecordOrigin& origin) {
    if (origin.source < positions.size())
      origin.source = static_cast<std::uint32_t>(positions[origin.source]);
  };
  for (auto& pupil : directory.pupils) renumber(pupil.origin);
  for (auto& contact : directory.guardians) renumber(contact.origin);
  for (auto& contact : directory.other_contacts) renumber(contact.origin);
  for (auto& staff : directory.staff) renumber(staff.origin);
}

// A part's pupils whose key changes to their local key, with everything that names them.
void rekey_pupils(SchoolPart& part, const std::set<std::size_t>& pupils) {
  std::unordered_map<std::string, std::string> renamed;
  for (const std::size_t i : pupils) {
    auto& pupil = part.directory.pupils[i];
    std::string local = local_pupil_key(pupil);
    renamed.emplace(std::exchange(pupil.key, local), local);
  }
  const auto rename = [&](std::string& key) {
    if (const auto found = renamed.find(key); found != renamed.end()) key = found->second;
  };
  for (auto& membership : part.directory.memberships) rename(membership.pupil_key);
  for (auto* contacts : {&part.directory.guardians, &part.directory.other_contacts}) {
    for (auto& contact : *contacts) {
      for (auto& link : contact.pupils) rename(link.pupil_key);
    }
  }
  for (auto& warning : part.warnings) {
    for (auto& key : warning.keys) rename(key);
  }
}

// The INE is national. Each part resolved the INEs its own pupils share; an INE shared across
// schools is resolved here by the same rule (pupils/resolve_duplicate_ines): the key of both
// pupils falls back to their local keys, a secondary number is reported.
void resolve_ines_across_schools(std::vector<SchoolPart>& parts,
                                 const std::vector<sources::ParsedExport>& exports,
                                 Warnings& warnings) {
  using Position = std::pair<std::size_t, std::size_t>;  // part, pupil
  std::unordered_map<std::string_view, Position> first_with;
  std::vector<std::set<std::size_t>> rekey(parts.size());
  std::set<std::pair<Position, Position>> reported;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const auto& pupils = parts[p].directory.pupils;
    for (std::size_t i = 0; i < pupils.size(); ++i) {
      for (const auto& ine : pupils[i].ines) {
        auto [found, inserted] = first_with.try_emplace(ine, Position{p, i});
        if (inserted || found->second.first == p) continue;  // one school: its part's rule
        const Position first = found->second;
        if (!reported.insert({first, {p, i}}).second) continue;
        const auto& earlier = parts[first.first].directory.pupils[first.second];
        const auto where =
            exports[pupils[i].origin.source].path + ":" + std::to_string(pupils[i].origin.line);
        if (earlier.key == ine && pupils[i].key == ine) {
          warnings.duplicate_ine(ine, earlier, pupils[i], where);
          rekey[first.first].insert(first.second);
          rekey[p].insert(i);
        } else {
          warnings.shared_ine(ine, earlier, pupils[i], where);
        }
      }
    }
  }
  first_with.clear();
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (rekey[p].empty()) continue;
    rekey_pupils(parts[p], rekey[p]);
    sort_directory(parts[p].directory);  // new keys, new places: merged parts must be sorted
  }
}

// One STS-web person in several schools (a cité scolaire, a teacher sharing two schools) is one
// record: the first school's, with every school in `uais`.
void merge_staff(std::vector<model::Staff>& into, std::vector<model::Staff>& from,
                 std::unordered_map<std::string, std::size_t>& index) {
  for (auto& staff : from) {
    const auto [found, inserted] = index.try_emplace(staff.key, into.size());
    if (inserted) {
      into.push_back(std::move(staff));
      continue;
    }
    auto& uais = into[found->second].uais;
    for (auto& uai : staff.uais) {
      if (std::find(uais.begin(), uais.end(), uai) == uais.end()) uais.push_back(std::move(uai));
    }
  }
}

// A teacher has no service only when no school gives one; one warning per person.
void keep_teachers_without_any_service(const model::Directory& directory,
                                       std::vector<model::Warning>& warnings) {
  std::unordered_set<std::string_view> with_service;
  for (const auto& service : directory.services) with_service.insert(service.staff_key);
  std::unordered_set<std::string> reported;
  std::erase_if(warnings, [&](const model::Warning& warning) {
    if (warning.code != "TEACHER_WITHOUT_SERVICE" || warning.keys.empty()) return false;
    const auto& key = warning.keys.front();
    return with_service.contains(key) || !reported.insert(key).second;
  });
}

void add_counts(model::IgnoredCounts& into, const model::IgnoredCounts& from) {
  into.departed_pupils += from.departed_pupils;
  into.pupils_without_class += from.pupils_without_class;
  into.unlinked_persons += from.unlinked_persons;
  into.staff_without_role += from.staff_without_role;
}

}  // namespace

Result merge_schools(std::vector<SchoolPart> parts, const std::vector<SchoolExports>& schools,
                     const std::vector<sources::ParsedExport>& exports) {
  Result result;
  if (parts.size() == 1) {  // nothing spans schools
    result.directory = std::move(parts.front().directory);
    result.warnings = std::move(parts.front().warnings);
    renumber_origins(result.directory, schools.front().positions);
    return result;
  }
  for (std::size_t p = 0; p < parts.size(); ++p)
    renumber_origins(parts[p].directory, schools[p].positions);
  std::vector<model::Warning> across;
  Warnings warnings(across);
  resolve_ines_across_schools(parts, exports, warnings);
  auto& d = result.directory;
  std::unordered_map<std::string, std::size_t> staff_index;
  std::vector<model::Directory*> directories;
  for (auto& part : parts) {
    auto& from = part.directory;
    directories.push_back(&from);
    if (d.school_year.empty()) d.school_year = from.school_year;
    append(d.schools, from.schools);
    merge_staff(d.staff, from.staff, staff_index);
    merge_reference_data(d, from);
    add_counts(d.ignored, from.ignored);
    append(result.warnings, part.warnings);
  }
  merge_sorted_lists(d, std::move(directories));
  sort_small_lists(d);
  parts.clear();
  append(result.warnings, across);
  keep_teachers_without_any_service(d, result.warnings);
  return result;
}

}  // namespace edusync::assemble
