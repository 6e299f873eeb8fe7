#pragma once
// `type: ent-csv`: the CSV import of the Open Digital Education / Edifice ENT (entcore feeder:
// NEO, ONE, monlycee.net), docs/output.md §3.1. One file per profile, each uploaded in its
// own slot of the admin console: Eleves, Enseignants, Parents, Personnels. Headers are the
// official French labels, which the feeder lower-cases and strips of accents and spaces before
// looking them up in its alias table (ProfileColumnsMapper). Multi-valued fields repeat their
// column (Classe;Classe, Regroupement;Regroupement), as many times as the longest list needs.
// `;`, `"` quoting, ISO-8859-1 with CRLF (default, like the shipped templates) or UTF-8 with BOM
// (the feeder's charset detection reads a BOM as UTF-8). `Id` (the feeder's externalId, unique
// across the whole ENT): pupils their INE (else <UAI>-E<ELENOET>), staff P<STS id>, parents
// R<PERSONNE_ID>; a parent's `Id enfant` columns hold the children's Id.
//
// Left out, each with a warning: ENT_NAME_MISSING (all), ENT_BIRTH_DATE_MISSING and
// ENT_NO_CLASS (pupils), ENT_NO_CHILD (a parent none of whose children is in the Eleves file).
//
// Files per run: `ent_<UAI>_<date>_<run>_<Profile>.csv`, and with `zip: true` also
// `ent_<UAI>_<date>_<run>.zip` holding `<Profile>.csv` (the zip name holds the UAI, as the
// feeder's drop directory requires). No delta: the feeder computes its own differences from a
// full file per profile.
#include "connectors/files/file_target.hpp"

namespace edusync::connectors::files {

class EntTarget final : public FileTarget {
 public:
  explicit EntTarget(config::ConnectorConfig settings) : FileTarget(std::move(settings)) {}

 protected:
  std::string prefix() const override { return "ent"; }
  BuiltFiles build(const BuildInput& input) override;
};

}  // namespace edusync::connectors::files
