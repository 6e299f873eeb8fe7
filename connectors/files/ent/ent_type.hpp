#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors::files {

// `type: ent-csv` (ent_target.hpp).
ConnectorType ent_type();

}  // namespace edusync::connectors::files
