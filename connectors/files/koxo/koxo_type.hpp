#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors::files {

// `type: koxo-csv` (koxo_target.hpp).
ConnectorType koxo_type();

}  // namespace edusync::connectors::files
