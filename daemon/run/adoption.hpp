#pragma once
// Adoption of the accounts a target held before edusync (SambaEdu 3 servers filled by
// SE3's own import). On a run where a connector has never been acknowledged, the persons with
// no stored identity who match one of its existing accounts take that account's login and uid
// number instead of new ones, so that nothing is created twice. Matching follows SE3's import
// (docs/output.md §1.7): the employeeNumber first (pupils: ELENOET as exported, zero-padded
// or not; staff: P<STS id>), accounts of People before those of the Trash; then, among accounts
// without employeeNumber, the exact cn "Prénom Nom" (ignoring case, then accents), when exactly
// one account matches. Accounts found only in the target are never touched (the connector
// reports them); on every run their logins and uid numbers are held (`reserved`) so that the
// identity stage never gives them to a new person.
// How a target writes those numbers is the connector's business: it hands each account's
// number over normalised (connectors::AccountNumber), and the rules above compare those.
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "model/directory.hpp"
#include "model/warning.hpp"
#include "run/accounts.hpp"
#include "run/targets.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

// An account of a target's People (not its Trash) that looks made by an import (its
// employeeNumber is a pupil's ELENOET or a staff member's P<STS id>) and that nobody matches:
// neither a person of the exports nor a stored identity. On a first run, or after the state was
// lost, these are most likely the persons who left meanwhile: the run is held (ORPHAN_ACCOUNTS,
// run/gates.hpp) and, once confirmed, they depart like any leaver (run/orphans.hpp). Accounts
// without employeeNumber (admin, hand-made ones) are never orphans: nothing says who they are.
struct OrphanAccount {
  std::string connector;
  std::string login;
  std::uint32_t uid_number = 0;
  std::string employee_number;  // as the target holds it, for the message
  std::string full_name;
  connectors::AccountNumber number;  // kind pupil or staff (the connector's reading)
  std::string given_name;            // for the departure record (run/orphans.hpp)
  std::string surname;
};

struct Adoption {
  std::vector<state::Identity> adopted;  // to store: persons who take an existing account
  Reservations reserved;  // logins and uid numbers of accounts nobody known or adopted holds
  std::vector<OrphanAccount> orphans;  // of the connectors never acknowledged, by login
};

// What to add to `known` before the identity stage. Also gives back, in `known`, to a removed
// person the uid number of the account still held under their login (SambaEdu: in the Trash),
// so that coming back restores the same uid and numbers. A target that cannot be read adds a
// warning (ADOPTION_UNAVAILABLE) and nothing else; its apply reports the failure.
Adoption adopt_existing_accounts(Targets& targets, state::StateStore& store,
                                 const model::Directory& current,
                                 std::vector<state::Identity>& known, const std::string& today,
                                 std::vector<model::Warning>& warnings);

}  // namespace edusync::run
