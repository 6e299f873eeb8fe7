#pragma once
// A small ExportEmploiDuTemps for the hand-written college of tests/data/handmade (UAI
// 0140065T), for the tests that run edusync with a timetable in the inbox.
#include <string>

namespace edusync::test {

// `group_name` is the timetable's own group: pupils 101 and 102 through part 11 of 6 A.
inline std::string edt_export(const std::string& group_name) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<ExportEmploiDuTemps Version="1.1" UAI="0140065T">
<AnneeScolaire DateDebut="2025-09-01" DateFin="2026-07-04"/>
<Matieres><Matiere Ident="1" Code="LATIN" Libelle="LATIN"/></Matieres>
<Professeurs><Professeur Ident="7" Nom="LE GOFF" Prenom="Maëlle Anne"/></Professeurs>
<Classes><Classe Ident="1" Nom="6 A"><PartieDeClasse Ident="11"/></Classe></Classes>
<Groupes><Groupe Ident="31" Nom=")" +
         group_name + R"("><PartieDeClasse Ident="11"/></Groupe></Groupes>
<Eleves>
<Eleve Ident="101" Nom="CŒURDEVEY" Prenom="Lætitia" DateNaissance="2012-04-03"><PartieDeClasse Ident="11"/></Eleve>
<Eleve Ident="102" Nom="MARTIN-LEFÈVRE" Prenom="Jean-Baptiste" DateNaissance="2011-12-31"><PartieDeClasse Ident="11"/></Eleve>
</Eleves>
<Cours><Cours Jour="1"><Matiere Ident="1"/><Professeur Ident="7"/><Groupe Ident="31"/></Cours></Cours>
</ExportEmploiDuTemps>
)";
}

}  // namespace edusync::test
