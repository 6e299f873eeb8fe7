#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors::files {

// `type: elea-csv` (elea_target.hpp).
ConnectorType elea_type();

}  // namespace edusync::connectors::files
