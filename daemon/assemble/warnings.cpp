#include "assemble/warnings.hpp"

namespace edusync::assemble {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

}  // namespace

std::string describe(const model::Pupil& pupil) {
  return pupil.surname + " " + pupil.given_name + " (ELEVE_ID " + pupil.eleve_id + ")";
}

std::string describe(const model::Contact& contact) {
  return contact.surname + " " + contact.given_name + " (PERSONNE_ID " + contact.personne_id + ")";
}

std::string describe(const model::Staff& staff) {
  return staff.surname + " " + staff.given_name + " (STS " + staff.sts_id + ")";
}

void Warnings::add(const char* code, std::string message, std::vector<std::string> keys,
                   const std::string& where) {
  out_.push_back({code, std::move(message), std::move(keys), where});
}

void Warnings::missing_ine(const model::Pupil& pupil, const std::string& where) {
  add("MISSING_INE",
      "Élève sans INE : " + describe(pupil) + ". Son identifiant provisoire est " + pupil.key +
          " ; renseignez l'INE dans SIECLE › Base élèves › Fiche élève dès qu'il est attribué.",
      {pupil.key}, where);
}

void Warnings::duplicate_ine(const std::string& ine, const model::Pupil& first,
                             const model::Pupil& second, const std::string& where) {
  add("DUPLICATE_INE",
      "Le même INE " + ine + " est porté par deux élèves : " + describe(first) + " et " +
          describe(second) +
          ". Aucun des deux ne prend cet INE comme identifiant tant que "
          "l'erreur n'est pas corrigée dans SIECLE › Base élèves › Fiche élève.",
      {first.key, second.key}, where);
}

void Warnings::missing_sex(const model::Pupil& pupil, const std::string& where) {
  add("MISSING_SEX",
      "Sexe non renseigné pour " + describe(pupil) +
          " : complétez-le dans SIECLE › Base élèves › Fiche élève (Pix et l'ENT l'exigent).",
      {pupil.key}, where);
}

void Warnings::missing_birthdate(const model::Pupil& pupil, const std::string& raw,
                                 const std::string& where) {
  const std::string what = raw.empty() ? "absente" : "illisible (« " + raw + " »)";
  add("MISSING_BIRTHDATE",
      "Date de naissance " + what + " pour " + describe(pupil) +
          " : corrigez-la dans SIECLE › Base élèves › Fiche élève (format JJ/MM/AAAA).",
      {pupil.key}, where);
}

void Warnings::multiple_divisions(const model::Pupil& pupil, const std::vector<std::string>& codes,
                                  const std::string& where) {
  add("MULTIPLE_DIVISIONS",
      describe(pupil) + " est inscrit dans plusieurs divisions (" + join(codes, ", ") +
          ") ; seule la première (" + codes.front() +
          ") est retenue. Corrigez l'affectation "
          "dans SIECLE › Base élèves › Structures.",
      {pupil.key}, where);
}

namespace {

// "A et B", "A, B et C"; past `named` items, "A, B, … et 7 autres".
std::string enumerate(const std::vector<std::string>& items, std::size_t named,
                      const char* others) {
  std::string text;
  const std::size_t shown = items.size() > named ? named : items.size();
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) text += i + 1 == shown && shown == items.size() ? " et " : ", ";
    text += items[i];
  }
  if (shown < items.size()) text += " et " + std::to_string(items.size() - shown) + " " + others;
  return text;
}

}  // namespace

void Warnings::duplicate_guardian(const std::vector<const model::Contact*>& records,
                                  const std::vector<std::string>& shared,
                                  const std::string& where) {
  std::vector<std::string> names, keys;
  for (const auto* record : records) {
    names.push_back(describe(*record));
    keys.push_back(record->key);
  }
  const bool pair = records.size() == 2;
  const std::string times = pair ? "deux" : std::to_string(records.size());
  std::string values;
  for (std::size_t i = 0; i < shared.size() && i < kNamedRecords; ++i) {
    values += (i == 0 ? "le même " : pair ? " et le même " : " ou le même ") + shared[i];
  }
  if (shared.size() > kNamedRecords) values += " (…)";
  add("DUPLICATE_GUARDIAN",
      "Responsable enregistré " + times +
          " fois : " + enumerate(names, kNamedRecords, "autres fiches") + " ont le même nom et " +
          (pair ? "" : "de proche en proche ") + values + ". Fusionnez les " + times +
          " fiches dans SIECLE › Responsables › Doublons responsables, sinon ce parent "
          "aura un compte par enfant.",
      std::move(keys), where);
}

void Warnings::teacher_without_service(const model::Staff& staff, const std::string& where) {
  add("TEACHER_WITHOUT_SERVICE",
      "Enseignant sans service : " + describe(staff) +
          " n'a aucune classe ni aucun groupe. Saisissez ses services dans STS-web, puis "
          "exportez de nouveau « Structure » et « Services » (Exports > Emploi du temps).",
      {staff.key}, where);
}

void Warnings::unknown_pupil_reference(const std::string& uai, const std::string& eleve_id,
                                       const std::string& personne_id, const std::string& where) {
  add("UNKNOWN_PUPIL_REFERENCE",
      "Le lien de responsabilité de la personne " + personne_id + " désigne l'élève ELEVE_ID " +
          eleve_id +
          ", absent de l'export des élèves. Vérifiez que les deux exports SIECLE "
          "sont du même jour et complets.",
      {"personne:" + uai + ":" + personne_id, "eleve:" + uai + ":" + eleve_id}, where);
}

void Warnings::unknown_person_reference(const std::string& uai, const std::string& eleve_id,
                                        const std::string& personne_id, const std::string& where) {
  add("UNKNOWN_PERSON_REFERENCE",
      "Le lien de responsabilité de l'élève " + eleve_id + " désigne la personne PERSONNE_ID " +
          personne_id +
          ", absente de la liste des personnes du même fichier. Ré-exportez "
          "les responsables depuis SIECLE.",
      {"personne:" + uai + ":" + personne_id, "eleve:" + uai + ":" + eleve_id}, where);
}

void Warnings::unknown_staff_reference(const std::string& staff_id, const std::string& structure,
                                       const std::string& subject, const std::string& where) {
  add("UNKNOWN_STAFF_REFERENCE",
      "Un service (" + structure + ", matière " + subject + ") désigne l'enseignant " + staff_id +
          ", absent des individus de l'export STS-web (reliquat de service ?). Corrigez les "
          "services dans STS-web puis exportez de nouveau.",
      {"sts:" + staff_id}, where);
}

void Warnings::duplicate_record(const std::string& what, const std::string& id,
                                const std::string& where) {
  add("DUPLICATE_RECORD",
      what + " " + id + " figure deux fois dans l'export ; seule la première fiche est retenue.",
      {id}, where);
}

void Warnings::invalid_record(const std::string& message, const std::string& where) {
  add("INVALID_RECORD", message, {}, where);
}

void Warnings::missing_pupils_export(const std::string& uai, const std::string& where) {
  add("MISSING_PUPILS_EXPORT",
      "Export des responsables sans export des élèves pour l'établissement " + uai +
          " : impossible de savoir quels élèves sont scolarisés, aucun responsable n'est retenu. "
          "Ajoutez ElevesSansAdresses.xml (SIECLE › Exports XML génériques).",
      {}, where);
}

void Warnings::empty_export(const std::string& kind, const std::string& uai,
                            const std::string& where) {
  add("EMPTY_EXPORT",
      "L'export " + kind + " de l'établissement " + uai +
          " ne contient aucune fiche : export interrompu, filtré ou fait sur une base vide ? "
          "Refaites l'export complet dans l'application d'origine (SIECLE › Exports XML "
          "génériques, STS-web › Exports) et déposez-le à nouveau.",
      {}, where);
}

void Warnings::shared_ine(const std::string& ine, const model::Pupil& first,
                          const model::Pupil& second, const std::string& where) {
  add("DUPLICATE_INE",
      "Le même INE " + ine + " figure sur les fiches de deux élèves : " + describe(first) + " et " +
          describe(second) +
          " (INE_RNIE ou INE_BEA recopié ?). Ce numéro ne sert à reconnaître aucun des deux ; "
          "corrigez la fiche erronée dans SIECLE › Base élèves › Fiche élève.",
      {first.key, second.key}, where);
}

void Warnings::duplicate_elenoet(const model::Pupil& first, const model::Pupil& second,
                                 const std::string& where) {
  add("DUPLICATE_ELENOET",
      "Le même numéro élève (ELENOET) " + second.elenoet +
          " est porté par deux élèves de l'établissement " + second.uai + " : " + describe(first) +
          " et " + describe(second) +
          " (fiche recopiée ?). Les deux élèves restent distincts : seul celui qu'edusync "
          "connaît depuis le plus longtemps (à défaut, le plus petit ELEVE_ID) garde ce numéro "
          "(identifiant unique KOXO, employeeNumber SambaEdu) ; l'autre n'en a aucun, et KOXO "
          "ne le reçoit pas, tant que l'erreur n'est pas corrigée dans SIECLE › Base élèves › "
          "Fiche élève.",
      {first.key, second.key}, where);
}

}  // namespace edusync::assemble
