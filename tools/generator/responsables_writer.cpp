// ResponsablesAvecAdresses.xml (root BEE_RESPONSABLES): PERSONNES,
// RESPONSABLES (link rows without attributes), ADRESSES. The link block is
// either the post-2018 form (VERSION 2.1: NIVEAU_RESPONSABILITE…) or the
// pre-2018 one (VERSION 1.9: RESP_LEGAL…), from the same model.
#include "reference.hpp"
#include "writers.hpp"

namespace gen {
namespace {

void write_personne(XmlWriter& w, const School& school, const Person& p) {
  w.open("PERSONNE", {{"PERSONNE_ID", num(p.id)}});
  w.leaf("LC_CIVILITE", p.civilite == 1 ? "M." : "MME");
  w.leaf("LL_CIVILITE", p.civilite == 1 ? "MONSIEUR" : "MADAME");
  w.leaf("NOM_DE_FAMILLE", p.nom);
  w.opt("NOM_USAGE", p.nom_usage);
  w.leaf("PRENOM", p.prenom);  // may be empty: <PRENOM></PRENOM>
  w.opt("TEL_PERSONNEL", p.tel_perso);
  w.opt("TEL_PORTABLE", p.tel_portable);
  w.leaf("ACCEPTE_SMS", p.accepte_sms ? "1" : "0");
  w.opt("TEL_PROFESSIONNEL", p.tel_pro);
  if (p.mel.empty())
    w.empty("MEL");
  else
    w.leaf("MEL", p.mel);
  w.leaf("COMMUNICATION_ADRESSE", p.communication_adresse ? "1" : "0");
  w.leaf("ADRESSE_ID", num(school.addresses[p.address].id));
  w.opt("CODE_PROFESSION", p.profession);
  w.close("PERSONNE");
}

const char* boolean(bool value) {
  return value ? "true" : "false";
}
const char* bit(bool value) {
  return value ? "1" : "0";
}

// Booleans are 0/1 for some elements and true/false for others, as in SIECLE.
void write_link(XmlWriter& w, const School& school, const Link& l, RespFormat format) {
  w.open("RESPONSABLE_ELEVE");
  w.leaf("ELEVE_ID", num(l.eleve_id));
  w.leaf("PERSONNE_ID", num(school.persons[l.person].id));
  if (format == RespFormat::Post2018) {
    w.leaf("NIVEAU_RESPONSABILITE", num(static_cast<std::uint64_t>(l.niveau)));
    w.leaf("CODE_PARENTE", l.parente);
    w.leaf("PAIE_FRAIS_SCOLAIRES", bit(l.paie));
    w.leaf("A_CONTACTER_EN_PRIORITE", boolean(l.contact));
    w.leaf("PERCOIT_LES_AIDES", boolean(l.aides));
    w.leaf("HEBERGE_ELEVE", boolean(l.heberge));
  } else {
    w.leaf("RESP_LEGAL", num(static_cast<std::uint64_t>(l.resp_legal)));
    w.leaf("CODE_PARENTE", ref::pre2018_parente(l.parente));
    w.leaf("RESP_FINANCIER", bit(l.paie));
    w.leaf("PERS_PAIEMENT", bit(l.paie));
    w.leaf("PERS_CONTACT", bit(l.contact || l.niveau == 3));
  }
  w.close("RESPONSABLE_ELEVE");
}

}  // namespace

void write_responsables(const School& school, RespFormat format, const std::string& path) {
  XmlWriter w(path);
  w.prolog();
  w.open("BEE_RESPONSABLES", {{"VERSION", format == RespFormat::Post2018 ? "2.1" : "1.9"}});
  write_bee_parametres(w, school);
  w.open("DONNEES");
  w.open("PERSONNES");
  for (const Person& p : school.persons) write_personne(w, school, p);
  w.close("PERSONNES");
  w.open("RESPONSABLES");
  for (const Link& l : school.links) write_link(w, school, l, format);
  w.close("RESPONSABLES");
  w.open("ADRESSES");
  std::vector<bool> seen(school.addresses.size());
  for (const Person& p : school.persons) {
    if (seen[p.address]) continue;
    seen[p.address] = true;
    write_adresse(w, school.addresses[p.address]);
  }
  w.close("ADRESSES");
  w.close("DONNEES");
  w.close("BEE_RESPONSABLES");
  w.finish();
}

}  // namespace gen
