// Command-line options of edusync-gen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dates.hpp"

namespace gen {

enum class RespFormat { Post2018, Pre2018 };

struct Options {
  std::string out_dir;
  std::uint64_t seed = 1;
  std::size_t schools = 1;
  std::size_t pupils = 600;      // current pupils per school
  std::size_t total_pupils = 0;  // when > 0: spread over the schools instead
  int year = 2025;               // ANNEE_SCOLAIRE (starting year)
  Date export_date;              // default 15/01/(year+1)
  RespFormat responsables = RespFormat::Post2018;
  bool eleves_avec = false;  // ElevesAvecAdresses instead of ElevesSansAdresses
  bool zip = false;
  std::uint32_t uai_base = 69500;  // first UAI number: 0069500 + key letter
  unsigned jobs = 1;
  bool timetables = false;            // also the EDT / UDT exports (timetable_files.cpp)
  std::string edt_key_file;           // --edt-key: PEM the Index Éducation container is sealed for
  std::string edt_key_pem;            // its text, or a throw-away key's (filled before generation)
  std::string edt_other_partner_pem;  // another ENT partner's public key (a second blob)
};

// Parses argv. Returns nullopt with `error` set on a usage error, nullopt
// with `error` empty when --help was printed.
std::optional<Options> parse_cli(int argc, char** argv, std::string& error);

std::string usage();

}  // namespace gen
