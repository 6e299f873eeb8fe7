#pragma once
// Internal to the config library: checking one YAML map against a key table, collecting every
// problem rather than stopping at the first.
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/keys.hpp"

namespace edusync::config {

// Problems of one file; yaml-cpp's 0-based marks become 1-based lines and columns.
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(const YAML::Mark& mark, text::Message message);
  SourceLocation location(const YAML::Mark& mark) const;
  bool empty() const { return problems_.empty(); }
  // Sorted by line and column, the order in which an admin fixes them.
  std::vector<ConfigProblem> take();

 private:
  std::string file_;
  std::vector<ConfigProblem> problems_;
};

struct Walked {
  // Every key of the table whose value is valid: the file's, else the default.
  std::map<std::string, Value> values;
  // Where the values given in the file are, for checks across keys.
  std::map<std::string, YAML::Mark> marks;
  // The kConnectorList keys: the file's sequence, else the default's.
  std::map<std::string, YAML::Node> lists;
};

struct WalkOptions {
  std::string prefix;          // names the map in messages: "" or "connectors[2]"
  bool report_unknown = true;  // false when the table is known to be incomplete
};

// Checks `map` (a map, or null for an empty one) against `table`, whose dotted paths are
// nested maps. Unknown keys, repeated keys, wrong types, values out of range and missing
// required keys each add a problem; absent optional keys get their default.
Walked walk(const YAML::Node& map, const std::vector<KeySpec>& table, const WalkOptions& options,
            Problems& problems);

}  // namespace edusync::config
