#include "state/password_files.hpp"

namespace edusync::state {
namespace {

void ensure_table(Database& db) {
  db.exec(R"(
    CREATE TABLE IF NOT EXISTS password_files(
      path TEXT PRIMARY KEY, run_id TEXT NOT NULL, expires TEXT NOT NULL, format TEXT NOT NULL,
      separator TEXT NOT NULL, column_name TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS password_files_expires ON password_files(expires);
  )");
}

}  // namespace

void record_password_files(Database& db, const std::vector<PasswordFileRecord>& files) {
  if (files.empty()) return;
  ensure_table(db);
  auto upsert = db.prepare(
      "INSERT OR REPLACE INTO password_files(path, run_id, expires, format, separator, "
      "column_name) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& f : files) {
    upsert.bind(1, f.path).bind(2, f.run_id).bind(3, f.expires).bind(4, f.format);
    upsert.bind(5, std::string(1, f.separator)).bind(6, f.column).run();
  }
}

std::vector<PasswordFileRecord> password_files_due(Database& db, const std::string& today) {
  ensure_table(db);
  std::vector<PasswordFileRecord> due;
  auto query = db.prepare(
      "SELECT path, run_id, expires, format, separator, column_name FROM password_files "
      "WHERE expires < ?1 ORDER BY expires, path");
  query.bind(1, today);
  while (query.step()) {
    const std::string separator = query.text(4);
    due.push_back({query.text(0), query.text(1), query.text(2), query.text(3),
                   separator.empty() ? ';' : separator[0], query.text(5)});
  }
  return due;
}

std::set<std::string> runs_holding_passwords(Database& db) {
  ensure_table(db);
  std::set<std::string> ids;
  auto query = db.prepare("SELECT DISTINCT run_id FROM password_files");
  while (query.step()) ids.insert(query.text(0));
  return ids;
}

void forget_password_file(Database& db, const std::string& path) {
  ensure_table(db);
  db.prepare("DELETE FROM password_files WHERE path = ?1").bind(1, path).run();
}

std::string earliest_password_expiry(Database& db, const std::vector<std::string>& keys) {
  std::string earliest;
  auto query = db.prepare("SELECT expires FROM initial_passwords WHERE key = ?1");
  for (const auto& key : keys) {
    query.bind(1, key);
    if (query.step()) {
      const std::string expires = query.text(0);
      if (earliest.empty() || expires < earliest) earliest = expires;
    }
    query.reset();
  }
  return earliest;
}

}  // namespace edusync::state
