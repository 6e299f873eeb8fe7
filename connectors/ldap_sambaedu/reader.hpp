#pragma once
#include "connectors/ldap_sambaedu/reconcile.hpp"

namespace edusync::connectors::ldap {

// Reads the managed subtree (ou=People, ou=Groups, ou=Trash, the sambaDomain entry) with paged
// searches. Fills layout.domain_sid from the sambaDomain entry when the configuration left it
// out. Throws LdapError, or std::runtime_error when the base DN is missing or no domain SID is
// known.
Snapshot read_snapshot(Session& session, Layout& layout);

}  // namespace edusync::connectors::ldap
