#pragma once
// Internal to the config library: the items of `connectors`, each checked against the common
// keys (name, type) and the table of its type.
#include <yaml-cpp/yaml.h>

#include <vector>

#include "config/config.hpp"
#include "config/walk.hpp"

namespace edusync::config {

// `list` is a sequence (possibly empty). Items with problems are left out of the result.
std::vector<ConnectorConfig> load_connectors(const YAML::Node& list, const ConnectorTables& tables,
                                             Problems& problems);

}  // namespace edusync::config
