#pragma once
// The state store (SQLite, WAL): what edusync remembers between runs.
//   identities        key -> login, uid number, created / departed / removed dates
//   initial_passwords clear initial passwords of new accounts, kept for the account sheets only
//                     until they expire (file mode 0600; never in a log or a JSON report)
//   snapshots         the desired directory applied by a run (deduplicated by content hash)
//   acknowledgements  connector name -> the snapshot it last applied in full
//   export_marks      per export kind and UAI: the export date and record count last applied
//   runs              run history: times, status, inputs digest, report paths, snapshot; a run
//                     held by a safety gate has status 'held' and is confirmable while its
//                     inputs_digest still matches (column `inputs`: version 1's inputs JSON,
//                     '[]' since version 2)
//   run_inputs        per run, the exports it read with their sha256 (run_details.hpp)
//   run_accounts      per run, the accounts it created, for the account sheets (run_details.hpp)
//   password_files    files holding initial passwords, emptied when those expire
//                     (password_files.hpp, created on first use)
//   renamed_keys      former key -> key, written by an upgrade (key_migration.hpp), so that the
//                     accounts recorded by earlier runs still find their initial passwords
// The schema version is SQLite's `PRAGMA user_version` (key_migration.hpp).
// Each pipeline step writes in one transaction (Transaction), so that a process killed at any
// moment leaves a state from which the next run converges.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/directory.hpp"
#include "state/database.hpp"

namespace edusync::state {

enum class PersonKind : std::uint8_t { pupil, guardian, staff };
const char* to_string(PersonKind kind);

struct Identity {
  std::string key;
  PersonKind kind = PersonKind::pupil;
  std::string login;  // pupils and staff; empty for guardians
  std::uint32_t uid_number = 0;
  std::string created;   // ISO dates
  std::string departed;  // first day found absent; empty while present
  std::string removed;   // day removed after the grace period
  // Other identifiers by which the person may come back under another key (a pupil first seen
  // without INE): "eleve:<UAI>:<ELEVE_ID>" and every INE, comma-separated.
  std::string aliases;
};

struct ExportMark {
  std::string export_date;  // ISO, may be empty (STS-web carries none)
  std::uint64_t records = 0;
};
using ExportMarks = std::map<std::pair<std::string, std::string>, ExportMark>;  // (kind, uai)

struct RunRecord {
  std::string id;  // "20251120T023000Z-1a2b"
  std::string started, finished;
  // running, ok, held, failed, partial; interrupted: found `running` by a later run, which
  // holds the run lock (run/run_lock.hpp), so its process died (killed, power cut)
  std::string status;
  bool dry_run = false;
  std::string inputs_digest;  // sha256 over the inputs' sha256, to confirm a held run
  std::string report_dir;
  std::int64_t snapshot_id = 0;
};

class StateStore {
 public:
  // Opens `<state_dir>/edusync.db`, creating the directory (0700) and the tables, and upgrades
  // a store written by an older edusync (state/key_migration.hpp), once, in one transaction.
  // A new file is created whole (never left at 0 bytes); an existing 0-byte file is refused
  // (StateError).
  explicit StateStore(const std::string& state_dir);
  // For dry runs: the existing store read-only, or an empty in-memory one when there is none
  // yet. Either way nothing is written to disk. A 0-byte file is refused, as above.
  static StateStore for_reading(const std::string& state_dir);

  Database& database() { return db_; }

  std::vector<Identity> load_identities();
  void save_identities(const std::vector<Identity>& identities);  // insert or replace

  void save_passwords(const std::vector<std::pair<std::string, std::string>>& key_password,
                      const std::string& created, const std::string& expires);
  std::map<std::string, std::string> passwords(const std::vector<std::string>& keys,
                                               const std::string& today);
  // Deletes the passwords past their expiry; returns how many. The files that hold copies are
  // state/password_files.hpp's (run/password_expiry.hpp erases both).
  std::uint64_t purge_expired_passwords(const std::string& today);

  std::optional<std::int64_t> latest_snapshot_id();
  model::Directory load_snapshot(std::int64_t id);
  // Stores the directory unless the same content is already stored; returns its id.
  std::int64_t store_snapshot(const model::Directory& directory, const std::string& created);
  // Deletes snapshots that neither a connector nor the latest run refers to.
  void prune_snapshots();

  std::optional<std::int64_t> acknowledged(const std::string& connector);
  void acknowledge(const std::string& connector, std::int64_t snapshot_id, const std::string& when);

  // The last applied export per (kind, UAI); saving inserts or replaces those given.
  ExportMarks export_marks();
  void save_export_marks(const ExportMarks& marks);

  // Insert or replace; the run's inputs and created accounts are run_details.hpp's.
  void save_run(const RunRecord& run);
  // Marks `interrupted` (finished = `finished`) every run still `running`, and returns them as
  // they were. Only for a caller that holds the run lock: nobody else can be running.
  std::vector<RunRecord> mark_interrupted_runs(const std::string& finished);
  std::optional<RunRecord> run(const std::string& id);
  std::optional<RunRecord> last_run(bool include_dry_runs = false);
  std::optional<RunRecord> last_held_run();
  // The `count` latest runs that wrote the state (dry runs left out), newest first.
  std::vector<RunRecord> recent_runs(std::size_t count);
  // The latest run that stored a snapshot (status ok or partial, not a dry run).
  std::optional<RunRecord> last_applied_run();
  // The first run that stored `snapshot_id`: the one that computed it (the runs after it with the
  // same snapshot found their inputs unchanged, or caught a connector up).
  std::optional<RunRecord> first_run_of_snapshot(std::int64_t snapshot_id);
  // The earliest departure date of a person not yet removed; nullopt when nobody is departed.
  std::optional<std::string> earliest_departure();

 private:
  StateStore(const std::string& path, Database::Mode mode);
  void create_tables();
  Database db_;
};

}  // namespace edusync::state
