#include "state/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "common/text.hpp"

namespace edusync::state {
namespace {

[[noreturn]] void fail(sqlite3* db, text::Message what) {
  throw StateError(text::message(
      "state.sqlite_failed",
      {text::nested("what", std::move(what)), text::arg("error", db ? sqlite3_errmsg(db) : "?")}));
}

// Creates the file with mode 0600 before SQLite opens it: the store holds initial passwords.
void create_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    const bool exists =
        ::access(path.c_str(), F_OK) == 0;  // not "cannot create" a file that exists
    throw StateError(
        text::message(exists ? "state.cannot_open" : "state.cannot_create",
                      {text::arg("path", path), text::arg("error", system_error_text(error))}));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
}

}  // namespace

Database::Database(const std::string& path, Mode mode) {
  if (mode == Mode::read_write) create_private_file(path);
  // read_only still opens read-write (but never writes): a SQLITE_OPEN_READONLY connection to
  // a WAL database leaves its -wal and -shm files behind, which a dry run must not do.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(mode == Mode::in_memory ? ":memory:" : path.c_str(), &raw, flags, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) fail(raw, text::message("state.opening", {text::arg("path", path)}));
  sqlite3_busy_timeout(raw, 10'000);
  if (mode == Mode::read_write) {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
  }
  exec("PRAGMA foreign_keys=ON");
}

void Database::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "";
    sqlite3_free(message);
    throw StateError(
        text::message("state.statement_failed", {text::arg("error", text), text::arg("sql", sql)}));
  }
}

Statement Database::prepare(std::string_view sql) {
  return Statement(db_.get(), sql);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    fail(db, text::message("state.bad_query", {text::arg("sql", std::string(sql))}));
  }
  statement_.reset(raw);
}

void Statement::check(int rc) const {
  if (rc != SQLITE_OK) fail(db_, text::message("state.parameter"));
}

Statement& Statement::bind(int index, std::string_view text) {
  check(sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(statement_.get(), index, value));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check(sqlite3_bind_null(statement_.get(), index));
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  check(sqlite3_bind_blob64(statement_.get(), index, bytes.data(), bytes.size(), SQLITE_STATIC));
  return *this;
}

Statement& Statement::bind_optional(int index, const std::string& text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

bool Statement::step() {
  const int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, text::message("state.execution"));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
}

std::string Statement::text(int column) const {
  return std::string(bytes(column));
}

std::string_view Statement::bytes(int column) const {
  const auto* data = sqlite3_column_blob(statement_.get(), column);
  const int size = sqlite3_column_bytes(statement_.get(), column);
  return data == nullptr
             ? std::string_view()
             : std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_.get(), column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {  // nothing more to do: SQLite rolls back an open transaction on close
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace edusync::state
