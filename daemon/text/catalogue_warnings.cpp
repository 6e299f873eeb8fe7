// Data-quality warnings of the model builder: what is wrong, for which record, where to fix it.
// Menu paths of SIECLE and STS-web are the applications' own French names, in both languages.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kWarnings[] = {
    {"warning.missing_ine",
     "Élève sans INE : {pupil}. Son identifiant provisoire est {key} ; renseignez l'INE dans "
     "SIECLE › Base élèves › Fiche élève dès qu'il est attribué.",
     "Pupil without an INE: {pupil}. Their provisional identifier is {key}; enter the INE in "
     "SIECLE › Base élèves › Fiche élève as soon as it is assigned."},
    {"warning.duplicate_ine",
     "Le même INE {ine} est porté par deux élèves : {first} et {second}. Aucun des deux ne prend "
     "cet INE comme identifiant tant que l'erreur n'est pas corrigée dans SIECLE › Base élèves › "
     "Fiche élève.",
     "The same INE {ine} is held by two pupils: {first} and {second}. Neither takes this INE as "
     "their identifier until the error is corrected in SIECLE › Base élèves › Fiche élève."},
    {"warning.shared_ine",
     "Le même INE {ine} figure sur les fiches de deux élèves : {first} et {second} (INE_RNIE ou "
     "INE_BEA recopié ?). Ce numéro ne sert à reconnaître aucun des deux ; corrigez la fiche "
     "erronée dans SIECLE › Base élèves › Fiche élève.",
     "The same INE {ine} appears on the records of two pupils: {first} and {second} (an INE_RNIE "
     "or INE_BEA copied?). This number identifies neither of them; correct the wrong record in "
     "SIECLE › Base élèves › Fiche élève."},
    {"warning.missing_sex",
     "Sexe non renseigné pour {pupil} : complétez-le dans SIECLE › Base élèves › Fiche élève "
     "(Pix et l'ENT l'exigent).",
     "No sex recorded for {pupil}: fill it in in SIECLE › Base élèves › Fiche élève (Pix and the "
     "ENT require it)."},
    {"warning.birthdate_absent",
     "Date de naissance absente pour {pupil} : corrigez-la dans SIECLE › Base élèves › Fiche "
     "élève (format JJ/MM/AAAA).",
     "No birth date for {pupil}: correct it in SIECLE › Base élèves › Fiche élève (format "
     "DD/MM/YYYY)."},
    {"warning.birthdate_unreadable",
     "Date de naissance illisible (« {raw} ») pour {pupil} : corrigez-la dans SIECLE › Base "
     "élèves › Fiche élève (format JJ/MM/AAAA).",
     "Unreadable birth date (\"{raw}\") for {pupil}: correct it in SIECLE › Base élèves › Fiche "
     "élève (format DD/MM/YYYY)."},
    {"warning.multiple_divisions",
     "{pupil} est inscrit dans plusieurs divisions ({codes}) ; seule la première ({first}) est "
     "retenue. Corrigez l'affectation dans SIECLE › Base élèves › Structures.",
     "{pupil} is enrolled in several divisions ({codes}); only the first ({first}) is kept. "
     "Correct the assignment in SIECLE › Base élèves › Structures."},
    {"warning.duplicate_guardian.pair",
     "Responsable enregistré deux fois : {names} ont le même nom et {shared}. Fusionnez les deux "
     "fiches dans SIECLE › Responsables › Doublons responsables, sinon ce parent aura un compte "
     "par enfant.",
     "Guardian recorded twice: {names} have the same name and {shared}. Merge the two records in "
     "SIECLE › Responsables › Doublons responsables, or this parent will have one account per "
     "child."},
    {"warning.duplicate_guardian.chain",
     "Responsable enregistré {times} fois : {names} ont le même nom et, de proche en proche, "
     "{shared}. Fusionnez les {times} fiches dans SIECLE › Responsables › Doublons responsables, "
     "sinon ce parent aura un compte par enfant.",
     "Guardian recorded {times} times: {names} have the same name and, link by link, {shared}. "
     "Merge the {times} records in SIECLE › Responsables › Doublons responsables, or this parent "
     "will have one account per child."},
    {"warning.same_mobile", "le même téléphone portable ({value})",
     "the same mobile phone ({value})"},
    {"warning.same_email", "le même mél ({value})", "the same e-mail ({value})"},
    {"warning.more_values", "d'autres valeurs", "other values"},
    {"warning.other_records", "{count|autre fiche|autres fiches}",
     "{count|other record|other records}"},
    {"warning.teacher_without_service",
     "Enseignant sans service : {staff} n'a aucune classe ni aucun groupe. Saisissez ses services "
     "dans STS-web, puis exportez de nouveau « Structure » et « Services » (Exports > Emploi du "
     "temps).",
     "Teacher without a service: {staff} has no class and no group. Enter their services in "
     "STS-web, then export \"Structure\" and \"Services\" again (Exports > Emploi du temps)."},
    {"warning.unknown_pupil_reference",
     "Le lien de responsabilité de la personne {personne_id} désigne l'élève ELEVE_ID "
     "{eleve_id}, absent de l'export des élèves. Vérifiez que les deux exports SIECLE sont du "
     "même jour et complets.",
     "The guardianship link of person {personne_id} names pupil ELEVE_ID {eleve_id}, who is not "
     "in the pupils' export. Check that both SIECLE exports are from the same day and complete."},
    {"warning.unknown_person_reference",
     "Le lien de responsabilité de l'élève {eleve_id} désigne la personne PERSONNE_ID "
     "{personne_id}, absente de la liste des personnes du même fichier. Ré-exportez les "
     "responsables depuis SIECLE.",
     "The guardianship link of pupil {eleve_id} names person PERSONNE_ID {personne_id}, who is "
     "not in the list of persons of the same file. Export the guardians from SIECLE again."},
    {"warning.unknown_staff_reference",
     "Un service ({structure}, matière {subject}) désigne l'enseignant {staff_id}, absent des "
     "individus de l'export STS-web (reliquat de service ?). Corrigez les services dans STS-web "
     "puis exportez de nouveau.",
     "A service ({structure}, subject {subject}) names teacher {staff_id}, who is not among the "
     "individuals of the STS-web export (a leftover service?). Correct the services in STS-web, "
     "then export again."},
    {"warning.duplicate_pupil_record",
     "L'élève ELEVE_ID {id} figure deux fois dans l'export ; seule la première fiche est retenue.",
     "Pupil ELEVE_ID {id} appears twice in the export; only the first record is kept."},
    {"warning.duplicate_person_record",
     "La personne PERSONNE_ID {id} figure deux fois dans l'export ; seule la première fiche est "
     "retenue.",
     "Person PERSONNE_ID {id} appears twice in the export; only the first record is kept."},
    {"warning.duplicate_staff_record",
     "L'individu STS {id} figure deux fois dans l'export ; seule la première fiche est retenue.",
     "STS individual {id} appears twice in the export; only the first record is kept."},
    {"warning.missing_pupils_export",
     "Export des responsables sans export des élèves pour l'établissement {uai} : impossible de "
     "savoir quels élèves sont scolarisés, aucun responsable n'est retenu. Ajoutez "
     "ElevesSansAdresses.xml (SIECLE › Exports XML génériques).",
     "A guardians' export without a pupils' export for school {uai}: there is no knowing which "
     "pupils are enrolled, so no guardian is kept. Add ElevesSansAdresses.xml (SIECLE › Exports "
     "XML génériques)."},
    {"warning.empty_export",
     "L'export {kind} de l'établissement {uai} ne contient aucune fiche : export interrompu, "
     "filtré ou fait sur une base vide ? Refaites l'export complet dans l'application d'origine "
     "(SIECLE › Exports XML génériques, STS-web › Exports) et déposez-le à nouveau.",
     "The {kind} export of school {uai} holds no record: an interrupted or filtered export, or "
     "one made on an empty base? Make the full export again in the application it comes from "
     "(SIECLE › Exports XML génériques, STS-web › Exports) and drop it in again."},
    {"warning.duplicate_elenoet",
     "Le même numéro élève (ELENOET) {elenoet} est porté par deux élèves de l'établissement "
     "{uai} : {first} et {second} (fiche recopiée ?). Les deux élèves restent distincts : seul "
     "celui qu'edusync connaît depuis le plus longtemps (à défaut, le plus petit ELEVE_ID) garde "
     "ce numéro (identifiant unique KOXO, employeeNumber SambaEdu) ; l'autre n'en a aucun, et "
     "KOXO ne le reçoit pas, tant que l'erreur n'est pas corrigée dans SIECLE › Base élèves › "
     "Fiche élève.",
     "The same pupil number (ELENOET) {elenoet} is held by two pupils of school {uai}: {first} "
     "and {second} (a copied record?). The two pupils stay distinct: only the one edusync has "
     "known the longest (failing that, the smaller ELEVE_ID) keeps this number (KOXO unique "
     "identifier, SambaEdu employeeNumber); the other has none, and KOXO does not receive them, "
     "until the error is corrected in SIECLE › Base élèves › Fiche élève."},
};

}  // namespace

std::span<const Entry> warning_entries() {
  return kWarnings;
}

}  // namespace edusync::text
