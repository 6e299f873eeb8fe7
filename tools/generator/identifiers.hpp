// Formatting of generated identifiers and contact data. Inputs are images of
// global counters through Scrambler (plan.hpp), hence unique.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plan.hpp"

namespace gen {

std::uint32_t eleve_id(const IdSpace& ids, std::uint64_t record);     // 6-7 digits
std::uint32_t personne_id(const IdSpace& ids, std::uint64_t person);  // 6-7 digits
std::uint32_t adresse_id(const IdSpace& ids, std::uint64_t address);  // 6-7 digits
std::uint32_t individu_id(const IdSpace& ids, std::uint64_t staff);   // 4-5 digits

std::string ine_rnie(const IdSpace& ids, std::uint64_t record);  // 9 digits + 2 letters
std::string ine_bea(const IdSpace& ids, std::uint64_t record);   // 10 digits + 1 letter

// "+336…"/"+337…" mobile, unique per phone index.
std::string mobile(const IdSpace& ids, std::uint64_t phone_index);
// "prenom.nom.<tag>@<domain>": unique per phone index (tag), reserved
// .example domains so no real mailbox can be hit.
std::string email(const IdSpace& ids, std::uint64_t phone_index, std::string_view prenom,
                  std::string_view nom, std::size_t domain_pick);

// Zero-padded decimal ("%0*llu").
std::string padded(std::uint64_t value, int width);

}  // namespace gen
