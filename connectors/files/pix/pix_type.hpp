#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors::files {

// `type: pix-orga` (pix_target.hpp).
ConnectorType pix_type();

}  // namespace edusync::connectors::files
