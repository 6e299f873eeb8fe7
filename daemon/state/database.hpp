#pragma once
// A thin RAII layer over SQLite: the connection, prepared statements with bound parameters,
// and transactions that roll back unless committed. Errors throw StateError with SQLite's
// message; nothing here knows edusync's tables.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace edusync::state {

// The state base cannot be used: its words are a catalogue message (state.*).
class StateError : public Failure {
 public:
  using Failure::Failure;
};

class Statement;

class Database {
 public:
  enum class Mode { read_write, read_only, in_memory };
  // read_write: opens (creating with mode 0600) the file, in WAL mode with a busy timeout.
  // read_only: the file must exist; nothing is written (dry runs). in_memory: `path` ignored.
  explicit Database(const std::string& path, Mode mode = Mode::read_write);
  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  // Not copied: `bytes` must stay alive until the statement has run (a snapshot is hundreds of
  // megabytes at academy scale; bind it in the expression that runs the statement).
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_optional(int index, const std::string& text);  // NULL when empty
  // Advances to the next row; false when done.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();
  std::string text(int column) const;
  // The column's bytes without a copy, valid until the next step() or reset().
  std::string_view bytes(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  void check(int rc) const;
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back by the destructor unless commit() was called, so that
// an exception (or a crash: SQLite's journal) never leaves half a step in the store.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace edusync::state
