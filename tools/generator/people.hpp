// Creation of persons (PERSONNE) and addresses (ADRESSE) with unique ids and
// contact data. Shared by the family builder and the anomaly planter.
#pragma once

#include <string>
#include <string_view>

#include "builders.hpp"

namespace gen {

// How often persons of a role have a mobile / an e-mail (permille).
struct ContactRates {
  std::uint64_t mobile, mail;
};
inline constexpr ContactRates kLegalContact{920, 650};
inline constexpr ContactRates kOtherContact{800, 250};

// Surname as SIECLE stores it: capitals, except ~3 % typed in mixed case.
std::string stored_surname(Rng& rng, std::string_view typed);

std::string_view given_name(Rng& rng, bool male, bool adult);

// New address; `local` keeps it in the school's département (mostly).
std::size_t new_address(BuildContext& ctx, bool local);

// New person with a fresh PERSONNE_ID and unique mobile / e-mail (each with
// the given probability). Returns its index in school.persons.
std::size_t new_person(BuildContext& ctx, int civilite, std::string nom, std::string prenom,
                       std::size_t address, ContactRates rates);

}  // namespace gen
