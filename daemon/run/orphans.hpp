#pragma once
// Orphan accounts (run/adoption.hpp: import-made accounts of a target that nobody in the
// exports or the state matches) made leavers of the desired state: each gets an identity
// "orphelin:<login>" with the account's login and uid number, departed today, and a record in
// the desired state built from what the target holds (cn split into given name and surname,
// the employeeNumber as ELENOET or STS id), departed today. From then on they follow the
// leavers' rules (run/accounts.hpp): disabled and out of their classes and groups now, removed
// (SambaEdu: moved to ou=Trash) after safety.grace_days. The run that finds them is held first
// (ORPHAN_ACCOUNTS); they are stored only by a run that goes on (confirmed), like everything else.
#include <string>
#include <vector>

#include "run/accounts.hpp"
#include "run/adoption.hpp"

namespace edusync::run {

void depart_orphans(const std::vector<OrphanAccount>& orphans, const std::string& uai,
                    const std::string& today, AccountOutcome& accounts);

}  // namespace edusync::run
