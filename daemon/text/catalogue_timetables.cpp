// Messages of the timetable join (assemble/timetable*.cpp): warnings about pupils, teachers and
// groups the timetable and SIECLE or STS-web do not agree on.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    // {person}: how the timetable names someone; {program}: EDT, UDT.
    {"timetable.unmatched_pupil",
     "L'élève {person} de l'emploi du temps ({program}) ne correspond à aucun élève de SIECLE "
     "de l'établissement {uai}, ni par l'INE, ni par le nom, le prénom et la date de naissance ; "
     "ses groupes sont ignorés. Corrigez son nom ou sa date de naissance dans {program}, ou "
     "vérifiez qu'il est bien inscrit dans SIECLE.",
     "Pupil {person} of the timetable ({program}) matches no SIECLE pupil of school {uai}, "
     "neither by INE nor by surname, given name and birth date; their groups are ignored. "
     "Correct their name or birth date in {program}, or check they are enrolled in SIECLE."},
    {"timetable.ambiguous_pupil",
     "L'élève {person} de l'emploi du temps ({program}) correspond à plusieurs élèves de SIECLE "
     "({candidates}) ; aucun n'est choisi et ses groupes sont ignorés. Distinguez-les dans "
     "{program} (INE, date de naissance) ou dans SIECLE.",
     "Pupil {person} of the timetable ({program}) matches several SIECLE pupils "
     "({candidates}); none is chosen and their groups are ignored. Tell them apart in "
     "{program} (INE, birth date) or in SIECLE."},
    {"timetable.unmatched_teacher",
     "Le professeur {person} de l'emploi du temps ({program}) ne correspond à aucun personnel "
     "de STS-web de l'établissement {uai} ; ses services sont ignorés. Vérifiez son nom dans "
     "{program}, ou son rattachement à l'établissement dans STS-web.",
     "Teacher {person} of the timetable ({program}) matches no STS-web staff member of school "
     "{uai}; their services are ignored. Check their name in {program}, or that STS-web "
     "attaches them to the school."},
    {"timetable.ambiguous_teacher",
     "Le professeur {person} de l'emploi du temps ({program}) correspond à plusieurs "
     "personnels de STS-web ({candidates}) ; aucun n'est choisi et ses services sont ignorés. "
     "Écrivez son prénom complet dans {program}.",
     "Teacher {person} of the timetable ({program}) matches several STS-web staff members "
     "({candidates}); none is chosen and their services are ignored. Write their full given "
     "name in {program}."},
    {"timetable.unknown_group",
     "Le groupe « {code} » de l'emploi du temps ({program}) n'existe ni dans SIECLE ni dans "
     "STS-web pour l'établissement {uai} ; il est synchronisé quand même, sous ce code. S'il a "
     "été renommé, faites la correspondance avec le code STS dans {program} ; sinon créez-le "
     "dans STS-web.",
     "Group \"{code}\" of the timetable ({program}) exists neither in SIECLE nor in STS-web for "
     "school {uai}; it is synchronised anyway, under this code. If it was renamed, map it to "
     "its STS code in {program}; otherwise create it in STS-web."},
    {"timetable.unknown_structure",
     "La classe ou le groupe « {code} » du fichier des cours ({program}) n'existe ni dans "
     "SIECLE ni dans STS-web pour l'établissement {uai} ; les services qui le nomment sont "
     "ignorés. Exportez les cours avec les codes STS des groupes (« Nom complet des groupes et "
     "des parties » dans EDT).",
     "Class or group \"{code}\" of the course file ({program}) exists neither in SIECLE nor in "
     "STS-web for school {uai}; the services naming it are ignored. Export the courses with "
     "the STS codes of the groups (\"Nom complet des groupes et des parties\" in EDT)."},
    {"timetable.membership_mismatch",
     "Le groupe « {code} » de l'établissement {uai} n'a pas les mêmes membres dans SIECLE "
     "({siecle|élève|élèves}) et dans l'emploi du temps ({timetable|élève|élèves}) : "
     "seulement dans SIECLE, {only_siecle} ; seulement dans {program}, {only_timetable}. "
     "{kept}. Importez la répartition dans SIECLE (NetSynchro) ou corrigez le groupe dans "
     "{program}.",
     "Group \"{code}\" of school {uai} does not have the same members in SIECLE "
     "({siecle|pupil|pupils}) and in the timetable ({timetable|pupil|pupils}): only in SIECLE, "
     "{only_siecle}; only in {program}, {only_timetable}. {kept}. Import the répartition into "
     "SIECLE (NetSynchro) or correct the group in {program}."},
    {"timetable.kept.timetable", "Les membres de l'emploi du temps sont retenus",
     "The timetable's members are kept"},
    {"timetable.kept.siecle", "Les membres de SIECLE sont retenus", "SIECLE's members are kept"},
    {"timetable.kept.both", "Les membres des deux sont retenus", "The members of both are kept"},
    {"timetable.nobody", "personne", "nobody"},
    {"timetable.stale",
     "L'export d'emploi du temps {file} date du {date}, {days|jour|jours} avant l'export SIECLE "
     "({siecle_date}) ; ses groupes et ses services peuvent être dépassés. Exportez à nouveau "
     "l'emploi du temps.",
     "Timetable export {file} is dated {date}, {days|day|days} before the SIECLE export "
     "({siecle_date}); its groups and services may be out of date. Export the timetable again."},
    {"timetable.no_school",
     "{file} : cet export d'emploi du temps ne dit pas de quel établissement il est, et la boîte "
     "de dépôt en sert plusieurs ({uais}) ; renommez-le en commençant par l'UAI "
     "(<UAI>_{name}).",
     "{file}: this timetable export does not say which school it is for, and the inbox serves "
     "several ({uais}); rename it starting with the UAI (<UAI>_{name})."},
};

}  // namespace

std::span<const Entry> timetable_entries() {
  return kEntries;
}

}  // namespace edusync::text
