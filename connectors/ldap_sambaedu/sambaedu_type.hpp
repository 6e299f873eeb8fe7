#pragma once
#include "connectors/registry.hpp"

namespace edusync::connectors {

// `type: ldap-sambaedu` (sambaedu_connector.hpp).
ConnectorType ldap_sambaedu_type();

}  // namespace edusync::connectors
