#pragma once
// `type: pix-orga`: the learners of a school for Pix Orga (docs/output.md §4). Pix imports
// a full list: every learner of the organisation missing from the file is disabled, so there is
// never a delta. Only current pupils that Pix accepts are written (the rules are
// model/acceptance.hpp's, the ones `edusync inspect` shows); each one left out is a warning
// naming the pupil, the rule and where to fix it in SIECLE, never an invalid file:
//   PIX_INE_MISSING (no ID_NATIONAL), PIX_INE_DUPLICATE (an INE two pupils hold),
//   PIX_NO_DIVISION, PIX_FIRST_NAME_MISSING, PIX_LAST_NAME_MISSING, PIX_SEX_MISSING,
//   PIX_BIRTH_DATE_MISSING, PIX_BIRTH_CITY_CODE_MISSING (born in France, no INSEE commune);
//   format csv also: PIX_BIRTH_COUNTRY_MISSING, PIX_BIRTH_CITY_MISSING (born abroad, no city
//   name), PIX_BIRTH_DEPARTMENT_MISSING (no 2-3 character department: 99 is written for a pupil
//   born abroad, the commune's department when SIECLE gives none), PIX_STATUS_INVALID (not ST
//   or AP), PIX_MEF_MISSING.
//
// `format: siecle` (default): `pix_<UAI>_<date>_<run>_ElevesSansAdresses.xml`, a BEE_ELEVES in
//   ISO-8859-15 whose UAJ is the school's UAI; with `zip: true`, `..._ElevesSansAdresses.zip`
//   holding that one XML instead.
// `format: csv`: `pix_<UAI>_<date>_<run>_eleves.csv`, the 15-column CSV with Pix's exact
//   labels, `;`, UTF-8 with BOM (the first encoding Pix tries), CRLF.
#include <optional>

#include "connectors/files/file_target.hpp"
#include "model/acceptance.hpp"

namespace edusync::connectors::files {

class PixTarget final : public FileTarget {
 public:
  explicit PixTarget(config::ConnectorConfig settings) : FileTarget(std::move(settings)) {}

 protected:
  std::string prefix() const override { return "pix"; }
  BuiltFiles build(const BuildInput& input) override;

 private:
  const model::Directory* indexed_ = nullptr;  // the directory shared_ines_ was built from
  std::optional<model::acceptance::SharedInes> shared_ines_;
};

}  // namespace edusync::connectors::files
