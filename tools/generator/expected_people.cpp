// Oracle: pupils (BEE_ELEVES) and responsible persons (BEE_RESPONSABLES).
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "expected_detail.hpp"
#include "text.hpp"

namespace gen {
namespace {

// Distinct INE values (ID_NATIONAL, else INE_RNIE) held by >= 2 current pupils.
std::uint64_t duplicate_ines(const School& school, const std::vector<bool>& current) {
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    const std::string& ine = p.ine.empty() ? p.ine_rnie : p.ine;
    if (current[i] && !ine.empty()) ++seen[ine];
  }
  std::uint64_t n = 0;
  for (const auto& [ine, count] : seen) n += count >= 2 ? 1U : 0U;
  return n;
}

// Clusters of >= 2 guardians that look like one person: the same folded name (NOM_DE_FAMILLE +
// PRENOM) and a TEL_PORTABLE or MEL shared with another guardian of the cluster (edusync gives
// one warning per cluster). Guardians are first grouped by contact value, names are only
// compared inside the (rare) shared groups.
std::uint64_t duplicate_guardians(const School& school, const std::vector<bool>& guardian) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_contact;
  for (std::size_t i = 0; i < school.persons.size(); ++i) {
    if (!guardian[i]) continue;
    const Person& p = school.persons[i];
    if (!p.tel_portable.empty()) by_contact[p.tel_portable].push_back(i);
    if (!p.mel.empty()) by_contact[p.mel].push_back(i);  // '@' keeps mails apart from phones
  }
  std::unordered_map<std::size_t, std::size_t> parent;  // union-find over the persons involved
  const auto find = [&](std::size_t x) {
    while (parent.try_emplace(x, x).first->second != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const auto folded = [&](std::size_t i) {
    return fold_name(school.persons[i].nom) + '\x1f' + fold_name(school.persons[i].prenom);
  };
  for (const auto& [contact, persons] : by_contact) {
    std::unordered_map<std::string, std::size_t> first_of_name;
    for (std::size_t person : persons) {
      const auto [first, inserted] = first_of_name.try_emplace(folded(person), person);
      if (inserted) continue;
      const std::size_t root = find(first->second);
      const std::size_t other = find(person);
      parent[other] = root;
    }
  }
  std::unordered_map<std::size_t, std::size_t> sizes;
  for (const auto& [person, unused] : parent) ++sizes[find(person)];
  std::uint64_t clusters = 0;
  for (const auto& [root, size] : sizes) clusters += size >= 2 ? 1U : 0U;
  return clusters;
}

std::uint64_t count_if_current(const School& school, const std::vector<bool>& current,
                               auto&& predicate) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < school.pupils.size(); ++i)
    n += current[i] && predicate(school.pupils[i]) ? 1U : 0U;
  return n;
}

// Informational counts of the planted shapes parsers must handle.
Counter pupil_edge_cases(const School& school, const std::vector<bool>& current) {
  std::uint64_t with_exit = 0, on_export = 0, with_class = 0, no_structure = 0, inactif_exit = 0,
                inactif = 0;
  std::uint64_t rnie_only = 0, usage_empty = 0, usage_differs = 0;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    const Pupil& p = school.pupils[i];
    with_exit += current[i] && p.sortie.present() ? 1U : 0U;
    on_export += p.sortie == school.export_date ? 1U : 0U;
    with_class += !current[i] && p.division >= 0 ? 1U : 0U;
    no_structure += p.division == kNoDivision ? 1U : 0U;
    inactif += p.division == kInactifs ? 1U : 0U;
    inactif_exit += p.division == kInactifs && p.sortie.present() ? 1U : 0U;
    rnie_only += current[i] && p.ine.empty() && !p.ine_rnie.empty() ? 1U : 0U;
    usage_empty +=
        p.nom_usage_form == NomUsage::EmptyPair || p.nom_usage_form == NomUsage::EmptySelfClosing
            ? 1U
            : 0U;
    usage_differs += p.nom_usage_form == NomUsage::Value && p.nom_usage != p.nom ? 1U : 0U;
  }
  return {{"current_with_future_exit_date", with_exit},
          {"exit_on_export_date", on_export},
          {"departed_still_in_a_division", with_class},
          {"departed_without_structure", no_structure},
          {"inactifs_with_exit_date", inactif_exit},
          {"inactifs_without_exit_date", inactif - inactif_exit},
          {"ine_rnie_only", rnie_only},
          {"nom_usage_empty", usage_empty},
          {"nom_usage_differs", usage_differs}};
}

}  // namespace

void count_pupils(const School& school, SchoolExpected& out, const std::vector<bool>& current) {
  const std::uint64_t n_current =
      count_if_current(school, current, [](const Pupil&) { return true; });
  out.counts.emplace_back("eleve_records", school.pupils.size());
  out.counts.emplace_back("current_pupils", n_current);
  out.counts.emplace_back("departed_pupils", school.pupils.size() - n_current);
  out.warnings.emplace_back("MISSING_INE", count_if_current(school, current, [](const Pupil& p) {
                              return p.ine.empty() && p.ine_rnie.empty();
                            }));
  out.warnings.emplace_back("DUPLICATE_INE", duplicate_ines(school, current));
  out.warnings.emplace_back(
      "MISSING_SEX", count_if_current(school, current, [](const Pupil& p) { return p.sexe == 0; }));
  out.warnings.emplace_back(
      "MISSING_BIRTHDATE",
      count_if_current(school, current, [](const Pupil& p) { return !p.naiss.present(); }));
  out.warnings.emplace_back(
      "MULTIPLE_DIVISIONS",
      count_if_current(school, current, [](const Pupil& p) { return p.division2 != kNoDivision; }));
  out.edge_cases = pupil_edge_cases(school, current);
}

void count_responsables(const School& school, RespFormat format, SchoolExpected& out,
                        const std::vector<bool>& current) {
  std::unordered_set<std::uint32_t> known;
  for (const Pupil& p : school.pupils) known.insert(p.eleve_id);
  const std::size_t n = school.persons.size();
  std::vector<bool> guardian(n), in_charge(n), contact(n);
  std::uint64_t unknown = 0;
  std::vector<int> legal_per_pupil(school.pupils.size());
  for (const Link& l : school.links) {
    if (!known.count(l.eleve_id)) ++unknown;
    if (l.pupil == kNone || !current[l.pupil]) continue;
    const bool legal = link_is_legal(l, format);
    legal_per_pupil[l.pupil] += legal ? 1 : 0;
    if (legal)
      guardian[l.person] = true;
    else if (format == RespFormat::Post2018 && l.niveau == 2)
      in_charge[l.person] = true;
    else
      contact[l.person] = true;
  }
  std::uint64_t n_guardians = 0, n_in_charge = 0, n_contacts = 0, empty_prenom = 0;
  for (std::size_t i = 0; i < n; ++i) {
    n_guardians += guardian[i] ? 1U : 0U;
    n_in_charge += !guardian[i] && in_charge[i] ? 1U : 0U;
    n_contacts += !guardian[i] && !in_charge[i] && contact[i] ? 1U : 0U;
    empty_prenom += school.persons[i].prenom.empty() ? 1U : 0U;
  }
  std::uint64_t three = 0, none = 0;
  for (std::size_t i = 0; i < school.pupils.size(); ++i) {
    three += current[i] && legal_per_pupil[i] >= 3 ? 1U : 0U;
    none += current[i] && legal_per_pupil[i] == 0 ? 1U : 0U;
  }
  out.counts.insert(out.counts.end(), {{"persons", n},
                                       {"guardians", n_guardians},
                                       {"persons_in_charge", n_in_charge},
                                       {"contacts", n_contacts},
                                       {"responsable_links", school.links.size()}});
  out.warnings.emplace_back("DUPLICATE_GUARDIAN", duplicate_guardians(school, guardian));
  out.warnings.emplace_back("UNKNOWN_PUPIL_REFERENCE", unknown);
  out.edge_cases.insert(out.edge_cases.end(), {{"current_pupils_with_3_legal_guardians", three},
                                               {"current_pupils_without_legal_guardian", none},
                                               {"persons_with_empty_prenom", empty_prenom}});
}

}  // namespace gen
