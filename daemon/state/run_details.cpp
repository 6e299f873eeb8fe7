#include "state/run_details.hpp"

namespace edusync::state {

void create_run_detail_tables(Database& db) {
  db.exec(R"(
    CREATE TABLE IF NOT EXISTS run_inputs(
      run_id TEXT NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,
      uai TEXT NOT NULL, school_year TEXT NOT NULL, export_date TEXT, version TEXT,
      records INTEGER NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
      PRIMARY KEY(run_id, position));
    CREATE TABLE IF NOT EXISTS run_accounts(
      run_id TEXT NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
      login TEXT NOT NULL, surname TEXT NOT NULL, given_name TEXT NOT NULL,
      division TEXT NOT NULL, PRIMARY KEY(run_id, position));
  )");
}

void save_run_inputs(Database& db, const std::string& run_id, const std::vector<RunInput>& inputs) {
  db.prepare("DELETE FROM run_inputs WHERE run_id = ?1").bind(1, run_id).run();
  auto insert = db.prepare(
      "INSERT INTO run_inputs(run_id, position, path, kind, uai, school_year, export_date, "
      "version, records, bytes, sha256) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  std::int64_t position = 0;
  for (const auto& input : inputs) {
    insert.bind(1, run_id)
        .bind(2, position++)
        .bind(3, input.path)
        .bind(4, input.kind)
        .bind(5, input.uai)
        .bind(6, input.school_year)
        .bind_optional(7, input.export_date)
        .bind_optional(8, input.version)
        .bind(9, static_cast<std::int64_t>(input.records))
        .bind(10, static_cast<std::int64_t>(input.bytes))
        .bind(11, input.sha256)
        .run();
  }
}

void save_created_accounts(Database& db, const std::string& run_id,
                           const std::vector<CreatedAccount>& accounts) {
  db.prepare("DELETE FROM run_accounts WHERE run_id = ?1").bind(1, run_id).run();
  auto insert = db.prepare(
      "INSERT INTO run_accounts(run_id, position, key, kind, login, surname, given_name, "
      "division) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  std::int64_t position = 0;
  for (const auto& account : accounts) {
    insert.bind(1, run_id)
        .bind(2, position++)
        .bind(3, account.key)
        .bind(4, account.kind)
        .bind(5, account.login)
        .bind(6, account.surname)
        .bind(7, account.given_name)
        .bind(8, account.division)
        .run();
  }
}

std::vector<RunInput> run_inputs(Database& db, const std::string& run_id) {
  auto query = db.prepare(
      "SELECT path, kind, uai, school_year, export_date, version, records, bytes, sha256 "
      "FROM run_inputs WHERE run_id = ?1 ORDER BY position");
  query.bind(1, run_id);
  std::vector<RunInput> inputs;
  while (query.step()) {
    inputs.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                      query.text(5), static_cast<std::uint64_t>(query.integer(6)),
                      static_cast<std::uint64_t>(query.integer(7)), query.text(8)});
  }
  return inputs;
}

std::vector<CreatedAccount> created_accounts(Database& db, const std::string& run_id) {
  auto query = db.prepare(
      "SELECT key, kind, login, surname, given_name, division FROM run_accounts "
      "WHERE run_id = ?1 ORDER BY position");
  query.bind(1, run_id);
  std::vector<CreatedAccount> accounts;
  while (query.step()) {
    accounts.push_back(
        {query.text(0), query.text(1), query.text(2), query.text(3), query.text(4), query.text(5)});
  }
  return accounts;
}

std::size_t created_account_count(Database& db, const std::string& run_id) {
  auto query = db.prepare("SELECT count(*) FROM run_accounts WHERE run_id = ?1");
  query.bind(1, run_id);
  return query.step() ? static_cast<std::size_t>(query.integer(0)) : 0;
}

std::optional<std::string> last_run_with_accounts(Database& db) {
  auto query = db.prepare(
      "SELECT runs.id FROM runs WHERE EXISTS (SELECT 1 FROM run_accounts WHERE run_id = runs.id) "
      "ORDER BY runs.started DESC, runs.rowid DESC LIMIT 1");
  if (!query.step()) return std::nullopt;
  return query.text(0);
}

}  // namespace edusync::state
