// Timetable exports joined with SIECLE and STS-web (docs/timetables.md). Each school's exports
// of one kind form one source (a UDT zip spreads its tables over several members): its tables
// are indexed by the timetable's ids, its people matched to the school's SIECLE pupils and
// STS-web staff, then its group memberships and services are added to the directory:
// - a pupil by a valid INE, else by folded surname, given name and birth date (the usage or the
//   birth surname); no match or several: a warning, and the pupil's links are left out;
// - a teacher by folded surname and given name (the birth date decides between namesakes);
// - memberships count when current at the export's date; links to classes are ignored
//   (divisions are SIECLE's); the members of a group the timetable knows follow
//   Options::timetable_memberships;
// - services: those STS-web lacks are added, with the timetable's origin.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "assemble/context.hpp"
#include "assemble/timetable_match.hpp"
#include "common/dates.hpp"

namespace edusync::assemble {
namespace {

using sources::ExportKind;

const char* program_of(ExportKind kind) {
  return kind == ExportKind::edt || kind == ExportKind::edt_courses ? "EDT" : "UDT";
}

model::Origin origin_of(ExportKind kind) {
  return kind == ExportKind::edt || kind == ExportKind::edt_courses ? model::Origin::edt
                                                                    : model::Origin::udt;
}

const char* kept_id(TimetableMemberships mode) {
  switch (mode) {
    case TimetableMemberships::timetable: return "timetable.kept.timetable";
    case TimetableMemberships::siecle: return "timetable.kept.siecle";
    case TimetableMemberships::both: return "timetable.kept.both";
  }
  return "timetable.kept.timetable";
}

// A row of a table and the export (index in Context::exports) it was read from.
template <typename Row>
struct Located {
  const Row* row = nullptr;
  std::size_t source = 0;
};

struct Structure {
  model::StructureKind kind = model::StructureKind::group;
  std::string code;
};

class TimetableJoin {
 public:
  TimetableJoin(Context& context, std::string uai, ExportKind kind,
                std::vector<std::size_t> exports)
      : context_(context),
        uai_(std::move(uai)),
        kind_(kind),
        exports_(std::move(exports)),
        people_(context.directory, uai_) {}

  void run() {
    reference_date_ = reference_date();
    index_tables();
    index_existing();
    for (const std::size_t source : exports_) collect_memberships(source);
    apply_memberships();
    for (const std::size_t source : exports_) add_services(source);
    check_freshness();
  }

 private:
  sources::TimetableExport& data(std::size_t source) {
    return std::get<sources::TimetableExport>(context_.exports[source].data);
  }
  std::string where(std::size_t source, std::uint32_t line) const {
    return context_.where(source, line);
  }

  // The day links must be current at: the timetable's export date, else SIECLE's, else today.
  std::string reference_date() const {
    for (const std::size_t source : exports_) {
      const auto& date = context_.exports[source].header.export_date;
      if (!date.empty()) return date;
    }
    if (auto siecle = siecle_export_date(); !siecle.empty()) return siecle;
    return context_.options.today;
  }

  std::string siecle_export_date() const {
    for (const auto& parsed : context_.exports) {
      if (parsed.kind == ExportKind::siecle_eleves && parsed.header.uai == uai_ &&
          !parsed.header.export_date.empty()) {
        return parsed.header.export_date;
      }
    }
    return {};
  }

  void index_tables() {
    for (const std::size_t source : exports_) {
      auto& tables = data(source);
      for (const auto& pupil : tables.pupils) pupils_[pupil.id] = {&pupil, source};
      for (const auto& teacher : tables.teachers) teachers_[teacher.id] = {&teacher, source};
      for (const auto& subject : tables.subjects) subjects_[subject.id] = &subject;
      for (const auto& structure : tables.structures) {
        structures_[structure.id] = {&structure, source};
        for (const auto& part : structure.parts) unions_of_[part].push_back(structure.id);
      }
    }
  }

  void index_existing() {
    for (const auto& subject : context_.directory.subjects) {
      if (!subject.management_code.empty()) national_code_[subject.management_code] = subject.code;
    }
    for (const auto& service : context_.directory.services) {
      services_.emplace(service.staff_key, service.uai, service.structure_kind,
                        service.structure_code, service.subject_code);
    }
  }

  // --- people -------------------------------------------------------------------------------

  // The SIECLE pupil a timetable pupil is, once per pupil (warned about at the first look).
  const model::Pupil* pupil_for(const std::string& id) {
    const auto cached = pupil_keys_.find(id);
    if (cached != pupil_keys_.end()) return cached->second;
    const auto found = pupils_.find(id);
    const model::Pupil* pupil = nullptr;
    if (found != pupils_.end()) {
      const auto& row = *found->second.row;
      const auto candidates = people_.pupils_like(row);
      const std::string at = where(found->second.source, row.line);
      if (candidates.size() == 1) {
        pupil = candidates.front();
      } else if (candidates.empty()) {
        context_.warnings.timetable_unmatched_pupil(uai_, describe_person(row), program_of(kind_),
                                                    at);
      } else {
        context_.warnings.timetable_ambiguous_pupil(describe_person(row), candidates,
                                                    program_of(kind_), at);
      }
    }
    pupil_keys_.emplace(id, pupil);
    return pupil;
  }

  // The STS-web staff member a service's teacher is, by the teacher table or by name.
  const model::Staff* teacher_for(const sources::TimetableService& service, std::size_t source) {
    sources::TimetablePerson by_name;
    Located<sources::TimetablePerson> located{&by_name, source};
    std::string cache_key;
    if (!service.teacher_id.empty()) {
      const auto found = teachers_.find(service.teacher_id);
      if (found == teachers_.end()) return nullptr;
      located = found->second;
      cache_key = "id:" + service.teacher_id;
    } else {
      by_name.surname = service.teacher_surname;
      by_name.given_name = service.teacher_given_name;
      by_name.line = service.line;
      cache_key = "name:" + service.teacher_surname + "|" + service.teacher_given_name;
    }
    const auto cached = staff_keys_.find(cache_key);
    if (cached != staff_keys_.end()) return cached->second;
    const auto candidates = people_.staff_like(*located.row);
    const std::string at = where(located.source, located.row->line);
    const model::Staff* staff = candidates.size() == 1 ? candidates.front() : nullptr;
    if (candidates.empty()) {
      context_.warnings.timetable_unmatched_teacher(uai_, describe_person(*located.row),
                                                    program_of(kind_), at);
    } else if (candidates.size() > 1) {
      context_.warnings.timetable_ambiguous_teacher(describe_person(*located.row), candidates,
                                                    program_of(kind_), at);
    }
    staff_keys_.emplace(std::move(cache_key), staff);
    return staff;
  }

  // --- structures ---------------------------------------------------------------------------

  // A structure of the tables as the directory knows it; an unknown group is created (the
  // timetable is where groups are made), an unknown class is not (classes are SIECLE's).
  std::optional<Structure> structure_for(const std::string& id) {
    const auto found = structures_.find(id);
    if (found == structures_.end()) return std::nullopt;
    const auto& row = *found->second.row;
    const std::string key = school_key(uai_, row.code);
    if (row.kind == model::StructureKind::division) {
      if (!context_.division_index.contains(key)) return std::nullopt;
      return Structure{model::StructureKind::division, row.code};
    }
    if (!context_.group_index.contains(key)) {
      context_.warnings.timetable_unknown_group(uai_, row.code, true, program_of(kind_),
                                                where(found->second.source, row.line));
      model::Group& group = group_for(context_, uai_, row.code);
      group.label = row.label;
    }
    model::Group& group = group_for(context_, uai_, row.code);
    for (const auto& division : row.divisions) {
      if (std::find(group.divisions.begin(), group.divisions.end(), division) ==
          group.divisions.end()) {
        group.divisions.push_back(division);
      }
    }
    return Structure{model::StructureKind::group, row.code};
  }

  // A class or group a course-only file names: known to SIECLE or STS-web, or left out.
  std::optional<Structure> named_structure(const std::string& code, std::size_t source,
                                           std::uint32_t line) {
    const std::string key = school_key(uai_, code);
    if (context_.division_index.contains(key)) {
      return Structure{model::StructureKind::division, code};
    }
    if (context_.group_index.contains(key)) return Structure{model::StructureKind::group, code};
    if (unknown_codes_.insert(code).second) {
      context_.warnings.timetable_unknown_group(uai_, code, false, program_of(kind_),
                                                where(source, line));
    }
    return std::nullopt;
  }

  // --- memberships --------------------------------------------------------------------------

  bool current(const sources::TimetableMembership& link) const {
    if (!link.entry_date.empty() && link.entry_date > reference_date_) return false;
    return link.exit_date.empty() || link.exit_date >= reference_date_;
  }

  void collect_memberships(std::size_t source) {
    for (const auto& link : data(source).memberships) {
      if (!current(link)) continue;
      const model::Pupil* pupil = pupil_for(link.pupil_id);
      if (pupil == nullptr) continue;
      add_member(link.structure_id, *pupil, source, link.line);
      // A structure uniting others (a UDT regroupement) has their pupils.
      if (const auto unions = unions_of_.find(link.structure_id); unions != unions_of_.end()) {
        for (const auto& union_id : unions->second) add_member(union_id, *pupil, source, link.line);
      }
    }
  }

  void add_member(const std::string& structure_id, const model::Pupil& pupil, std::size_t source,
                  std::uint32_t line) {
    const auto structure = structure_for(structure_id);
    if (!structure || structure->kind != model::StructureKind::group) return;
    auto& group = timetable_members_[structure->code];
    group.members.insert(pupil.key);
    if (group.line == 0) {
      group.source = source;
      group.line = line;
    }
  }

  struct TimetableGroup {
    std::set<std::string> members;
    std::size_t source = 0;
    std::uint32_t line = 0;
  };

  // SIECLE's members of each group the timetable knows, compared, then replaced or completed.
  void apply_memberships() {
    auto& memberships = context_.directory.memberships;
    std::map<std::string, std::set<std::string>> siecle_members;
    for (const auto& m : memberships) {
      if (m.uai == uai_ && m.structure_kind == model::StructureKind::group &&
          m.origin == model::Origin::siecle && timetable_members_.contains(m.structure_code)) {
        siecle_members[m.structure_code].insert(m.pupil_key);
      }
    }
    for (const auto& [code, group] : timetable_members_) {
      const auto& siecle = siecle_members[code];
      if (!siecle.empty() && siecle != group.members) report_mismatch(code, siecle, group);
    }
    const auto mode = context_.options.timetable_memberships;
    if (mode == TimetableMemberships::siecle) return;
    if (mode == TimetableMemberships::timetable) {
      std::erase_if(memberships, [&](const model::Membership& m) {
        return m.uai == uai_ && m.structure_kind == model::StructureKind::group &&
               m.origin == model::Origin::siecle && timetable_members_.contains(m.structure_code);
      });
    }
    // Another timetable source of the school (EDT and UDT both dropped) may have given some.
    std::set<std::pair<std::string, std::string>> present;
    for (const auto& m : memberships) {
      if (m.uai == uai_ && m.structure_kind == model::StructureKind::group &&
          m.origin != model::Origin::siecle && timetable_members_.contains(m.structure_code)) {
        present.emplace(m.pupil_key, m.structure_code);
      }
    }
    for (const auto& [code, group] : timetable_members_) {
      const auto& siecle = siecle_members[code];
      for (const auto& key : group.members) {
        if (mode == TimetableMemberships::both && siecle.contains(key)) continue;
        if (present.contains({key, code})) continue;
        memberships.push_back({key, uai_, model::StructureKind::group, code, origin_of(kind_)});
      }
    }
  }

  void report_mismatch(const std::string& code, const std::set<std::string>& siecle,
                       const TimetableGroup& group) {
    Warnings::MembershipMismatch mismatch{uai_,
                                          code,
                                          siecle.size(),
                                          group.members.size(),
                                          {},
                                          {},
                                          kept_id(context_.options.timetable_memberships)};
    for (const auto& key : siecle) {
      if (!group.members.contains(key)) mismatch.only_siecle.push_back(people_.pupil(key));
    }
    for (const auto& key : group.members) {
      if (!siecle.contains(key)) mismatch.only_timetable.push_back(people_.pupil(key));
    }
    context_.warnings.group_membership_mismatch(mismatch, program_of(kind_),
                                                where(group.source, group.line));
  }

  // --- services -----------------------------------------------------------------------------

  std::string subject_code(const sources::TimetableService& service) const {
    std::string code = service.subject_code;
    if (!service.subject_id.empty()) {
      const auto found = subjects_.find(service.subject_id);
      if (found == subjects_.end()) return {};
      code = found->second->national_code.empty() ? found->second->management_code
                                                  : found->second->national_code;
    }
    const auto national = national_code_.find(code);
    return national == national_code_.end() ? code : national->second;
  }

  void add_services(std::size_t source) {
    for (const auto& service : data(source).services) {
      const std::string subject = subject_code(service);
      if (subject.empty()) continue;
      const auto structure = service.structure_id.empty()
                                 ? named_structure(service.structure_code, source, service.line)
                                 : structure_for(service.structure_id);
      if (!structure) continue;
      const model::Staff* staff = teacher_for(service, source);
      if (staff == nullptr) continue;
      if (!services_.emplace(staff->key, uai_, structure->kind, structure->code, subject).second) {
        continue;
      }
      context_.directory.services.push_back(
          {staff->key, uai_, structure->kind, structure->code, subject, {}, origin_of(kind_)});
    }
  }

  // --- freshness ----------------------------------------------------------------------------

  void check_freshness() {
    const std::string siecle = siecle_export_date();
    for (const std::size_t source : exports_) {
      const auto& parsed = context_.exports[source];
      const auto& date = parsed.header.export_date;
      if (date.empty() || siecle.empty()) continue;
      const int days = days_between(date, siecle);
      if (days > context_.options.timetable_stale_after_days) {
        context_.warnings.timetable_stale(
            parsed.path, date, siecle, days,
            where(source, static_cast<std::uint32_t>(parsed.header.line)));
      }
      return;  // one warning per source: its members share one date
    }
  }

  Context& context_;
  std::string uai_;
  ExportKind kind_;
  std::vector<std::size_t> exports_;
  SchoolPeople people_;
  std::string reference_date_;
  std::unordered_map<std::string, Located<sources::TimetablePerson>> pupils_;
  std::unordered_map<std::string, Located<sources::TimetablePerson>> teachers_;
  std::unordered_map<std::string, const sources::TimetableSubject*> subjects_;
  std::unordered_map<std::string, Located<sources::TimetableStructure>> structures_;
  // Part id -> ids of the structures uniting it.
  std::unordered_map<std::string, std::vector<std::string>> unions_of_;
  std::unordered_map<std::string, std::string> national_code_;
  std::set<std::tuple<std::string, std::string, model::StructureKind, std::string, std::string>>
      services_;
  std::unordered_map<std::string, const model::Pupil*> pupil_keys_;
  std::unordered_map<std::string, const model::Staff*> staff_keys_;
  std::set<std::string> unknown_codes_;
  std::map<std::string, TimetableGroup> timetable_members_;
};

}  // namespace

void add_timetables(Context& context) {
  std::map<std::pair<std::string, ExportKind>, std::vector<std::size_t>> sources;
  for (std::size_t i = 0; i < context.exports.size(); ++i) {
    const auto& parsed = context.exports[i];
    if (sources::is_timetable(parsed.kind)) sources[{parsed.header.uai, parsed.kind}].push_back(i);
  }
  for (auto& [school_kind, exports] : sources) {
    TimetableJoin(context, school_kind.first, school_kind.second, std::move(exports)).run();
  }
}

}  // namespace edusync::assemble
