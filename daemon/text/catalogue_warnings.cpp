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
    // Exports that cannot be read together (assemble/assemble.cpp): the run stops.
    {"assemble.other_school",
     "export de l'établissement {uai}, alors que {expected} est attendu : fichier d'un autre "
     "établissement ? (pour une cité scolaire, déclarez chaque UAI)",
     "export of school {uai}, while {expected} is expected: a file of another school? (for a "
     "cité scolaire, declare each UAI)"},
    {"assemble.mixed_years",
     "année scolaire {year} alors que les autres exports sont de {others} : exportez tous les "
     "fichiers de la même année",
     "school year {year} while the other exports are of {others}: export all the files of the "
     "same year"},
    // What `edusync inspect` says the targets will refuse (inspect/target_refusals.cpp).
    {"inspect.refusals_heading",
     "Ce que les cibles refuseront (laissé hors de leurs fichiers, avec un avertissement) :",
     "What the targets will refuse (left out of their files, with a warning):"},
    {"inspect.refuses_nobody", "{target} refusera : personne", "{target} will refuse: nobody"},
    {"inspect.refuses", "{target} refusera : {count|enregistrement|enregistrements}",
     "{target} will refuse: {count|record|records}"},
    {"inspect.refused_others", " … et {count|autre|autres} (voir --json)",
     " … and {count|other|others} (see --json)"},
    {"inspect.refused_pupil", "{name} (élève {id})", "{name} (pupil {id})"},
    {"inspect.refused_pupil_in", "{name} (élève {id}, {division})",
     "{name} (pupil {id}, {division})"},
    {"inspect.refused_staff", "{name} (personnel {id})", "{name} (staff {id})"},
    {"inspect.refused_guardian", "{name} (responsable {id})", "{name} (guardian {id})"},
    // What a target refuses (model/acceptance.cpp): the record is left out of its files.
    {"refusal.pix_ine_duplicate",
     "INE {ine} porté aussi par un autre élève (doublon dans SIECLE, voir DUPLICATE_INE) : Pix "
     "identifie chaque élève par un INE qui lui est propre",
     "INE {ine} also held by another pupil (a duplicate in SIECLE, see DUPLICATE_INE): Pix "
     "identifies each pupil by an INE of their own"},
    {"refusal.pix_ine_missing", "pas d'INE (ID_NATIONAL)", "no INE (ID_NATIONAL)"},
    {"refusal.pix_no_division", "pas de division", "no division"},
    {"refusal.pix_first_name_missing", "prénom vide (PRENOM)", "empty first name (PRENOM)"},
    {"refusal.pix_last_name_missing", "nom de famille vide (NOM_DE_FAMILLE)",
     "empty surname (NOM_DE_FAMILLE)"},
    {"refusal.pix_sex_missing", "sexe inconnu (CODE_SEXE)", "unknown sex (CODE_SEXE)"},
    {"refusal.pix_birth_date_missing", "date de naissance absente ou illisible (DATE_NAISS)",
     "birth date missing or unreadable (DATE_NAISS)"},
    {"refusal.pix_birth_city_code_missing",
     "né(e) en France sans code INSEE valide de commune de naissance (CODE_COMMUNE_INSEE_NAISS)",
     "born in France without a valid INSEE code of the birth commune (CODE_COMMUNE_INSEE_NAISS)"},
    {"refusal.pix_birth_country_missing", "pays de naissance absent ou invalide (CODE_PAYS)",
     "birth country missing or invalid (CODE_PAYS)"},
    {"refusal.pix_birth_city_missing", "né(e) à l'étranger sans commune de naissance (VILLE_NAISS)",
     "born abroad without a birth town (VILLE_NAISS)"},
    {"refusal.pix_birth_department_missing",
     "code du département de naissance absent ou invalide (CODE_DEPARTEMENT_NAISS)",
     "birth department code missing or invalid (CODE_DEPARTEMENT_NAISS)"},
    {"refusal.pix_status_invalid", "statut ni ST ni AP (CODE_STATUT)",
     "status neither ST nor AP (CODE_STATUT)"},
    {"refusal.pix_mef_missing", "pas de code MEF (CODE_MEF)", "no MEF code (CODE_MEF)"},
    {"refusal.ent_name_missing", "nom ou prénom vide (champs obligatoires de l'import ENT)",
     "empty surname or first name (required fields of the ENT import)"},
    {"refusal.ent_birth_date_missing",
     "date de naissance absente ou illisible (obligatoire pour un élève dans l'ENT)",
     "birth date missing or unreadable (required for a pupil in the ENT)"},
    {"refusal.ent_no_class", "élève sans classe (obligatoire dans l'ENT)",
     "pupil without a class (required in the ENT)"},
    {"refusal.ent_no_child", "aucun de ses enfants n'est dans le fichier des élèves",
     "none of their children is in the pupils' file"},
    {"refusal.koxo_no_unique_id",
     "pas d'identifiant unique (ELENOET ou identifiant STS-web absent de l'export, ou ELENOET "
     "porté aussi par un autre élève : voir DUPLICATE_ELENOET)",
     "no unique identifier (ELENOET or STS-web identifier missing from the export, or an ELENOET "
     "also held by another pupil: see DUPLICATE_ELENOET)"},
    {"refusal.koxo_name_missing", "nom ou prénom vide", "empty surname or first name"},
    {"refusal.koxo_no_group", "élève sans division (GroupeSecondaire vide)",
     "pupil without a division (empty GroupeSecondaire)"},
    {"refusal.elea_name_missing",
     "nom ou prénom vide (firstname et lastname obligatoires pour Moodle)",
     "empty surname or first name (firstname and lastname are required by Moodle)"},
};

}  // namespace

std::span<const Entry> warning_entries() {
  return kWarnings;
}

}  // namespace edusync::text
