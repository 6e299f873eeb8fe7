#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors {

// `type: journal` (journal_connector.hpp).
ConnectorType journal_type();

}  // namespace edusync::connectors
