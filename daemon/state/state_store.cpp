#include "state/state_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "common/file_writer.hpp"
#include "common/sha256.hpp"
#include "state/key_migration.hpp"
#include "state/run_details.hpp"
#include "state/school_parts.hpp"
#include "state/snapshot_codec.hpp"

namespace edusync::state {
namespace {

std::string prepare_directory(const std::string& state_dir) {
  try {
    make_directories(state_dir, 0700);
  } catch (const std::exception& error) {
    throw StateError(text::message("state.directory", {text::arg("error", error.what())}));
  }
  ::chmod(state_dir.c_str(), 0700);
  return (std::filesystem::path(state_dir) / "edusync.db").string();
}

// A store that exists is never 0 bytes (see create_store): such a file was truncated (full
// disk, interrupted copy or restore). Taking it for a new store would forget every identity
// and every departure, so it is refused, and the operator chooses.
void refuse_empty_store(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error || size != 0) return;
  throw StateError(text::message("state.empty_store", {text::arg("path", path)}));
}

// A new store is made under a temporary name, given its SQLite header (WAL mode), then renamed:
// a process killed while creating it leaves no 0-byte edusync.db behind.
void create_store(const std::string& path) {
  const std::string fresh = path + ".new";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(fresh + suffix);
  { Database header(fresh); }  // WAL mode written into the file; closing removes the -wal
  std::filesystem::rename(fresh, path);
  const int dir =
      ::open(std::filesystem::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string open_store(const std::string& state_dir) {
  auto path = prepare_directory(state_dir);
  if (std::filesystem::exists(path)) {
    refuse_empty_store(path);
  } else {
    create_store(path);
  }
  return path;
}

PersonKind parse_kind(const std::string& text) {
  if (text == "guardian") return PersonKind::guardian;
  if (text == "staff") return PersonKind::staff;
  return PersonKind::pupil;
}

RunRecord read_run(const Statement& row) {
  RunRecord run;
  run.id = row.text(0);
  run.started = row.text(1);
  run.finished = row.text(2);
  run.status = row.text(3);
  run.dry_run = row.integer(4) != 0;
  run.inputs_digest = row.text(5);
  run.report_dir = row.text(6);
  run.snapshot_id = row.integer(7);
  return run;
}

constexpr const char* kRunColumns =
    "SELECT id, started, finished, status, dry_run, inputs_digest, report_dir, snapshot_id "
    "FROM runs ";

}  // namespace

const char* to_string(PersonKind kind) {
  switch (kind) {
    case PersonKind::pupil: return "pupil";
    case PersonKind::guardian: return "guardian";
    case PersonKind::staff: return "staff";
  }
  return "";
}

StateStore::StateStore(const std::string& state_dir) : db_(open_store(state_dir)) {
  create_tables();
  upgrade_schema(db_);  // once per store: see key_migration.hpp
}

StateStore::StateStore(const std::string& path, Database::Mode mode) : db_(path, mode) {
  if (mode == Database::Mode::in_memory) {
    create_tables();
    upgrade_schema(db_);
  }
}

// A store written by an older edusync is read through an upgraded private copy in memory: a
// dry run sees what the real run will see, and writes nothing.
StateStore StateStore::for_reading(const std::string& state_dir) {
  const auto path = (std::filesystem::path(state_dir) / "edusync.db").string();
  if (!std::filesystem::exists(path)) return StateStore(path, Database::Mode::in_memory);
  refuse_empty_store(path);
  StateStore store(path, Database::Mode::read_only);
  const int version = schema_version(store.db_);
  if (version == kSchemaVersion) return store;
  if (version > kSchemaVersion) upgrade_schema(store.db_);  // refuses a newer store
  StateStore copy(path, Database::Mode::in_memory);
  sqlite3_backup* backup =
      sqlite3_backup_init(copy.db_.handle(), "main", store.db_.handle(), "main");
  const int rc = backup == nullptr ? SQLITE_ERROR : sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw StateError(text::message("state.copy_failed", {text::arg("path", path)}));
  upgrade_schema(copy.db_);
  return copy;
}

void StateStore::create_tables() {
  db_.exec(R"(
    CREATE TABLE IF NOT EXISTS identities(
      key TEXT PRIMARY KEY, kind TEXT NOT NULL, login TEXT UNIQUE, uid_number INTEGER UNIQUE,
      created TEXT NOT NULL, departed TEXT, removed TEXT, aliases TEXT NOT NULL DEFAULT '');
    CREATE TABLE IF NOT EXISTS initial_passwords(
      key TEXT PRIMARY KEY, password TEXT NOT NULL, created TEXT NOT NULL, expires TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS snapshots(
      id INTEGER PRIMARY KEY, created TEXT NOT NULL, school_year TEXT, sha256 TEXT UNIQUE NOT NULL,
      data BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS acknowledgements(
      connector TEXT PRIMARY KEY, snapshot_id INTEGER NOT NULL, acknowledged TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS export_marks(
      kind TEXT NOT NULL, uai TEXT NOT NULL, export_date TEXT, records INTEGER NOT NULL,
      PRIMARY KEY(kind, uai));
    CREATE TABLE IF NOT EXISTS renamed_keys(old_key TEXT PRIMARY KEY, new_key TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS runs(
      id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
      dry_run INTEGER NOT NULL, inputs TEXT NOT NULL, inputs_digest TEXT NOT NULL,
      report_dir TEXT, snapshot_id INTEGER);
  )");
  create_run_detail_tables(db_);
  create_school_parts_table(db_);
}

std::vector<Identity> StateStore::load_identities() {
  std::vector<Identity> identities;
  auto query = db_.prepare(
      "SELECT key, kind, login, uid_number, created, departed, removed, aliases FROM identities "
      "ORDER BY key");
  while (query.step()) {
    identities.push_back({query.text(0), parse_kind(query.text(1)), query.text(2),
                          static_cast<std::uint32_t>(query.integer(3)), query.text(4),
                          query.text(5), query.text(6), query.text(7)});
  }
  return identities;
}

void StateStore::save_identities(const std::vector<Identity>& identities) {
  auto upsert = db_.prepare(
      // Not INSERT OR REPLACE: on a login or uid clash that would silently delete the other
      // identity. An upsert on the key keeps the UNIQUE constraints as errors.
      "INSERT INTO identities(key, kind, login, uid_number, created, departed, removed, aliases) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, "
      "login = excluded.login, uid_number = excluded.uid_number, created = excluded.created, "
      "departed = excluded.departed, removed = excluded.removed, aliases = excluded.aliases");
  for (const auto& identity : identities) {
    upsert.bind(1, identity.key).bind(2, to_string(identity.kind)).bind_optional(3, identity.login);
    if (identity.uid_number == 0) {
      upsert.bind_null(4);
    } else {
      upsert.bind(4, static_cast<std::int64_t>(identity.uid_number));
    }
    upsert.bind(5, identity.created)
        .bind_optional(6, identity.departed)
        .bind_optional(7, identity.removed);
    upsert.bind(8, identity.aliases).run();
  }
}

void StateStore::save_passwords(
    const std::vector<std::pair<std::string, std::string>>& key_password,
    const std::string& created, const std::string& expires) {
  auto insert = db_.prepare(
      "INSERT OR REPLACE INTO initial_passwords(key, password, created, expires) VALUES(?1, ?2, "
      "?3, ?4)");
  for (const auto& [key, password] : key_password) {
    insert.bind(1, key).bind(2, password).bind(3, created).bind(4, expires).run();
  }
}

std::map<std::string, std::string> StateStore::passwords(const std::vector<std::string>& keys,
                                                         const std::string& today) {
  std::map<std::string, std::string> found;
  // A key renamed by an upgrade (key_migration.hpp) still finds its password: the reports of
  // earlier runs, from which account sheets are made, name the accounts by their former keys.
  auto query = db_.prepare(
      "SELECT password FROM initial_passwords WHERE expires >= ?2 AND key = "
      "coalesce((SELECT new_key FROM renamed_keys WHERE old_key = ?1), ?1)");
  for (const auto& key : keys) {
    query.bind(1, key).bind(2, today);
    if (query.step()) found.emplace(key, query.text(0));
    query.reset();
  }
  return found;
}

std::uint64_t StateStore::purge_expired_passwords(const std::string& today) {
  db_.prepare("DELETE FROM initial_passwords WHERE expires < ?1").bind(1, today).run();
  return static_cast<std::uint64_t>(sqlite3_changes(db_.handle()));
}

std::optional<std::int64_t> StateStore::latest_snapshot_id() {
  auto query = db_.prepare(
      "SELECT snapshot_id FROM runs WHERE status IN ('ok', 'partial') AND dry_run = 0 "
      "AND snapshot_id IS NOT NULL ORDER BY rowid DESC LIMIT 1");
  if (query.step()) return query.integer(0);
  return std::nullopt;
}

model::Directory StateStore::load_snapshot(std::int64_t id) {
  auto query = db_.prepare("SELECT data FROM snapshots WHERE id = ?1");
  query.bind(1, id);
  if (!query.step())
    throw StateError(
        text::message("state.snapshot_missing", {text::arg("id", std::to_string(id))}));
  return decode_snapshot(query.bytes(0));  // decoded from SQLite's page cache: no copy
}

std::int64_t StateStore::store_snapshot(const model::Directory& directory,
                                        const std::string& created) {
  const std::string blob = encode_snapshot(directory);
  const std::string digest = sha256_hex(blob);
  auto existing = db_.prepare("SELECT id FROM snapshots WHERE sha256 = ?1");
  existing.bind(1, digest);
  if (existing.step()) return existing.integer(0);
  db_.prepare("INSERT INTO snapshots(created, school_year, sha256, data) VALUES(?1, ?2, ?3, ?4)")
      .bind(1, created)
      .bind(2, directory.school_year)
      .bind(3, digest)
      .bind_blob(4, blob)
      .run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void StateStore::prune_snapshots() {
  db_.exec(R"(DELETE FROM snapshots WHERE id NOT IN (SELECT snapshot_id FROM acknowledgements)
              AND id NOT IN (SELECT snapshot_id FROM runs WHERE snapshot_id IS NOT NULL
                             ORDER BY rowid DESC LIMIT 1))");
}

std::optional<std::int64_t> StateStore::acknowledged(const std::string& connector) {
  auto query = db_.prepare("SELECT snapshot_id FROM acknowledgements WHERE connector = ?1");
  query.bind(1, connector);
  if (query.step()) return query.integer(0);
  return std::nullopt;
}

void StateStore::acknowledge(const std::string& connector, std::int64_t snapshot_id,
                             const std::string& when) {
  db_.prepare(
         "INSERT OR REPLACE INTO acknowledgements(connector, snapshot_id, acknowledged) VALUES(?1, "
         "?2, ?3)")
      .bind(1, connector)
      .bind(2, snapshot_id)
      .bind(3, when)
      .run();
}

ExportMarks StateStore::export_marks() {
  ExportMarks marks;
  auto query = db_.prepare("SELECT kind, uai, export_date, records FROM export_marks");
  while (query.step()) {
    marks[{query.text(0), query.text(1)}] = {query.text(2),
                                             static_cast<std::uint64_t>(query.integer(3))};
  }
  return marks;
}

void StateStore::save_export_marks(const ExportMarks& marks) {
  auto upsert = db_.prepare(
      "INSERT OR REPLACE INTO export_marks(kind, uai, export_date, records) VALUES(?1, ?2, ?3, "
      "?4)");
  for (const auto& [kind_uai, mark] : marks) {
    upsert.bind(1, kind_uai.first)
        .bind(2, kind_uai.second)
        .bind_optional(3, mark.export_date)
        .bind(4, static_cast<std::int64_t>(mark.records))
        .run();
  }
}

void StateStore::save_run(const RunRecord& run) {
  auto upsert = db_.prepare(
      "INSERT OR REPLACE INTO runs(id, started, finished, status, dry_run, inputs, inputs_digest, "
      "report_dir, "
      "snapshot_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  upsert.bind(1, run.id)
      .bind(2, run.started)
      .bind_optional(3, run.finished)
      .bind(4, run.status)
      .bind(5, std::int64_t{run.dry_run ? 1 : 0})
      .bind(6, std::string_view("[]"))  // version 1's inputs JSON: run_inputs since version 2
      .bind(7, run.inputs_digest)
      .bind_optional(8, run.report_dir);
  if (run.snapshot_id == 0) {
    upsert.bind_null(9);
  } else {
    upsert.bind(9, run.snapshot_id);
  }
  upsert.run();
}

std::vector<RunRecord> StateStore::mark_interrupted_runs(const std::string& finished) {
  std::vector<RunRecord> interrupted;
  auto query = db_.prepare(std::string(kRunColumns) + "WHERE status = 'running' ORDER BY rowid");
  while (query.step()) interrupted.push_back(read_run(query));
  if (interrupted.empty()) return interrupted;
  db_.prepare("UPDATE runs SET status = 'interrupted', finished = ?1 WHERE status = 'running'")
      .bind(1, finished)
      .run();
  return interrupted;
}

std::optional<RunRecord> StateStore::run(const std::string& id) {
  auto query = db_.prepare(std::string(kRunColumns) + "WHERE id = ?1");
  query.bind(1, id);
  if (query.step()) return read_run(query);
  return std::nullopt;
}

std::optional<RunRecord> StateStore::last_run(bool include_dry_runs) {
  auto query =
      db_.prepare(std::string(kRunColumns) + (include_dry_runs ? "" : "WHERE dry_run = 0 ") +
                  "ORDER BY rowid DESC LIMIT 1");
  if (query.step()) return read_run(query);
  return std::nullopt;
}

std::optional<RunRecord> StateStore::last_applied_run() {
  auto query =
      db_.prepare(std::string(kRunColumns) +
                  "WHERE status IN ('ok', 'partial') AND dry_run = 0 AND snapshot_id IS NOT NULL "
                  "ORDER BY rowid DESC LIMIT 1");
  if (query.step()) return read_run(query);
  return std::nullopt;
}

std::optional<RunRecord> StateStore::first_run_of_snapshot(std::int64_t snapshot_id) {
  auto query = db_.prepare(std::string(kRunColumns) +
                           "WHERE status IN ('ok', 'partial') AND dry_run = 0 AND snapshot_id = ?1 "
                           "ORDER BY rowid LIMIT 1");
  query.bind(1, snapshot_id);
  if (query.step()) return read_run(query);
  return std::nullopt;
}

std::optional<std::string> StateStore::earliest_departure() {
  auto query = db_.prepare(
      "SELECT min(departed) FROM identities WHERE coalesce(removed, '') = '' "
      "AND coalesce(departed, '') <> ''");
  if (query.step() && !query.is_null(0)) return query.text(0);
  return std::nullopt;
}

std::vector<RunRecord> StateStore::recent_runs(std::size_t count) {
  auto query = db_.prepare(std::string(kRunColumns) +
                           "WHERE dry_run = 0 ORDER BY rowid DESC LIMIT " + std::to_string(count));
  std::vector<RunRecord> runs;
  while (query.step()) runs.push_back(read_run(query));
  return runs;
}

std::optional<RunRecord> StateStore::last_held_run() {
  auto query =
      db_.prepare(std::string(kRunColumns) + "WHERE status = 'held' ORDER BY rowid DESC LIMIT 1");
  if (query.step()) return read_run(query);
  return std::nullopt;
}

}  // namespace edusync::state
