#include "model/acceptance.hpp"

#include <cctype>
#include <set>

namespace edusync::model::acceptance {
namespace {

bool digits(const std::string& text) {
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return !text.empty();
}

// Pix's CSV rule for "Code commune naissance**": [0-9]{5} or [0-9][abAB][0-9]{3} (Corsica).
bool insee_commune(const std::string& code) {
  if (code.size() != 5) return false;
  const bool corsica = (code[1] == 'A' || code[1] == 'B' || code[1] == 'a' || code[1] == 'b') &&
                       digits(code.substr(0, 1)) && digits(code.substr(2));
  return digits(code) || corsica;
}

// Pix's CSV rule for "Code pays naissance*": 99[1-5][0-9]{2}, written "99" + CODE_PAYS.
bool insee_country(const std::string& code) {
  return code.size() == 3 && digits(code) && code[0] >= '1' && code[0] <= '5';
}

bool born_in_france(const Pupil& p) {
  return p.birth_country == "100";
}

std::optional<Refusal> pix_identity(const Pupil& p, const std::string& division,
                                    const SharedInes& shared) {
  if (p.key.starts_with("eleve:")) {
    const std::string ine = shared.shared_ine(p);
    if (!ine.empty()) {
      return Refusal{"PIX_INE_DUPLICATE",
                     "INE " + ine +
                         " porté aussi par un autre élève (doublon dans SIECLE, voir "
                         "DUPLICATE_INE) : Pix identifie chaque élève par un INE qui lui est "
                         "propre"};
    }
    return Refusal{"PIX_INE_MISSING", "pas d'INE (ID_NATIONAL)"};
  }
  if (division.empty()) return Refusal{"PIX_NO_DIVISION", "pas de division"};
  if (p.given_name.empty()) return Refusal{"PIX_FIRST_NAME_MISSING", "prénom vide (PRENOM)"};
  if (p.birth_surname.empty() && p.surname.empty())
    return Refusal{"PIX_LAST_NAME_MISSING", "nom de famille vide (NOM_DE_FAMILLE)"};
  if (p.sex == Sex::unknown) return Refusal{"PIX_SEX_MISSING", "sexe inconnu (CODE_SEXE)"};
  if (p.birth_date.empty()) {
    return Refusal{"PIX_BIRTH_DATE_MISSING", "date de naissance absente ou illisible (DATE_NAISS)"};
  }
  return std::nullopt;
}

std::optional<Refusal> pix_birth_place(const Pupil& p, PixFormat format) {
  const bool csv = format == PixFormat::csv;
  if (born_in_france(p) && (p.birth_commune.empty() || (csv && !insee_commune(p.birth_commune)))) {
    return Refusal{"PIX_BIRTH_CITY_CODE_MISSING",
                   "né(e) en France sans code INSEE valide de commune de naissance "
                   "(CODE_COMMUNE_INSEE_NAISS)"};
  }
  if (!csv) return std::nullopt;
  if (!insee_country(p.birth_country)) {
    return Refusal{"PIX_BIRTH_COUNTRY_MISSING", "pays de naissance absent ou invalide (CODE_PAYS)"};
  }
  if (!born_in_france(p) && p.birth_city.empty()) {
    return Refusal{"PIX_BIRTH_CITY_MISSING",
                   "né(e) à l'étranger sans commune de naissance (VILLE_NAISS)"};
  }
  const auto department = pix_birth_department(p);
  if (department.size() < 2 || department.size() > 3) {
    return Refusal{"PIX_BIRTH_DEPARTMENT_MISSING",
                   "code du département de naissance absent ou invalide "
                   "(CODE_DEPARTEMENT_NAISS)"};
  }
  return std::nullopt;
}

}  // namespace

SharedInes::SharedInes(const std::vector<Pupil>& pupils) {
  for (const auto& p : pupils) {
    if (!p.departed_on.empty()) continue;
    const std::set<std::string> own(p.ines.begin(), p.ines.end());
    for (const auto& ine : own) {
      if (!ine.empty()) ++holders_[ine];
    }
  }
}

std::string SharedInes::shared_ine(const Pupil& pupil) const {
  for (const auto& ine : pupil.ines) {
    const auto found = holders_.find(ine);
    if (found != holders_.end() && found->second > 1) return ine;
  }
  return {};
}

std::optional<Refusal> pix_refusal(const Pupil& pupil, const std::string& division,
                                   PixFormat format, const SharedInes& shared) {
  if (auto refusal = pix_identity(pupil, division, shared)) return refusal;
  if (auto refusal = pix_birth_place(pupil, format)) return refusal;
  if (format == PixFormat::siecle) return std::nullopt;
  if (pupil.status != "ST" && pupil.status != "AP")
    return Refusal{"PIX_STATUS_INVALID", "statut ni ST ni AP (CODE_STATUT)"};
  if (pupil.mef.empty()) return Refusal{"PIX_MEF_MISSING", "pas de code MEF (CODE_MEF)"};
  return std::nullopt;
}

std::string pix_birth_department(const Pupil& pupil) {
  if (!born_in_france(pupil)) return "99";
  if (!pupil.birth_department.empty()) return pupil.birth_department;
  const std::string& commune = pupil.birth_commune;
  if (commune.size() != 5) return {};
  if (commune.starts_with("97") || commune.starts_with("98")) return commune.substr(0, 3);
  std::string department = "0";  // appended, not "0" + ...: GCC 12 -Wrestrict false positive
  department += commune.substr(0, 2);
  return department;
}

std::optional<Refusal> ent_person_refusal(const std::string& surname,
                                          const std::string& given_name) {
  if (surname.empty() || given_name.empty()) {
    return Refusal{"ENT_NAME_MISSING", "nom ou prénom vide (champs obligatoires de l'import ENT)"};
  }
  return std::nullopt;
}

std::optional<Refusal> ent_pupil_refusal(const Pupil& pupil, const std::string& division) {
  if (auto refusal = ent_person_refusal(pupil.surname, pupil.given_name)) return refusal;
  if (pupil.birth_date.empty()) {
    return Refusal{"ENT_BIRTH_DATE_MISSING",
                   "date de naissance absente ou illisible (obligatoire pour un élève dans l'ENT)"};
  }
  if (division.empty())
    return Refusal{"ENT_NO_CLASS", "élève sans classe (obligatoire dans l'ENT)"};
  return std::nullopt;
}

std::optional<Refusal> ent_guardian_refusal(const Contact& guardian, bool child_in_file) {
  if (auto refusal = ent_person_refusal(guardian.surname, guardian.given_name)) return refusal;
  if (!child_in_file)
    return Refusal{"ENT_NO_CHILD", "aucun de ses enfants n'est dans le fichier des élèves"};
  return std::nullopt;
}

std::optional<Refusal> koxo_refusal(bool has_unique_id, const std::string& surname,
                                    const std::string& given_name, bool pupil_without_division) {
  if (!has_unique_id) {
    return Refusal{
        "KOXO_NO_UNIQUE_ID",
        "pas d'identifiant unique (ELENOET ou identifiant STS-web absent de l'export, ou "
        "ELENOET porté aussi par un autre élève : voir DUPLICATE_ELENOET)"};
  }
  if (surname.empty() || given_name.empty())
    return Refusal{"KOXO_NAME_MISSING", "nom ou prénom vide"};
  if (pupil_without_division)
    return Refusal{"KOXO_NO_GROUP", "élève sans division (GroupeSecondaire vide)"};
  return std::nullopt;
}

std::optional<Refusal> elea_name_refusal(const std::string& surname,
                                         const std::string& given_name) {
  if (given_name.empty() || surname.empty()) {
    return Refusal{"ELEA_NAME_MISSING",
                   "nom ou prénom vide (firstname et lastname obligatoires pour Moodle)"};
  }
  return std::nullopt;
}

}  // namespace edusync::model::acceptance
