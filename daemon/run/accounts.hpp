#pragma once
// The identity stage of a run: from the directory built from the exports and the identities
// stored by earlier runs, the desired state every target should reach.
//  - Keys are stable: a pupil who comes back under another key (first seen without INE, INE
//    given since) is recognised by an alias (ELEVE_ID per school, every INE no other current
//    pupil carries) and keeps the key, hence the login, of the stored identity.
//  - New pupils and staff get a login (identity.login_policy), a uid number from the range and
//    an initial password; stored logins are never recomputed. A person who can get no login
//    gets no uid number either.
//  - An ELENOET two current pupils of one school carry stays with one of them only (the
//    earliest identity, else the smallest ELEVE_ID): targets match on it.
//  - A person absent from the exports departs (date recorded, kept with their last record,
//    out of every class and group) and is removed after safety.grace_days; present again
//    within that time, they return with the same login and uid number.
//  - A removed login stays held for safety.login_reuse_days, then is released.
// Pure function of its arguments; the caller stores `changed` and `new_passwords` in one
// transaction with the snapshot.
#include <string>
#include <utility>
#include <vector>

#include "identity/login.hpp"
#include "identity/password.hpp"
#include "model/directory.hpp"
#include "model/warning.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

struct AccountSettings {
  identity::LoginPolicy login_policy = identity::LoginPolicy::nomp8;
  identity::PasswordPolicy password_policy = identity::PasswordPolicy::random8;
  std::uint32_t uid_first = 1001;
  std::uint32_t uid_last = 4999;
  int grace_days = 30;
  int login_reuse_days = 365;
};

// Logins and uid numbers held by accounts edusync does not manage (a target's accounts made
// before it, run/adoption.hpp): never given to a new person, never stored.
struct Reservations {
  std::vector<std::string> logins;
  std::vector<std::uint32_t> uid_numbers;
};

struct AccountOutcome {
  model::Directory desired;
  std::vector<state::Identity> changed;                            // new or modified identities
  std::vector<std::pair<std::string, std::string>> new_passwords;  // key, clear initial password
  std::vector<model::Warning> warnings;
};

AccountOutcome build_desired_state(model::Directory current, const model::Directory* previous,
                                   std::vector<state::Identity> identities,
                                   const AccountSettings& settings, const std::string& today,
                                   const Reservations& reserved = {});

}  // namespace edusync::run
