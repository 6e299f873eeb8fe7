// Structures.xml (BEE_STRUCTURES 2.0) and Nomenclature.xml (BEE_NOMENCLATURES
// 3.1). Structures lists every division and group (not the "Inactifs"
// pseudo-class). Nomenclature carries MEFS and MATIERES plus lists a parser
// must skip; PROGRAMMES repeats CODE_MATIERE values on purpose.
#include "reference.hpp"
#include "writers.hpp"

namespace gen {
namespace {

void write_mefs_appartenance(XmlWriter& w, const std::vector<std::size_t>& mefs) {
  w.open("MEFS_APPARTENANCE");
  for (std::size_t m : mefs) {
    w.open("MEF_APPARTENANCE");
    w.leaf("CODE_MEF", ref::mef(m).code);
    w.close("MEF_APPARTENANCE");
  }
  w.close("MEFS_APPARTENANCE");
}

void write_nomenclature_mefs(XmlWriter& w) {
  w.open("MEFS");
  for (const ref::Mef& m : ref::mefs()) {
    w.open("MEF", {{"CODE_MEF", m.code}});
    w.leaf("FORMATION", m.formation);
    w.empty("SPECIALITE");
    w.leaf("LIBELLE_LONG", m.long_label);
    w.leaf("LIBELLE_EDITION", m.edition);
    w.leaf("MEF_RATTACHEMENT", m.code);
    w.leaf("CODE_MEFSTAT", m.mefstat);
    w.leaf("INSCRIPTION_ETAB", "1");
    w.leaf("DATE_OUVERTURE", "01/09/2016");
    w.empty("DATE_FERMETURE");
    w.close("MEF");
  }
  w.close("MEFS");
}

void write_nomenclature_matieres(XmlWriter& w) {
  w.open("MATIERES");
  for (const ref::Subject& s : ref::subjects()) {
    w.open("MATIERE", {{"CODE_MATIERE", s.code}});
    w.leaf("CODE_GESTION", s.gestion);
    w.leaf("LIBELLE_COURT", s.court);
    w.leaf("LIBELLE_LONG", s.long_label);
    w.leaf("LIBELLE_EDITION", s.edition);
    w.leaf("MATIERE_ETP", "0");
    w.close("MATIERE");
  }
  w.close("MATIERES");
}

void write_programmes(XmlWriter& w) {
  w.open("PROGRAMMES");
  for (std::size_t m = ref::kMef6; m <= ref::kMef3; ++m) {
    for (std::size_t s : {ref::kFranc, ref::kMaths, ref::kAgl1}) {
      w.open("PROGRAMME");
      w.leaf("CODE_MEF", ref::mef(m).code);
      w.leaf("CODE_MATIERE", ref::subject(s).code);
      w.leaf("CODE_MODALITE_ELECT", "S");
      w.leaf("HORAIRE", centi(ref::subject(s).centi_hours));
      w.close("PROGRAMME");
    }
  }
  w.close("PROGRAMMES");
}

}  // namespace

void write_structures(const School& school, const std::string& path) {
  XmlWriter w(path);
  w.prolog();
  w.open("BEE_STRUCTURES", {{"VERSION", "2.0"}});
  write_bee_parametres(w, school);
  w.open("DONNEES");
  w.open("DIVISIONS");
  for (const Division& d : school.divisions) {
    w.open("DIVISION", {{"CODE_STRUCTURE", d.code}});
    w.leaf("LIBELLE_LONG", d.label);
    w.leaf("CODE_RNE", school.uai);
    write_mefs_appartenance(w, {d.mef});
    w.close("DIVISION");
  }
  w.close("DIVISIONS");
  w.open("GROUPES");
  for (const Group& g : school.groups) {
    w.open("GROUPE", {{"CODE_STRUCTURE", g.code}});
    w.leaf("LIBELLE_LONG", g.label);
    w.leaf("CODE_RNE", school.uai);
    write_mefs_appartenance(w, g.mefs);
    w.open("DIVISIONS_APPARTENANCE");
    for (std::size_t d : g.divisions) {
      w.open("DIVISION_APPARTENANCE");
      w.leaf("CODE_STRUCTURE", school.divisions[d].code);
      w.close("DIVISION_APPARTENANCE");
    }
    w.close("DIVISIONS_APPARTENANCE");
    w.close("GROUPE");
  }
  w.close("GROUPES");
  w.close("DONNEES");
  w.close("BEE_STRUCTURES");
  w.finish();
}

void write_nomenclature(const School& school, const std::string& path) {
  XmlWriter w(path);
  w.prolog();
  w.open("BEE_NOMENCLATURES", {{"VERSION", "3.1"}});
  write_bee_parametres(w, school);
  w.open("DONNEES");
  write_nomenclature_mefs(w);
  write_nomenclature_matieres(w);
  write_programmes(w);
  for (const ref::CodeList& list : ref::misc_code_lists()) {
    w.open(list.list);
    for (const ref::CodeLabel& item : list.items) {
      w.open(list.item, {{list.attr, item.code}});
      w.leaf("LIBELLE_COURT", item.court);
      w.leaf("LIBELLE_LONG", item.long_label);
      w.close(list.item);
    }
    w.close(list.list);
  }
  w.close("DONNEES");
  w.close("BEE_NOMENCLATURES");
  w.finish();
}

}  // namespace gen
