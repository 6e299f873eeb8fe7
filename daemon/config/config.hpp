#pragma once
// edusync.yaml, checked against the key tables of config/keys.hpp. Loading never stops at the
// first problem: every unknown key, wrong type, value out of range, missing required key or
// YAML syntax error is reported with its file:line:column, so that `check-config` lists them
// all. A configuration with problems is never half-applied: `config` is then empty.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "config/keys.hpp"
#include "text/message.hpp"

namespace edusync::config {

struct Safety {
  double max_departure_ratio = 0;
  int grace_days = 0;
  int login_reuse_days = 0;
};

struct UidRange {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

// Policies are kept as their configuration names ("nomp8", "random8"); the identity stage maps
// them to its generators. They are always one of the choices of the key table.
struct Identity {
  std::string login_policy;
  std::string password_policy;
  int password_retention_days = 0;
  UidRange uid_range;
};

struct Diff {
  double rename_similarity = 0;
};

// Timetable exports (docs/timetables.md).
struct Timetable {
  // PEM private key of the ENT partner, which opens Index Éducation's encrypted container.
  // Read only when such a container is in the inbox.
  std::filesystem::path partner_key_file;
  // Whose members a group the timetable knows gets: "timetable", "siecle" or "union".
  std::string memberships = "timetable";
  // A timetable export older than the SIECLE export by more than this is reported.
  int stale_after_days = 30;
};

struct Report {
  std::string language;  // "fr" or "en"
  // Retention of the report directories (run/retention.hpp): a directory is removed once it is
  // neither among the last keep_runs runs nor younger than keep_days days.
  int keep_runs = 30;
  int keep_days = 90;
};

// One item of `connectors`. Every key of its type's table is present once loaded (the file's
// value or the default), so the accessors only throw (std::logic_error) for a key the type
// does not declare or asks with the wrong accessor: a programming error.
struct ConnectorConfig {
  std::string name;
  std::string type;
  std::map<std::string, Value> keys;  // by path relative to the item, e.g. "path"
  SourceLocation where;               // the item in the file, for errors found later

  const std::string& string(const std::string& key) const;
  std::filesystem::path path(
      const std::string& key) const;  // also *_file secrets (never read here)
  std::int64_t integer(const std::string& key) const;
  double number(const std::string& key) const;
  bool boolean(const std::string& key) const;
};

struct Config {
  std::vector<std::string> uais;  // at least one, no duplicates
  std::string school_name;
  std::filesystem::path state_dir;
  std::filesystem::path inbox;
  std::vector<ScheduleSlot> schedule;  // the scheduled runs, local time; empty: none
  Safety safety;
  Identity identity;
  Diff diff;
  Timetable timetable;
  Report report;
  std::filesystem::path control_socket;  // `edusync daemon`'s control socket
  // The group that may use the control socket besides root and the service user; empty: none.
  std::string control_group;
  std::vector<ConnectorConfig> connectors;  // names unique
};

struct ConfigProblem {
  SourceLocation where;   // 1-based line and column; 0 when the problem has no place (no file)
  text::Message message;  // rendered in the reader's language (text/catalogue_configs.cpp)
};

struct LoadResult {
  std::optional<Config> config;         // set only when there is no problem
  std::vector<ConfigProblem> problems;  // in file order
  // report.language as the file gives it ("fr" or "en"), read first and kept even when other
  // keys have problems, so that they are told in that language; empty when the file does not
  // say (or is not YAML).
  std::string language;
  bool ok() const { return problems.empty(); }
};

// `tables`: the key table of every known connector type (connectors::Registry::key_tables()).
LoadResult load_config(const std::string& path, const ConnectorTables& tables);
// `display_name` stands for the file name in the problems' locations.
LoadResult load_config_from_string(std::string_view text, const std::string& display_name,
                                   const ConnectorTables& tables);

// "file:line:column: message", the message in `language` (fr or en).
std::string format_problem(const ConfigProblem& problem, std::string_view language = "fr");

// The `control_socket` key of the file alone, read even when other keys have problems; none
// when the file is unreadable, not YAML, or does not set it.
std::optional<std::filesystem::path> read_control_socket(const std::filesystem::path& path);

// The `report.language` key of the file alone ("fr" or "en"), best effort in the same way: none
// when the file is unreadable, not YAML, does not set it or sets another value.
std::optional<std::string> read_report_language(const std::filesystem::path& path);

}  // namespace edusync::config
