#pragma once
// Helpers shared by the user and group halves of reconcile().
#include <string>
#include <vector>

#include "connectors/ldap_sambaedu/reconcile.hpp"

namespace edusync::connectors::ldap::detail {

// The values of `name` in `actual` (lower-cased attribute names).
const Values& actual_values(const Entry& actual, const std::string& name);
bool same_values(const Values& a, const Values& b);
// Values of `wanted` missing from `have`, ignoring case (objectClass, memberUid…).
Values missing_ignoring_case(const Values& wanted, const Values& have);
std::string join(const Values& values);

// Modifications bringing `actual` to `wanted` for the attributes `wanted` names: object classes
// added when missing (never removed), other attributes replaced when they differ. Attributes in
// `skip` (the RDN, members) are left to the caller.
std::vector<Modification> modifications(const Entry& actual, const Attributes& wanted,
                                        const std::vector<std::string>& skip);

Operation add_operation(const std::string& dn, const Attributes& attributes);
Operation modify_operation(const std::string& dn, std::vector<Modification> modifications);
Operation rename_operation(const std::string& dn, const std::string& new_rdn,
                           const std::string& new_superior);
Operation remove_operation(const std::string& dn);

void reconcile_users(const ReconcileInput& input, Work& work);
void reconcile_groups(const ReconcileInput& input, Work& work);

}  // namespace edusync::connectors::ldap::detail
