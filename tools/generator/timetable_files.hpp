// The timetable exports of one school (--timetables), and the key the EDT container is sealed
// for, prepared once per run.
#pragma once

#include <string_view>

#include "options.hpp"
#include "timetable_expected.hpp"

namespace gen {

inline constexpr std::string_view kEdtKeyFile = "edt_partner_key.pem";  // in --out

// Reads --edt-key, or makes a throw-away key pair and writes its private half to
// DIR/edt_partner_key.pem; also another partner's public key (a second PARTENAIRE blob).
// Keys are random: the only output that is not a function of the command line.
void prepare_edt_keys(Options& options);

// kind -> file name in the school's directory.
FileList timetable_files(const School& school);

// Writes them into the school's directory.
void write_timetables(const School& school, const Timetable& tt, const Options& options);

}  // namespace gen
