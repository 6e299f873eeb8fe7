#pragma once
// A BEE_ELEVES document in SIECLE's own shape ("Élèves sans adresses" export), as Pix Orga's
// SIECLE import reads it (api/.../siecle-parser.js): PARAMETRES/UAJ, one ELEVE per pupil with
// ID_NATIONAL, names, DATE_NAISS dd/mm/yyyy, CODE_SEXE 1/2, birth place, CODE_MEF, CODE_STATUT,
// then STRUCTURES/STRUCTURES_ELEVE with the division (TYPE_STRUCTURE D). Returned as UTF-8 text
// declaring ISO-8859-15: the caller encodes it.
#include <string>
#include <vector>

#include "connectors/files/directory_view.hpp"

namespace edusync::connectors::files {

struct SiecleHeader {
  std::string uai;
  std::string school_year;  // starting year
  std::string export_date;  // ISO
};

std::string siecle_eleves_xml(const SiecleHeader& header,
                              const std::vector<const PupilView*>& pupils);

}  // namespace edusync::connectors::files
