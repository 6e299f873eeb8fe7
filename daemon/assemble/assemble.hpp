#pragma once
// The model builder: turns the parsed exports into the canonical directory and its
// data-quality warnings. The rules below are part of the contract (tests and reports rely on
// them; see README "Canonical model rules"):
// - current pupil: a D structure whose code is not "Inactifs", and no DATE_SORTIE on or before
//   the export date (DATE_EXPORT, else the date of HORODATAGE);
// - pupil key: ID_NATIONAL, else INE_RNIE, else "eleve:<UAI>:<ELEVE_ID>" (also when the INE is
//   shared by two current pupils: neither may take the other's identity). Only the INE is
//   national: ELEVE_ID and PERSONNE_ID are numbered by each school's SIECLE base and repeat
//   between schools, so local keys carry the UAI;
// - guardian and contact key: "personne:<UAI>:<PERSONNE_ID>"; links are resolved within the
//   export of the same school;
// - an ELENOET carried by two current pupils of one school is reported (DUPLICATE_ELENOET); the
//   identity stage (run/accounts.cpp) leaves it to one of them;
// - surname: NOM_USAGE when non-empty, else NOM_DE_FAMILLE, else NOM;
// - guardian: a person with a legal link (NIVEAU_RESPONSABILITE 1, RESP_LEGAL 1 or 2) to a
//   current pupil; persons in charge and contacts of current pupils are kept apart;
// - staff: an INDIVIDU with a FONCTION, or without one but with a teaching service;
// - divisions and groups: STS-web's and SIECLE's, plus every D/G code of a current pupil;
// - timetable exports (docs/timetables.md): a file without a UAI belongs to the only school, or
//   is refused; pupils are joined by INE, else by folded names and birth date, teachers by
//   folded names, within the school; the members of a group the timetable knows follow
//   timetable_memberships; divisions stay SIECLE's; services are STS-web's plus the
//   timetable's that STS-web lacks.
#include <cstdint>
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "model/warning.hpp"
#include "sources/exports.hpp"

namespace edusync::assemble {

// Whose members a group the timetable knows gets (config timetable.memberships).
enum class TimetableMemberships : std::uint8_t { timetable, siecle, both };

struct Options {
  // The schools this directory is for. Empty: the UAI of the first SIECLE or STS-web export.
  std::vector<std::string> uais;
  // ISO date used as export date for a pupils' export that carries none.
  std::string today;
  TimetableMemberships timetable_memberships = TimetableMemberships::timetable;
  int timetable_stale_after_days = 30;
};

struct Result {
  model::Directory directory;
  std::vector<model::Warning> warnings;
};

// Builds the directory. Moves the data out of `exports` (their headers, paths, counts and
// hashes stay for the report). Throws InputError when the exports cannot be combined: a UAI
// other than the configured ones, or school years that disagree.
Result assemble(std::vector<sources::ParsedExport>& exports, const Options& options);

}  // namespace edusync::assemble
