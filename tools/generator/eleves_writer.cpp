// ElevesSansAdresses.xml / ElevesAvecAdresses.xml (root BEE_ELEVES 3.0).
// Section order as in real exports: ELEVES, OPTIONS, STRUCTURES, BOURSES,
// ADRESSES (Avec only). Class membership comes after all ELEVE records.
#include <algorithm>
#include <numeric>

#include "reference.hpp"
#include "writers.hpp"

namespace gen {
namespace {

// SIECLE lists pupils alphabetically.
std::vector<std::size_t> alphabetical(const School& school) {
  std::vector<std::size_t> order(school.pupils.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Pupil &x = school.pupils[a], &y = school.pupils[b];
    return std::tie(x.nom, x.prenom, x.eleve_id) < std::tie(y.nom, y.prenom, y.eleve_id);
  });
  return order;
}

void write_nom_usage(XmlWriter& w, const Pupil& p) {
  switch (p.nom_usage_form) {
    case NomUsage::Value: w.leaf("NOM_USAGE", p.nom_usage); break;
    case NomUsage::EmptySelfClosing: w.empty("NOM_USAGE"); break;
    case NomUsage::EmptyPair: w.leaf("NOM_USAGE", ""); break;
    case NomUsage::Absent: break;
  }
}

// Last year's schooling: all children empty unless the pupil was here.
void write_last_year(XmlWriter& w, const School& school, const Pupil& p) {
  w.open("SCOLARITE_AN_DERNIER");
  const bool here = !p.last_division.empty();
  const auto field = [&](std::string_view tag, std::string_view value) {
    if (here && !value.empty())
      w.leaf(tag, value);
    else
      w.empty(tag);
  };
  field("CODE_MEF", here ? ref::mef(p.last_mef).code : "");
  field("CODE_STRUCTURE", p.last_division);
  field("CODE_RNE", school.uai);
  field("CODE_NATURE", "340");
  field("SIGLE", "CLG");
  field("DENOM_PRINC", "COLLEGE");
  field("DENOM_COMPL", school.eponym);
  for (std::string_view tag : {"LIGNE1_ADRESSE", "BOITE_POSTALE", "MEL", "TELEPHONE",
                               "CODE_COMMUNE_INSEE", "LL_COMMUNE_INSEE"}) {
    w.empty(tag);
  }
  w.close("SCOLARITE_AN_DERNIER");
}

void write_eleve(XmlWriter& w, const School& school, const Pupil& p, bool avec) {
  const std::string elenoet = num(p.elenoet);
  w.open("ELEVE", {{"ELEVE_ID", num(p.eleve_id)}, {"ELENOET", elenoet}});
  w.opt("ID_NATIONAL", p.ine);
  w.opt("INE_BEA", p.ine_bea);
  w.opt("INE_RNIE", p.ine_rnie);
  w.leaf("ELENOET", elenoet);
  w.leaf("ID_ELEVE_ETAB", p.id_eleve_etab);
  w.leaf("NOM_DE_FAMILLE", p.nom);
  write_nom_usage(w, p);
  w.leaf("PRENOM", p.prenom);
  w.opt("PRENOM2", p.prenom2);
  w.opt("PRENOM3", p.prenom3);
  if (p.naiss.present()) w.leaf("DATE_NAISS", format_dmy(p.naiss));
  w.leaf("DOUBLEMENT", p.doublement ? "1" : "0");
  w.leaf("CODE_PAYS", p.pays.empty() ? "100" : p.pays);
  w.leaf("ACCEPTE_SMS", p.accepte_sms ? "1" : "0");
  w.leaf("DATE_MODIFICATION", format_dmy(p.modification));
  if (p.sortie.present()) w.leaf("DATE_SORTIE", format_dmy(p.sortie));
  w.opt("MEL", p.mel);
  w.leaf("CODE_REGIME", p.regime);
  w.leaf("DATE_ENTREE", format_dmy(p.entree));
  w.opt("VILLE_NAISS", p.ville_naiss);
  w.opt("CODE_MOTIF_SORTIE", p.motif_sortie);
  if (p.sexe != 0) w.leaf("CODE_SEXE", p.sexe == 1 ? "1" : "2");
  w.opt("TEL_PORTABLE", p.tel_portable);
  w.leaf("CODE_PAYS_NAT", "100");
  w.leaf("CODE_STATUT", "ST");
  if (p.mef != kNone) w.leaf("CODE_MEF", ref::mef(p.mef).code);
  w.opt("CODE_DEPARTEMENT_NAISS", p.dept_naiss);
  w.opt("CODE_COMMUNE_INSEE_NAISS", p.commune_naiss);
  if (avec) w.leaf("ADRESSE_ID", num(school.addresses[p.address].id));
  w.leaf("ADHESION_TRANSPORT", p.transport ? "1" : "0");
  w.leaf("CODE_PROVENANCE", p.provenance);
  write_last_year(w, school, p);
  w.close("ELEVE");
}

void write_options(XmlWriter& w, const Pupil& p) {
  if (p.options.empty()) return;
  w.open("OPTION", {{"ELEVE_ID", num(p.eleve_id)}, {"ELENOET", num(p.elenoet)}});
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    w.open("OPTIONS_ELEVE");
    w.leaf("NUM_OPTION", num(i + 1));
    w.leaf("CODE_MODALITE_ELECT", std::string(1, p.options[i].modalite));
    w.leaf("CODE_MATIERE", ref::subject(p.options[i].subject).code);
    w.close("OPTIONS_ELEVE");
  }
  w.close("OPTION");
}

void write_structure(XmlWriter& w, std::string_view code, std::string_view type) {
  w.open("STRUCTURE");
  w.leaf("CODE_STRUCTURE", code);
  w.leaf("TYPE_STRUCTURE", type);
  w.close("STRUCTURE");
}

// D structure(s), then the groups SIECLE knows about (G).
void write_structures_eleve(XmlWriter& w, const School& school, const Pupil& p) {
  if (p.division == kNoDivision) return;
  w.open("STRUCTURES_ELEVE", {{"ELEVE_ID", num(p.eleve_id)}, {"ELENOET", num(p.elenoet)}});
  const auto division_code = [&](std::int32_t d) -> std::string_view {
    if (d == kInactifs) return "Inactifs";
    return school.divisions[static_cast<std::size_t>(d)].code;
  };
  write_structure(w, division_code(p.division), "D");
  if (p.division2 != kNoDivision) write_structure(w, division_code(p.division2), "D");
  for (std::uint32_t g : p.groups) {
    if (school.groups[g].in_siecle) write_structure(w, school.groups[g].code, "G");
  }
  w.close("STRUCTURES_ELEVE");
}

void write_bourses(XmlWriter& w, const School& school, const std::vector<std::size_t>& order) {
  if (school.bourses_empty) {
    w.empty("BOURSES");
    return;
  }
  w.open("BOURSES");
  for (std::size_t i : order) {
    const Pupil& p = school.pupils[i];
    if (p.bourse.empty()) continue;
    w.open("BOURSE", {{"ELEVE_ID", num(p.eleve_id)}, {"ELENOET", num(p.elenoet)}});
    w.leaf("CODE_BOURSE", p.bourse);
    w.close("BOURSE");
  }
  w.close("BOURSES");
}

void write_pupil_addresses(XmlWriter& w, const School& school,
                           const std::vector<std::size_t>& order) {
  std::vector<bool> seen(school.addresses.size());
  w.open("ADRESSES");
  for (std::size_t i : order) {
    const std::size_t a = school.pupils[i].address;
    if (seen[a]) continue;
    seen[a] = true;
    write_adresse(w, school.addresses[a]);
  }
  w.close("ADRESSES");
}

}  // namespace

void write_eleves(const School& school, bool avec, const std::string& path) {
  const std::vector<std::size_t> order = alphabetical(school);
  XmlWriter w(path);
  w.prolog();
  w.open("BEE_ELEVES", {{"VERSION", "3.0"}});
  write_bee_parametres(w, school);
  w.open("DONNEES");
  w.open("ELEVES");
  for (std::size_t i : order) write_eleve(w, school, school.pupils[i], avec);
  w.close("ELEVES");
  w.open("OPTIONS");
  for (std::size_t i : order) write_options(w, school.pupils[i]);
  w.close("OPTIONS");
  w.open("STRUCTURES");
  for (std::size_t i : order) write_structures_eleve(w, school, school.pupils[i]);
  w.close("STRUCTURES");
  write_bourses(w, school, order);
  if (avec) write_pupil_addresses(w, school, order);
  w.close("DONNEES");
  w.close("BEE_ELEVES");
  w.finish();
}

}  // namespace gen
