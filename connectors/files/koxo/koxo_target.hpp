#pragma once
// `type: koxo-csv`: the CSV of KoXo Administrator's "Synchro" profile (docs/output.md §2):
// `;`, CRLF, one header line, the same number of fields on every line, one row per current
// pupil and staff member. KOXO maps columns by position in its profile XML, so the column list
// is configurable (`columns`); KOXO matches rows on IdentifiantUnique and writes it to AD
// employeeNumber, so it is the same stable key the LDAP target uses.
//
// Left out, each with a warning: KOXO_NO_UNIQUE_ID, KOXO_NAME_MISSING, KOXO_NO_GROUP.
//
// Files per run: `koxo_<UAI>_<date>_<run>_full.csv` (every current pupil and staff member) and,
// unless `delta: false`, `..._delta.csv` (only rows that are new or changed since the last
// acknowledged run). A Synchro on the full file removes whoever is missing: with the profile's
// SyncDoNotDeleteUsers=1 KOXO disables them and keeps their SID, which is edusync's departure
// (leavers are never deleted on the spot); with 0 it deletes them. The delta is for a profile
// with SyncDoNotDeleteUsers=1 only; leavers appear only as missing from the full file.
//
// MotDePasse holds the initial password of accounts created in the run: a file holding one is
// written 0600 and reported (ApplyResult::password_files), so that the column is emptied once
// the passwords expire (an empty MotDePasse makes KOXO keep the password it holds).
#include "connectors/files/file_target.hpp"

namespace edusync::connectors::files {

class KoxoTarget final : public FileTarget {
 public:
  explicit KoxoTarget(config::ConnectorConfig settings);

 protected:
  std::string prefix() const override { return "koxo"; }
  BuiltFiles build(const BuildInput& input) override;
};

}  // namespace edusync::connectors::files
