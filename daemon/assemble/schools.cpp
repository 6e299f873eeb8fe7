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

// The INE is national. Each part resolved the INEs its own pupils share; here, an INE held in
// several schools. When it is (or was, before its school's own rule) the key of pupils in two
// schools or more, it identifies none of them: every pupil still keyed by it falls back to its
// local key, and each holder in another school than the first is reported (DUPLICATE_INE). When
// at most one school keys by it, the holders elsewhere are reported as sharing it (an INE_RNIE
// or INE_BEA copied from another record) and keys stay.
class InesAcrossSchools {
 public:
  InesAcrossSchools(std::vector<SchoolPart>& parts,
                    const std::vector<sources::ParsedExport>& exports, Warnings& warnings)
      : parts_(parts), exports_(exports), warnings_(warnings), rekey_(parts.size()) {}

  void run() {
    find_ines_in_several_schools();
    if (several_.empty()) return;
    collect_holders();
    for (const auto ine : order_) resolve(ine, holders_.at(ine));
    for (std::size_t p = 0; p < parts_.size(); ++p) {
      if (rekey_[p].empty()) continue;
      rekey_pupils(parts_[p], rekey_[p]);
      sort_directory(parts_[p].directory);  // new keys, new places: merged parts are sorted
    }
  }

 private:
  struct Holder {
    std::size_t part = 0, pupil = 0;
    bool keyed = false;  // the pupil's key is the INE
  };

  template <typename Visit>
  void each_ine(Visit visit) const {
    for (std::size_t p = 0; p < parts_.size(); ++p) {
      const auto& pupils = parts_[p].directory.pupils;
      for (std::size_t i = 0; i < pupils.size(); ++i) {
        for (const auto& ine : pupils[i].ines) visit(p, i, ine);
      }
    }
  }

  void find_ines_in_several_schools() {
    std::unordered_map<std::string_view, std::size_t> first_part;
    each_ine([&](std::size_t p, std::size_t, const std::string& ine) {
      const auto [found, inserted] = first_part.try_emplace(ine, p);
      if (!inserted && found->second != p && several_.insert(ine).second) order_.push_back(ine);
    });
  }

  void collect_holders() {
    each_ine([&](std::size_t p, std::size_t i, const std::string& ine) {
      if (!several_.contains(ine)) return;
      holders_[ine].push_back({p, i, parts_[p].directory.pupils[i].key == ine});
    });
  }

  bool keys_by(const Holder& h, std::string_view ine) const {
    const auto& shared = parts_[h.part].shared_key_ines;
    return h.keyed || std::binary_search(shared.begin(), shared.end(), ine);
  }

  void resolve(std::string_view ine, const std::vector<Holder>& holders) {
    std::set<std::size_t> keying_parts;
    for (const auto& h : holders) {
      if (keys_by(h, ine)) keying_parts.insert(h.part);
    }
    const bool identifies_none = keying_parts.size() > 1;
    const auto anchor = std::find_if(holders.begin(), holders.end(),
                                     [&](const Holder& h) { return keys_by(h, ine); });
    const Holder& first = anchor != holders.end() ? *anchor : holders.front();
    const auto& first_pupil = pupil(first);
    for (const auto& h : holders) {
      if (h.part == first.part) continue;
      const auto& other = pupil(h);
      const auto where =
          exports_[other.origin.source].path + ":" + std::to_string(other.origin.line);
      if (identifies_none && keys_by(h, ine)) {
        warnings_.duplicate_ine(std::string(ine), first_pupil, other, where);
      } else {
        warnings_.shared_ine(std::string(ine), first_pupil, other, where);
      }
    }
    if (!identifies_none) return;
    for (const auto& h : holders) {
      if (h.keyed) rekey_[h.part].insert(h.pupil);
    }
  }

  const model::Pupil& pupil(const Holder& h) const {
    return parts_[h.part].directory.pupils[h.pupil];
  }

  std::vector<SchoolPart>& parts_;
  const std::vector<sources::ParsedExport>& exports_;
  Warnings& warnings_;
  std::vector<std::set<std::size_t>> rekey_;
  std::unordered_set<std::string_view> several_;
  std::vector<std::string_view> order_;  // INEs of several schools, as first seen in two
  std::unordered_map<std::string_view, std::vector<Holder>> holders_;
};

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

// A teacher (the merged record's FONCTION is ENS) has no service only when no school's STS-web
// export gives one, as each school's own check counts (staff.cpp); one warning per person.
void keep_teachers_without_any_service(const model::Directory& directory,
                                       std::vector<model::Warning>& warnings) {
  std::unordered_set<std::string_view> with_service, teachers;
  for (const auto& service : directory.services) {
    if (service.origin == model::Origin::sts) with_service.insert(service.staff_key);
  }
  for (const auto& staff : directory.staff) {
    if (staff.function == "ENS") teachers.insert(staff.key);
  }
  std::unordered_set<std::string> reported;
  std::erase_if(warnings, [&](const model::Warning& warning) {
    if (warning.code != "TEACHER_WITHOUT_SERVICE" || warning.keys.empty()) return false;
    const auto& key = warning.keys.front();
    return !teachers.contains(key) || with_service.contains(key) || !reported.insert(key).second;
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
                     const std::vector<sources::ParsedExport>& exports,
                     const std::string& school_year) {
  Result result;
  if (parts.size() == 1) {  // nothing spans schools
    result.directory = std::move(parts.front().directory);
    result.directory.school_year = school_year;
    result.warnings = std::move(parts.front().warnings);
    renumber_origins(result.directory, schools.front().positions);
    return result;
  }
  for (std::size_t p = 0; p < parts.size(); ++p)
    renumber_origins(parts[p].directory, schools[p].positions);
  std::vector<model::Warning> across;
  Warnings warnings(across);
  InesAcrossSchools(parts, exports, warnings).run();
  auto& d = result.directory;
  d.school_year = school_year;
  std::unordered_map<std::string, std::size_t> staff_index;
  std::vector<model::Directory*> directories;
  for (auto& part : parts) {
    auto& from = part.directory;
    directories.push_back(&from);
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
