#pragma once
// Logins (LDAP uid) following SambaEdu's creer_uid (docs/output.md §1.3), without storage:
// the state store asks, passing a predicate that knows which logins are already held.
//
// Logins are forever (README.md): a person's login is computed once, stored with their key, and
// never recomputed, even when the name is corrected or the policy changes. assign_login() is the
// entry point that enforces it; allocate_login() is only for keys that have no login yet.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/message.hpp"

namespace edusync::identity {

// SambaEdu's uidPolicy 0..5, under the names of the configuration key identity.login_policy.
enum class LoginPolicy : std::uint8_t {
  prenom_nom,    // "prenom.nom"    uidPolicy 0: given.surname, no truncation
  prenom_nom19,  // "prenom.nom19"  uidPolicy 1: given.surname, 19 characters
  pnom19,        // "pnom19"        uidPolicy 2: initial + surname, 19 characters
  pnom8,         // "pnom8"         uidPolicy 3: initial + surname, 8 characters
  nomp8,         // "nomp8"         uidPolicy 4, the default: 7 of the surname + initial
  nomprenom18,   // "nomprenom18"   uidPolicy 5: surname + given, 18 characters
};
inline constexpr LoginPolicy kDefaultLoginPolicy = LoginPolicy::nomp8;

// "nomp8", "prenom.nom", "prenom.nom19", "pnom19", "pnom8", "nomprenom18" (exact, lower case).
std::optional<LoginPolicy> parse_login_policy(std::string_view name);
const char* to_string(LoginPolicy policy);
// Longest login the policy makes, collision counters included; 0 when unlimited (prenom.nom).
std::size_t max_login_length(LoginPolicy policy);

enum class LoginError : std::uint8_t {
  empty_name,            // nothing usable is left of the surname after folding
  no_leading_letter,     // the login would not start with a letter (prenom.nom, no given name)
  collisions_exhausted,  // the stem and its 98 variants are all held or reserved
};
// Stable code for the run report: "LOGIN_EMPTY_NAME", "LOGIN_NO_LEADING_LETTER",
// "LOGIN_COLLISIONS_EXHAUSTED".
const char* to_code(LoginError error);

// A login, or why there is none. Exactly one of `login` and `error` is set.
struct LoginResult {
  std::string login;
  std::optional<LoginError> error;
  text::Message message;  // on error: for the operator, quoting the name as given

  bool ok() const { return !error.has_value(); }
};

// The login a person would get if it were free ("stem"), before collision handling:
//  - the first given name only: the folded given names are split on white space and the first
//    token kept. A hyphenated name is one token and keeps its hyphen, as in SambaEdu whose
//    alphabet is [a-z_.-]: "Jean-Baptiste" -> "jean-baptiste" (prenom.nom), initial "j";
//  - each part folded (fold_to_ascii), white space (runs collapsed) and apostrophes -> '_',
//    every character outside [a-z_.-] removed (digits included), then, unlike SambaEdu,
//    characters before the first letter dropped ("'t Hooft" -> "t_hooft"; SambaEdu refuses
//    it) and trailing '_' dropped;
//  - the policy's pattern, truncated to its length. Parts are cleaned before truncating, so a
//    dropped character never shortens the login (SambaEdu truncates first);
//  - trailing '_' removed (SambaEdu: Windows 7 logon issue) and also trailing '.' (Windows
//    drops a trailing dot from folder names, so the home folder would not match the login).
// Errors: empty_name when the surname has no letter; no_leading_letter when the result does
// not start with a letter (prenom.nom without given name: ".dupont").
LoginResult login_stem(LoginPolicy policy, std::string_view surname, std::string_view given_names);

// Collision candidates (SambaEdu): counter 2..99 *replaces* the last digits-count characters
// of the stem, so that the length is kept: "dupontj" -> "dupont2" ... "dupont9", "dupon10" ...
// "dupon99". Stems shorter than the policy's length are treated the same way (SambaEdu does:
// "li" -> "l2"), except that the first character is always kept so that the login still
// starts with a letter ("a" -> "a2", "ab" -> "a10"). Counters outside 2..99 return the stem.
std::string collision_candidate(std::string_view stem, int counter);
inline constexpr int kMaxCollisionCounter = 99;

// Whether a login is held: in use by an account (present or departed), or reserved for reuse
// (removed less than login_reuse_days ago, README.md). It must answer case-insensitively, as
// LDAP matches uid (candidates are always lower case, so a store of lower-case logins can
// compare exactly). It may add operator-reserved names of its own.
using LoginTaken = std::function<bool(std::string_view login)>;

// Chooses a login for a person who has none yet: the stem, else the collision candidates in
// order; a candidate that is reserved (is_reserved_login) or taken is skipped, never returned.
// Unlike SambaEdu, a login held by a departed account is skipped too rather than being an
// error: the reuse delay is the store's business. To allocate several logins in one
// transaction, record each one before asking for the next (so `taken` sees it), and take the
// people in a stable order (e.g. by key) so that a re-run gives the same logins.
LoginResult allocate_login(LoginPolicy policy, std::string_view surname,
                           std::string_view given_names, const LoginTaken& taken);

// The same, for many allocations in a row: `first_free` remembers, per stem, the first
// collision counter not known to be taken, so that the n-th homonym costs one probe instead of
// n (academies have hundreds of "lucas.martin"). Valid only while `taken` never frees a login
// between calls, which holds within one run.
using CollisionHints = std::unordered_map<std::string, int>;
LoginResult allocate_login(LoginPolicy policy, std::string_view surname,
                           std::string_view given_names, const LoginTaken& taken,
                           CollisionHints& first_free);

// The login of a key: `stored_login` unchanged when the key has one (whatever the name, the
// policy or the reserved list say today), else a new one from allocate_login. The caller
// stores a new login in the same transaction as the account.
LoginResult assign_login(const std::optional<std::string>& stored_login, LoginPolicy policy,
                         std::string_view surname, std::string_view given_names,
                         const LoginTaken& taken);

// Names never allocated, compared case-insensitively and exactly (no "con.txt" variants):
//  - SambaEdu shares and special accounts: prof, progs, docs, classes, homes, admhomes,
//    netlogon, profiles, admse3, adminse3, unattend;
//  - SambaEdu's built-in groups (Samba does not allow a user and a group of the same name):
//    admins, eleves, profs, administratifs, overfill, machines, lcs-users;
//  - system and service accounts: root, admin, administrateur, administrator, www-data,
//    nobody, ldap, samba, guest, invite;
//  - Windows device names: con, prn, aux, nul, com1..com9, lpt1..lpt9.
bool is_reserved_login(std::string_view login);
std::span<const std::string_view> reserved_logins();

}  // namespace edusync::identity
