#pragma once
// `type: elea-csv`: accounts for Éléa, the national Moodle (docs/output.md §5). Pupils and
// staff only: parents have no Éléa access. Left out, each with a warning: ELEA_NO_LOGIN (moodle),
// ELEA_NAME_MISSING.
//
// `format: moodle` (default): Moodle's "upload users" CSV (admin/tool/uploaduser), UTF-8, `,`:
//   username (the edusync login), firstname, lastname, email, auth (`auth` key), idnumber (the
//   pupil's INE, else <UAI>-E<ELENOET>; staff P<STS id>), password (only with auth manual, and
//   only for accounts created in the run; such a file is 0600 and its column is emptied when
//   the passwords expire), suspended (1 for leavers in their grace period),
//   cohort1..N (pupils: <UAI>-<division>; teachers: one per division taught), and
//   profile_field_<name> = the division when `profile_field_division` names a profile field.
//   Files `elea_<UAI>_<date>_<run>_full.csv` and, unless `delta: false`, `..._delta.csv` with
//   the rows that are new or changed (a leaver's row changes to suspended=1).
// `format: ent-export`: the ENT "export classique" (entcore export.csv, §3.3) that Éléa's
//   school import page takes: UTF-8 with BOM, `;`, every field quoted, the 16 documented
//   columns, lists joined with ", ". File `elea_<UAI>_<date>_<run>_export.csv`.
#include "connectors/files/file_target.hpp"

namespace edusync::connectors::files {

class EleaTarget final : public FileTarget {
 public:
  explicit EleaTarget(config::ConnectorConfig settings) : FileTarget(std::move(settings)) {}

 protected:
  std::string prefix() const override { return "elea"; }
  BuiltFiles build(const BuildInput& input) override;
};

}  // namespace edusync::connectors::files
