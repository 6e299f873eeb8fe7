// Geographic reference data (public INSEE / La Poste codes, no personal data).
// Codes are strings: leading zeros ("006", "06088") are significant.
#pragma once

#include <span>
#include <string_view>

namespace gen::geo {

struct Commune {
  std::string_view insee;   // CODE_COMMUNE_INSEE, 5 chars ("06088", "2A004")
  std::string_view postal;  // CODE_POSTAL
  std::string_view name;    // LIBELLE_POSTAL, La Poste style (upper case, no accents)
};

struct Departement {
  std::string_view code;           // 3 chars as SIECLE writes it ("069", "02A")
  std::string_view academie_code;  // STS ACADEMIE/CODE
  std::string_view academie_name;
  std::span<const Commune> communes;
};

struct Country {
  std::string_view code;  // INSEE country code (CODE_PAYS), 100 = France
  std::string_view name;  // LL_PAYS
  std::string_view city;  // a town, for COMMUNE_ETRANGERE / VILLE_NAISS
};

std::span<const Departement> departements();

// Département of a school from the first three digits of its UAI; falls back
// to the Rhône when the prefix is not in the table.
const Departement& departement_for_uai(std::string_view uai);

std::span<const Country> foreign_countries();

}  // namespace gen::geo
