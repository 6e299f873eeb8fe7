// sts_emp_<UAI>_<year>.xml (root STS_EDT, no attributes). The UAI and the
// year are ATTRIBUTES here (UAJ@CODE, ANNEE_SCOLAIRE@ANNEE), unlike SIECLE.
#include <unordered_map>

#include "reference.hpp"
#include "text.hpp"
#include "writers.hpp"

namespace gen {
namespace {

struct StaffIndex {
  std::unordered_map<std::uint32_t, bool> local;  // INDIVIDU@ID -> TYPE local
  std::unordered_map<std::uint32_t, int> centi;   // weekly hours x100 in services
};

void write_parametres(XmlWriter& w, const School& school) {
  w.open("PARAMETRES");
  w.open("UAJ", {{"CODE", school.uai}});
  w.open("ACADEMIE");
  w.leaf("CODE", school.dep->academie_code);
  w.leaf("LIBELLE", school.dep->academie_name);
  w.close("ACADEMIE");
  w.leaf("SIGLE", "CLG");
  w.leaf("DENOM_PRINC", "COLLEGE");
  w.leaf("DENOM_COMPL", school.eponym);
  w.leaf("CODE_NATURE", "340");
  w.leaf("CODE_CATEGORIE", "1");
  w.leaf("ADRESSE", upper_fr(school.street));
  w.leaf("COMMUNE", school.commune->name);
  w.leaf("CODE_POSTAL", school.commune->postal);
  w.empty("BOITE_POSTALE");
  w.empty("CEDEX");
  w.empty("TELEPHONE");
  w.leaf("STATUT", "PU");
  w.leaf("ETABLISSEMENT_SENSIBLE", "N");
  w.close("UAJ");
  w.open("ANNEE_SCOLAIRE", {{"ANNEE", num(static_cast<std::uint64_t>(school.year))}});
  w.leaf("DATE_DEBUT", format_iso(school.year_start));
  w.leaf("DATE_FIN", format_iso(Date{school.year + 1, 8, 31}));
  w.close("ANNEE_SCOLAIRE");
  w.close("PARAMETRES");
}

void write_nomenclatures(XmlWriter& w) {
  w.open("NOMENCLATURES");
  w.open("MODS_COURS");
  for (std::string_view code : {"CG", "TP"}) {
    w.open("MOD_COURS", {{"CODE", code}});
    w.leaf("LIBELLE_COURT", code == "CG" ? "COURS GENERAL" : "TRAVAUX PRATIQUES");
    w.leaf("CO_ENS", "N");
    w.close("MOD_COURS");
  }
  w.close("MODS_COURS");
  w.open("MATIERES");
  for (const ref::Subject& s : ref::subjects()) {
    w.open("MATIERE", {{"CODE", s.code}});
    w.leaf("CODE_GESTION", s.gestion);
    w.leaf("LIBELLE_COURT", s.court);
    w.leaf("LIBELLE_LONG", s.long_label);
    w.leaf("LIBELLE_EDITION", s.edition);
    w.close("MATIERE");
  }
  w.close("MATIERES");
  w.open("MEFS");
  for (const ref::Mef& m : ref::mefs()) {
    w.open("MEF", {{"CODE", m.code}});
    w.leaf("FORMATION", m.formation);
    w.leaf("LIBELLE_LONG", m.long_label);
    w.leaf("LIBELLE_EDITION", m.edition);
    w.leaf("MEFSTAT11", m.mefstat);
    w.close("MEF");
  }
  w.close("MEFS");
  w.close("NOMENCLATURES");
}

void write_individu(XmlWriter& w, const School& school, const Individu& ind,
                    const StaffIndex& index) {
  w.open("INDIVIDU", {{"ID", num(ind.id)}, {"TYPE", ind.local ? "local" : "epp"}});
  w.leaf("SEXE", ind.sexe == 0 ? "" : ind.sexe == 1 ? "1" : "2");
  if (ind.sexe != 0) w.leaf("CIVILITE", ind.sexe == 1 ? "1" : "2");
  w.leaf("NOM_USAGE", ind.nom_usage);
  w.leaf("NOM_PATRONYMIQUE", ind.nom_patro);
  w.leaf("PRENOM", ind.prenom);
  if (ind.naiss.present()) w.leaf("DATE_NAISSANCE", format_iso(ind.naiss));
  w.opt("GRADE", ind.grade);
  w.opt("FONCTION", ind.fonction);
  if (!ind.head_of.empty()) {
    w.open("PROFS_PRINC");
    for (std::size_t d : ind.head_of) {
      w.open("PROF_PRINC");
      w.leaf("CODE_STRUCTURE", school.divisions[d].code);
      w.leaf("DATE_DEBUT", format_iso(school.year_start));
      w.leaf("DATE_FIN", format_iso(Date{school.year + 1, 8, 31}));
      w.close("PROF_PRINC");
    }
    w.close("PROFS_PRINC");
  }
  if (ind.discipline != kNone) {
    const ref::Subject& s = ref::subject(ind.discipline);
    const auto hours = index.centi.find(ind.id);
    w.open("DISCIPLINES");
    w.open("DISCIPLINE", {{"CODE", s.discipline}});
    w.leaf("LIBELLE_COURT", s.discipline_label);
    w.leaf("NB_HEURES", centi(hours == index.centi.end() ? 1800 : hours->second));
    w.close("DISCIPLINE");
    w.close("DISCIPLINES");
  }
  w.close("INDIVIDU");
}

// Division services carry HEURES_AGENT inside ENSEIGNANT; group services use
// the empty-element form: parsers must accept both.
void write_services(XmlWriter& w, const std::vector<Service>& services, const StaffIndex& index,
                    bool detailed) {
  w.open("SERVICES");
  for (const Service& s : services) {
    const ref::Subject& subject = ref::subject(s.subject);
    w.open("SERVICE", {{"CODE_MATIERE", subject.code}, {"CODE_MOD_COURS", s.mod_cours}});
    w.leaf("HEURES_STRUCTURE", centi(subject.centi_hours));
    w.open("ENSEIGNANTS");
    for (std::uint32_t id : s.teachers) {
      const auto it = index.local.find(id);
      const std::string_view type = it != index.local.end() && it->second ? "local" : "epp";
      if (!detailed) {
        w.empty("ENSEIGNANT", {{"ID", num(id)}, {"TYPE", type}});
        continue;
      }
      w.open("ENSEIGNANT", {{"ID", num(id)}, {"TYPE", type}});
      w.leaf("HEURES_AGENT", centi(subject.centi_hours));
      w.close("ENSEIGNANT");
    }
    w.close("ENSEIGNANTS");
    w.close("SERVICE");
  }
  w.close("SERVICES");
}

void write_mefs_appartenance(XmlWriter& w, const std::vector<std::size_t>& mefs) {
  w.open("MEFS_APPARTENANCE");
  for (std::size_t m : mefs) w.empty("MEF_APPARTENANCE", {{"CODE", ref::mef(m).code}});
  w.close("MEFS_APPARTENANCE");
}

void write_structure(XmlWriter& w, const School& school, const StaffIndex& index) {
  w.open("STRUCTURE");
  w.open("DIVISIONS");
  for (const Division& d : school.divisions) {
    w.open("DIVISION", {{"CODE", d.code}});
    w.leaf("LIBELLE_LONG", d.label);
    w.leaf("EFFECTIF_PREVU", num(d.seats));
    write_mefs_appartenance(w, {d.mef});
    write_services(w, d.services, index, true);
    w.close("DIVISION");
  }
  w.close("DIVISIONS");
  w.open("GROUPES");
  for (const Group& g : school.groups) {
    w.open("GROUPE", {{"CODE", g.code}});
    w.leaf("LIBELLE_LONG", g.label);
    w.leaf("EFFECTIF_PREVU", num(g.members));
    w.open("DIVISIONS_APPARTENANCE");
    for (std::size_t d : g.divisions)
      w.empty("DIVISION_APPARTENANCE", {{"CODE", school.divisions[d].code}});
    w.close("DIVISIONS_APPARTENANCE");
    write_mefs_appartenance(w, g.mefs);
    write_services(w, g.services, index, false);
    w.close("GROUPE");
  }
  w.close("GROUPES");
  w.close("STRUCTURE");
}

StaffIndex index_staff(const School& school) {
  StaffIndex index;
  for (const Individu& ind : school.staff) index.local[ind.id] = ind.local;
  const auto add = [&](const std::vector<Service>& services) {
    for (const Service& s : services) {
      for (std::uint32_t id : s.teachers) index.centi[id] += ref::subject(s.subject).centi_hours;
    }
  };
  for (const Division& d : school.divisions) add(d.services);
  for (const Group& g : school.groups) add(g.services);
  return index;
}

}  // namespace

void write_sts(const School& school, const std::string& path) {
  const StaffIndex index = index_staff(school);
  XmlWriter w(path);
  w.prolog();
  w.open("STS_EDT");
  write_parametres(w, school);
  write_nomenclatures(w);
  w.open("DONNEES");
  w.open("INDIVIDUS");
  for (const Individu& ind : school.staff) write_individu(w, school, ind, index);
  w.close("INDIVIDUS");
  write_structure(w, school, index);
  w.close("DONNEES");
  w.close("STS_EDT");
  w.finish();
}

}  // namespace gen
