// The safety gates that hold a run for a human: what would happen, why it looks wrong, what to do.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kGates[] = {
    {"gate.population.pupils", "élèves", "pupils"},
    {"gate.population.guardians", "responsables", "guardians"},
    {"gate.population.staff", "personnels", "staff"},
    {"gate.removal_threshold",
     "Ce passage ferait partir ou supprimerait {leaving} {population} sur {before} ({ratio}), "
     "au-delà du seuil de {threshold} (safety.max_departure_ratio). Vérifiez que les exports sont "
     "complets et du bon établissement ; si ces départs sont réels, appliquez avec « edusync run "
     "--confirm ».",
     "This run would make {leaving} {population} out of {before} leave or be removed ({ratio}), "
     "beyond the threshold of {threshold} (safety.max_departure_ratio). Check that the exports "
     "are complete and from the right school; if these departures are real, apply with \"edusync "
     "run --confirm\"."},
    {"gate.stale_export",
     "{path} est un export du {date}, plus ancien que celui déjà appliqué ({applied}). Déposez un "
     "export récent ; s'il s'agit bien de revenir en arrière, confirmez avec « edusync run "
     "--confirm ».",
     "{path} is an export of {date}, older than the one already applied ({applied}). Drop in a "
     "recent export; if going back is really intended, confirm with \"edusync run --confirm\"."},
    {"gate.incomplete_export",
     "{path} contient {records} enregistrements contre {before} la dernière fois : export "
     "partiel ? Refaites l'export complet (tous les élèves, toutes les classes) ; si la baisse est "
     "réelle, confirmez avec « edusync run --confirm ».",
     "{path} holds {records} records against {before} last time: a partial export? Make the full "
     "export again (all pupils, all classes); if the drop is real, confirm with \"edusync run "
     "--confirm\"."},
    {"gate.missing_export",
     "Il manque {export} de l'établissement {uai} dans la boîte de dépôt, alors que le dernier "
     "passage appliqué ({run}) en avait un{dated} : {consequence}. Téléchargez-le ({where}) et "
     "déposez-le ; s'il ne doit vraiment plus être lu, confirmez avec « edusync run --confirm ».",
     "{export} of school {uai} is missing from the inbox, while the last applied run ({run}) had "
     "one{dated}: {consequence}. Download it ({where}) and drop it in; if it really must no "
     "longer be read, confirm with \"edusync run --confirm\"."},
    {"gate.missing_export.dated", " (export du {date})", " (export of {date})"},
    {"gate.export.eleves", "l'export SIECLE des élèves (ElevesSansAdresses.xml)",
     "the SIECLE pupils' export (ElevesSansAdresses.xml)"},
    {"gate.export.responsables", "l'export SIECLE des responsables (ResponsablesAvecAdresses.xml)",
     "the SIECLE guardians' export (ResponsablesAvecAdresses.xml)"},
    {"gate.export.sts", "l'export STS-web des personnels (sts_emp_<UAI>_<année>.xml)",
     "the STS-web staff export (sts_emp_<UAI>_<year>.xml)"},
    {"gate.export.structures", "l'export SIECLE des structures (Structures.xml)",
     "the SIECLE structures' export (Structures.xml)"},
    {"gate.export.nomenclatures", "l'export SIECLE des nomenclatures (Nomenclature.xml)",
     "the SIECLE nomenclatures' export (Nomenclature.xml)"},
    {"gate.consequence.eleves", "sans lui, tous les élèves de l'établissement partiraient",
     "without it, every pupil of the school would leave"},
    {"gate.consequence.responsables",
     "sans lui, tous les responsables partiraient et les élèves perdraient leurs liens",
     "without it, every guardian would leave and the pupils would lose their links"},
    {"gate.consequence.sts", "sans lui, tous les comptes des personnels seraient désactivés",
     "without it, every staff account would be disabled"},
    {"gate.consequence.structures",
     "sans lui, les divisions et groupes qu'il décrit seraient retirés",
     "without it, the divisions and groups it describes would be retired"},
    {"gate.consequence.nomenclatures",
     "sans lui, les libellés des matières et des MEF ne seraient plus connus",
     "without it, the labels of subjects and MEFs would no longer be known"},
    {"gate.where.eleves",
     "SIECLE, Base Élèves Établissement, exports XML génériques : ElevesSansAdresses "
     "(ExportXML_ElevesSansAdresses.zip)",
     "SIECLE, Base Élèves Établissement, exports XML génériques: ElevesSansAdresses "
     "(ExportXML_ElevesSansAdresses.zip)"},
    {"gate.where.responsables",
     "SIECLE, Base Élèves Établissement, exports XML génériques : ResponsablesAvecAdresses",
     "SIECLE, Base Élèves Établissement, exports XML génériques: ResponsablesAvecAdresses"},
    {"gate.where.sts", "STS-web, « Exports > Emploi du temps »",
     "STS-web, \"Exports > Emploi du temps\""},
    {"gate.where.structures",
     "SIECLE, Base Élèves Établissement, exports XML génériques : Structures",
     "SIECLE, Base Élèves Établissement, exports XML génériques: Structures"},
    {"gate.where.nomenclatures",
     "SIECLE, Base Élèves Établissement, exports XML génériques : Nomenclature",
     "SIECLE, Base Élèves Établissement, exports XML génériques: Nomenclature"},
    {"gate.orphan", "{login} ({name}, {number})", "{login} ({name}, {number})"},
    {"gate.orphan.others", "{count|autre|autres}", "{count|other|others}"},
    {"gate.orphan_accounts",
     "{count|compte|comptes} de {connectors} {count?porte|portent} le numéro "
     "(employeeNumber) d'un élève ou d'un personnel mais ne {count?correspond|correspondent} à "
     "personne, ni dans les exports ni dans la base d'état : {accounts}. C'est une première "
     "synchronisation de cet annuaire ou la base d'état a été perdue : ces personnes sont sans "
     "doute parties entre-temps. Si la base d'état a été perdue, restaurez-la plutôt depuis la "
     "sauvegarde. Sinon vérifiez que les exports sont complets, puis « edusync run --confirm » "
     "les traitera comme des départs : comptes désactivés et retirés des groupes aujourd'hui, "
     "placés dans la corbeille (ou=Trash) après safety.grace_days jours ; rien n'est supprimé.",
     "{count|account|accounts} of {connectors} {count?holds|hold} the number "
     "(employeeNumber) of a pupil or a staff member but {count?matches|match} nobody, neither in "
     "the exports nor in the state base: {accounts}. This is a first synchronisation of this "
     "directory, or the state base was lost: these persons have most likely left in the meantime. "
     "If the state base was lost, restore it from the backup instead. Otherwise check that the "
     "exports are complete, then \"edusync run --confirm\" will treat them as departures: "
     "accounts disabled and removed from their groups today, moved to the Trash (ou=Trash) after "
     "safety.grace_days days; nothing is deleted."},
    {"gate.year_backwards",
     "Les exports sont de l'année scolaire {year} alors que l'année {applied} a déjà été "
     "appliquée : exports d'une année passée ? Déposez les exports de l'année en cours.",
     "The exports are of school year {year} while year {applied} has already been applied: "
     "exports of a past year? Drop in the exports of the current year."},
};

}  // namespace

std::span<const Entry> gate_entries() {
  return kGates;
}

}  // namespace edusync::text
