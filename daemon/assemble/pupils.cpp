// Pupils of BEE_ELEVES: who is current, their key, their division and groups.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "assemble/context.hpp"

namespace edusync::assemble {
namespace {

constexpr std::string_view kInactive = "Inactifs";  // SIECLE's pseudo-division of leavers

// The STRUCTURE entries of one pupil, in document order.
struct PupilStructures {
  std::vector<std::string> divisions;
  std::vector<std::string> groups;
};

// Indexes the STRUCTURES section by ELEVE_ID (the section is separate from ELEVES).
std::unordered_map<std::string_view, PupilStructures> index_structures(
    const std::deque<sources::StructureRecord>& structures) {
  std::unordered_map<std::string_view, PupilStructures> index;
  index.reserve(structures.size());
  for (const auto& structure : structures) {
    auto& entry = index[structure.eleve_id];
    auto& codes = structure.type == 'D' ? entry.divisions : entry.groups;
    if (structure.type == 'D' && structure.code == kInactive) continue;
    if (std::find(codes.begin(), codes.end(), structure.code) == codes.end()) {
      codes.push_back(structure.code);
    }
  }
  return index;
}

class PupilBuilder {
 public:
  // Current pupils are appended to the directory; their structures and unreadable birth dates
  // to the two vectors, at the same indexes, for the checks made once all keys are final.
  PupilBuilder(Context& context, std::size_t source, std::vector<PupilStructures>& structures,
               std::vector<std::string>& raw_birth_dates)
      : context_(context),
        source_(source),
        structures_of_added_(structures),
        raw_birth_dates_(raw_birth_dates) {}

  void run(sources::ElevesExport& eleves);

 private:
  bool is_departed(const model::Pupil& pupil) const;
  void add_current(sources::PupilRecord& record, PupilStructures& structures);

  Context& context_;
  std::size_t source_;
  std::string export_date_;
  std::vector<PupilStructures>& structures_of_added_;
  std::vector<std::string>& raw_birth_dates_;
};

bool PupilBuilder::is_departed(const model::Pupil& pupil) const {
  return !pupil.exit_date.empty() && pupil.exit_date <= export_date_;
}

void PupilBuilder::run(sources::ElevesExport& eleves) {
  const auto& header = context_.exports[source_].header;
  export_date_ = header.export_date.empty() ? context_.options.today : header.export_date;
  context_.uais_with_pupils.insert(header.uai);
  auto structures = index_structures(eleves.structures);
  auto& ignored = context_.directory.ignored;
  for (; !eleves.pupils.empty(); eleves.pupils.pop_front()) {  // frees the records as it goes
    auto& record = eleves.pupils.front();
    model::Pupil& pupil = record.pupil;
    auto [slot, inserted] =
        context_.eleve_ids.try_emplace(school_key(header.uai, pupil.eleve_id), -1);
    if (!inserted) {
      context_.warnings.duplicate_record(Warnings::RecordKind::pupil, pupil.eleve_id,
                                         context_.where(source_, pupil.origin.line));
      continue;
    }
    if (is_departed(pupil)) {
      ++ignored.departed_pupils;
      continue;
    }
    auto found = structures.find(pupil.eleve_id);
    if (found == structures.end() || found->second.divisions.empty()) {
      ++ignored.pupils_without_class;
      continue;
    }
    slot->second = static_cast<std::ptrdiff_t>(context_.directory.pupils.size());
    add_current(record, found->second);
  }
  eleves.pupils = {};
  eleves.structures = {};
}

void PupilBuilder::add_current(sources::PupilRecord& record, PupilStructures& structures) {
  model::Pupil& pupil = record.pupil;
  pupil.uai = context_.exports[source_].header.uai;
  pupil.origin.source = static_cast<std::uint32_t>(source_);
  pupil.key = !record.id_national.empty() ? record.id_national
              : !record.ine_rnie.empty()  ? record.ine_rnie
                                          : local_pupil_key(pupil);
  context_.directory.pupils.push_back(std::move(pupil));
  structures_of_added_.push_back(std::move(structures));
  raw_birth_dates_.push_back(std::move(record.raw_birth_date));
}

// An INE carried by two current pupils identifies neither. Every INE counts (ID_NATIONAL,
// INE_RNIE, INE_BEA): a pupil created by copying another's record in SIECLE often keeps the
// other's INE_RNIE or INE_BEA. When the INE is the key of both, both fall back to local keys;
// when it is a secondary number of one of them, the identity stage does not use it as an alias
// (run/accounts.cpp), so that neither can be recognised by the other's number. The INE is
// national: the check spans every school of the directory.
void resolve_duplicate_ines(Context& context) {
  auto& pupils = context.directory.pupils;
  std::unordered_map<std::string_view, std::size_t> first_with;
  std::vector<std::size_t> rekey;
  std::vector<std::pair<std::size_t, std::size_t>> reported;
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    for (const auto& ine : pupils[i].ines) {
      auto [found, inserted] = first_with.try_emplace(ine, i);
      if (inserted || found->second == i) continue;
      const std::size_t first = found->second;
      const std::pair pair{first, i};
      if (std::find(reported.begin(), reported.end(), pair) != reported.end()) continue;
      reported.push_back(pair);
      const auto where = context.where(pupils[i].origin.source, pupils[i].origin.line);
      if (pupils[first].key == ine && pupils[i].key == ine) {
        context.warnings.duplicate_ine(ine, pupils[first], pupils[i], where);
        context.shared_key_ines.push_back(ine);
        if (rekey.empty() || rekey.back() != first) rekey.push_back(first);
        rekey.push_back(i);
      } else {
        context.warnings.shared_ine(ine, pupils[first], pupils[i], where);
      }
    }
  }
  first_with.clear();
  for (std::size_t i : rekey) pupils[i].key = local_pupil_key(pupils[i]);
}

// ELENOET, the school's pupil number, is what KOXO (IdentifiantUnique) and SambaEdu
// (employeeNumber) match on. Two current pupils of one school with the same number (a record
// copied in SIECLE) are reported; the identity stage keeps the number for one pupil at most.
// Numbers are compared without leading zeros, as SambaEdu holds them either way.
void find_duplicate_elenoets(Context& context) {
  const auto& pupils = context.directory.pupils;
  std::unordered_map<std::string, std::size_t> first_with;
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    const auto& number = pupils[i].elenoet;
    if (number.empty()) continue;
    const auto digits = number.substr(std::min(number.find_first_not_of('0'), number.size()));
    auto [found, inserted] = first_with.try_emplace(pupils[i].uai + "|" + digits, i);
    if (inserted) continue;
    context.warnings.duplicate_elenoet(
        pupils[found->second], pupils[i],
        context.where(pupils[i].origin.source, pupils[i].origin.line));
  }
}

void check_pupil(Context& context, const model::Pupil& pupil, const std::string& raw_birth_date) {
  const std::string where = context.where(pupil.origin.source, pupil.origin.line);
  if (pupil.key.starts_with("eleve:") && pupil.ines.empty())
    context.warnings.missing_ine(pupil, where);
  if (pupil.sex == model::Sex::unknown) context.warnings.missing_sex(pupil, where);
  if (pupil.birth_date.empty()) context.warnings.missing_birthdate(pupil, raw_birth_date, where);
}

void add_memberships(Context& context, const model::Pupil& pupil,
                     const PupilStructures& structures) {
  auto& memberships = context.directory.memberships;
  const auto& divisions = structures.divisions;
  if (divisions.size() > 1) {
    context.warnings.multiple_divisions(pupil, divisions,
                                        context.where(pupil.origin.source, pupil.origin.line));
  }
  division_for(context, pupil.uai, divisions.front());
  memberships.push_back({pupil.key, pupil.uai, model::StructureKind::division, divisions.front(),
                         model::Origin::siecle});
  for (const auto& code : structures.groups) {
    group_for(context, pupil.uai, code);
    memberships.push_back(
        {pupil.key, pupil.uai, model::StructureKind::group, code, model::Origin::siecle});
  }
}

}  // namespace

void add_pupils(Context& context) {
  std::vector<PupilStructures> structures;
  std::vector<std::string> raw_birth_dates;
  // Reserved once for every school: reserving per export (size + this export's records) made
  // an academy's 1 000 exports move the whole vector 1 000 times.
  std::size_t records = 0;
  for (const auto& parsed : context.exports) {
    if (const auto* eleves = std::get_if<sources::ElevesExport>(&parsed.data))
      records += eleves->pupils.size();
  }
  context.directory.pupils.reserve(context.directory.pupils.size() + records);
  structures.reserve(records);
  raw_birth_dates.reserve(records);
  for (std::size_t i = 0; i < context.exports.size(); ++i) {
    auto* eleves = std::get_if<sources::ElevesExport>(&context.exports[i].data);
    if (eleves == nullptr) continue;
    PupilBuilder(context, i, structures, raw_birth_dates).run(*eleves);
  }
  resolve_duplicate_ines(context);
  find_duplicate_elenoets(context);
  const auto& pupils = context.directory.pupils;
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    check_pupil(context, pupils[i], raw_birth_dates[i]);
    add_memberships(context, pupils[i], structures[i]);
  }
}

}  // namespace edusync::assemble
