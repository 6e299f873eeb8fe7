#pragma once
#include <vector>

#include "connectors/ldap_sambaedu/desired.hpp"

namespace edusync::connectors::ldap {

// One entry per pupil and staff member holding a login and a uid number, departed ones
// included (disabled: sambaAcctFlags "[UD         ]").
std::vector<DesiredUser> desired_users(const model::Directory& directory, const Layout& layout);

}  // namespace edusync::connectors::ldap
