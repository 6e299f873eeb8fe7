// How the run is split into schools, and the global identifier spaces.
//
// Every identifier that parsers treat as a key (ELEVE_ID, PERSONNE_ID, INE,
// mobile numbers, e-mails…) is the image of a global counter through an
// Scrambler, so values are unique across all schools by construction. Each
// school owns a fixed slice of every counter, computed from its size only;
// schools can therefore be built independently (and in parallel) while the
// output stays a pure function of the command line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "options.hpp"
#include "rng.hpp"

namespace gen {

struct IdSpace {
  Scrambler eleve_id, personne_id, adresse_id, individu_id;
  Scrambler ine, ine_bea, mobile, mail_tag;
};

// A half-open slice [base, base + span) of one global counter.
struct Slice {
  std::uint64_t base = 0, span = 0;
};

struct SchoolPlan {
  std::size_t index = 0;
  std::string uai;      // 7 digits + key letter
  std::string dir;      // output directory of this school
  std::string rel_dir;  // same, relative to --out ("." for a single school)
  std::uint64_t seed = 0;
  std::size_t pupils = 0;    // current pupils (exact)
  std::size_t departed = 0;  // departed ELEVE records (exact)
  Slice records, persons, addresses, staff, pupil_phones;
};

struct Plan {
  IdSpace ids;
  std::vector<SchoolPlan> schools;
};

// Throws std::invalid_argument when the sizes exceed an identifier space.
Plan make_plan(const Options& options);

// UAI key letter: 7-digit number mod 23 indexes "ABCDEFGHJKLMNPRSTUVWXYZ"
// (the national RNE/UAI checksum; I, O and Q are never used).
char uai_key(std::uint32_t number);
std::string make_uai(std::uint32_t number);

}  // namespace gen
