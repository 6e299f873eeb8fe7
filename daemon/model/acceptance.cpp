#include "model/acceptance.hpp"

#include <cctype>
#include <set>

namespace edusync::model::acceptance {
namespace {

// The refusal of `code`; its words are the catalogue entry refusal.<code in lower case>.
Refusal refuse(const char* code, std::vector<text::Arg> args = {}) {
  std::string id = "refusal.";
  for (const char* c = code; *c != '\0'; ++c)
    id += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
  return Refusal{code, text::message(std::move(id), std::move(args))};
}

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
      return refuse("PIX_INE_DUPLICATE", {text::arg("ine", ine)});
    }
    return refuse("PIX_INE_MISSING");
  }
  if (division.empty()) return refuse("PIX_NO_DIVISION");
  if (p.given_name.empty()) return refuse("PIX_FIRST_NAME_MISSING");
  if (p.birth_surname.empty() && p.surname.empty()) return refuse("PIX_LAST_NAME_MISSING");
  if (p.sex == Sex::unknown) return refuse("PIX_SEX_MISSING");
  if (p.birth_date.empty()) {
    return refuse("PIX_BIRTH_DATE_MISSING");
  }
  return std::nullopt;
}

std::optional<Refusal> pix_birth_place(const Pupil& p, PixFormat format) {
  const bool csv = format == PixFormat::csv;
  if (born_in_france(p) && (p.birth_commune.empty() || (csv && !insee_commune(p.birth_commune)))) {
    return refuse("PIX_BIRTH_CITY_CODE_MISSING");
  }
  if (!csv) return std::nullopt;
  if (!insee_country(p.birth_country)) {
    return refuse("PIX_BIRTH_COUNTRY_MISSING");
  }
  if (!born_in_france(p) && p.birth_city.empty()) {
    return refuse("PIX_BIRTH_CITY_MISSING");
  }
  const auto department = pix_birth_department(p);
  if (department.size() < 2 || department.size() > 3) {
    return refuse("PIX_BIRTH_DEPARTMENT_MISSING");
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
  if (pupil.status != "ST" && pupil.status != "AP") return refuse("PIX_STATUS_INVALID");
  if (pupil.mef.empty()) return refuse("PIX_MEF_MISSING");
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
    return refuse("ENT_NAME_MISSING");
  }
  return std::nullopt;
}

std::optional<Refusal> ent_pupil_refusal(const Pupil& pupil, const std::string& division) {
  if (auto refusal = ent_person_refusal(pupil.surname, pupil.given_name)) return refusal;
  if (pupil.birth_date.empty()) {
    return refuse("ENT_BIRTH_DATE_MISSING");
  }
  if (division.empty()) return refuse("ENT_NO_CLASS");
  return std::nullopt;
}

std::optional<Refusal> ent_guardian_refusal(const Contact& guardian, bool child_in_file) {
  if (auto refusal = ent_person_refusal(guardian.surname, guardian.given_name)) return refusal;
  if (!child_in_file) return refuse("ENT_NO_CHILD");
  return std::nullopt;
}

std::optional<Refusal> koxo_refusal(bool has_unique_id, const std::string& surname,
                                    const std::string& given_name, bool pupil_without_division) {
  if (!has_unique_id) {
    return refuse("KOXO_NO_UNIQUE_ID");
  }
  if (surname.empty() || given_name.empty()) return refuse("KOXO_NAME_MISSING");
  if (pupil_without_division) return refuse("KOXO_NO_GROUP");
  return std::nullopt;
}

std::optional<Refusal> elea_name_refusal(const std::string& surname,
                                         const std::string& given_name) {
  if (given_name.empty() || surname.empty()) {
    return refuse("ELEA_NAME_MISSING");
  }
  return std::nullopt;
}

}  // namespace edusync::model::acceptance
