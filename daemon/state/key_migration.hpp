#pragma once
// Upgrades of a state store written by an earlier edusync, numbered by SQLite's
// `PRAGMA user_version` so that each runs once, inside one transaction with the version bump:
// a store is either wholly upgraded or untouched.
//
// Version 1, school-qualified local keys. ELEVE_ID and PERSONNE_ID are numbered by each
// school's SIECLE base and repeat between schools; version 0 keyed pupils without INE
// "eleve:<ELEVE_ID>" and BEE_RESPONSABLES persons "personne:<PERSONNE_ID>", so that two
// schools' children could share one identity. Version 1 keys them "eleve:<UAI>:<ELEVE_ID>" and
// "personne:<UAI>:<PERSONNE_ID>". The upgrade re-keys, with the same mapping:
//   - identities (login, uid number, dates kept: only the key changes). A pupil's UAI comes
//     from its alias "eleve:<UAI>:<ELEVE_ID>", else from a stored snapshot; a guardian's from the
//     pupils it is linked to in the stored snapshots (a version-0 guardian that stood for two
//     schools' persons becomes one identity per school: guardians hold no login);
//   - initial passwords (keyed by person key); the former keys are kept in renamed_keys,
//     because the reports of earlier runs name their new accounts by those keys;
//   - every stored snapshot: pupils, memberships, guardians, contacts and their links, in
//     place, so that acknowledgements and runs keep pointing at the same snapshot ids;
// and frees the uid numbers version 0 gave to persons who could get no login (no target holds
// an account for them: accounts need a login), in identities and snapshots alike. INE keys,
// staff keys and everything else stay as they are (a held run keeps only its inputs' digest:
// confirming it recomputes the plan, under the new keys). When the store knows only one school
// (one UAI in its snapshots and export marks), every local key gets that UAI. A key whose
// school cannot be found (a long-removed guardian, in a multi-school store) is kept: it matches
// nobody any more and is removed as usual.
//
// Version 2, run details as tables of their own (state/run_details.hpp). Version 1 kept a
// run's inputs as the report's `sources` JSON in runs.inputs, which the unchanged-inputs short
// cut parsed back, and the account sheets read a run's new accounts back from its report files
// (new_accounts.jsonl, else report.json). The upgrade fills run_inputs from runs.inputs (which
// is '[]' from then on) and run_accounts from those report files, so that the short cut and the
// sheets of runs recorded before it work as they did. A run whose report files are gone or
// unreadable gets no accounts (version 1 could not make its sheets either); the upgrade never
// fails on one.
#include "state/database.hpp"

namespace edusync::state {

// The schema version this edusync writes.
constexpr int kSchemaVersion = 2;

int schema_version(Database& db);
// Brings the store to kSchemaVersion in one transaction. Throws StateError when the store was
// written by a newer edusync (never misread) or when an upgrade step fails (then rolled back).
void upgrade_schema(Database& db);

}  // namespace edusync::state
