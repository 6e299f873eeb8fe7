#include "run/accounts.hpp"

#include <algorithm>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "common/dates.hpp"
#include "identity/number_allocator.hpp"

namespace edusync::run {
namespace {

// Lets the login set be searched with a string_view, without making a string per probe.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

std::vector<std::string> split_aliases(const std::string& aliases) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < aliases.size()) {
    const auto comma = aliases.find(',', start);
    const auto end = comma == std::string::npos ? aliases.size() : comma;
    if (end > start) out.push_back(aliases.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

using NumberSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;

// INEs carried by more than one current pupil (a record copied in SIECLE): they identify
// nobody, so they are never an alias (the assemble stage reports them as DUPLICATE_INE).
NumberSet shared_ines(const std::vector<model::Pupil>& pupils) {
  NumberSet seen, shared;
  for (const auto& pupil : pupils) {
    for (const auto& ine : pupil.ines) {
      if (!seen.insert(ine).second) shared.insert(ine);
    }
  }
  return shared;
}

// The identifiers by which a pupil may come back under another key: the (UAI, ELEVE_ID) pair
// (ELEVE_ID alone repeats between schools) and every INE that is the pupil's own.
std::string aliases_of(const model::Pupil& pupil, const NumberSet& shared) {
  std::string aliases = "eleve:" + pupil.uai + ":" + pupil.eleve_id;
  for (const auto& ine : pupil.ines) {
    if (!shared.contains(ine)) aliases += "," + ine;
  }
  return aliases;
}

std::string without_leading_zeros(const std::string& number) {
  return number.substr(std::min(number.find_first_not_of('0'), number.size()));
}

class AccountBuilder {
 public:
  AccountBuilder(std::vector<state::Identity> identities, const AccountSettings& settings,
                 std::string today, const Reservations& reserved)
      : identities_(std::move(identities)),
        settings_(settings),
        today_(std::move(today)),
        reserved_(reserved) {
    for (std::size_t i = 0; i < identities_.size(); ++i) {
      by_key_.emplace(identities_[i].key, i);
      for (auto& alias : split_aliases(identities_[i].aliases))
        by_alias_.emplace(std::move(alias), i);
    }
  }

  AccountOutcome run(model::Directory current, const model::Directory* previous);

 private:
  void release_old_logins();
  void rekey_pupils(model::Directory& directory);
  template <typename Person>
  void attach(Person& person, state::PersonKind kind, std::string aliases);
  void allocate(model::Account& account, state::Identity& identity, const std::string& surname,
                const std::string& given_name, const std::string& birth_date);
  void add_departed(const model::Directory* previous, model::Directory& desired);
  void keep_elenoets_apart(std::vector<model::Pupil>& pupils) const;
  void mark_changed(std::size_t index) { changed_.insert(index); }

  std::vector<state::Identity> identities_;
  const AccountSettings& settings_;
  std::string today_;
  const Reservations& reserved_;
  std::unordered_map<std::string, std::size_t> by_key_;
  std::unordered_map<std::string, std::size_t> by_alias_;
  std::unordered_set<std::size_t> changed_;
  std::unordered_set<std::string> present_;
  std::unordered_set<std::string, TransparentHash, std::equal_to<>> logins_;
  identity::CollisionHints collision_hints_;
  NumberSet shared_ines_;
  std::optional<identity::NumberAllocator> uids_;
  AccountOutcome outcome_;
};

void AccountBuilder::release_old_logins() {
  for (std::size_t i = 0; i < identities_.size(); ++i) {
    auto& identity = identities_[i];
    if (!identity.removed.empty() && !identity.login.empty() &&
        days_between(identity.removed, today_) >= settings_.login_reuse_days) {
      identity.login.clear();
      mark_changed(i);
    }
    if (!identity.login.empty()) logins_.insert(identity.login);
  }
  logins_.insert(reserved_.logins.begin(), reserved_.logins.end());
  std::vector<std::uint32_t> held = reserved_.uid_numbers;
  for (const auto& identity : identities_) {
    if (identity.uid_number != 0) held.push_back(identity.uid_number);
  }
  uids_.emplace(settings_.uid_first, settings_.uid_last, std::move(held));
}

// A pupil known under an alias takes the stored key back; links follow the new key.
void AccountBuilder::rekey_pupils(model::Directory& directory) {
  std::unordered_map<std::string, std::string> renamed;
  std::unordered_set<std::string> taken;
  for (const auto& pupil : directory.pupils) taken.insert(pupil.key);
  for (auto& pupil : directory.pupils) {
    if (by_key_.contains(pupil.key)) continue;
    for (const auto& alias : split_aliases(aliases_of(pupil, shared_ines_))) {
      const auto found = by_alias_.find(alias);
      if (found == by_alias_.end()) continue;
      const std::string& stored = identities_[found->second].key;
      if (taken.contains(stored)) continue;  // the stored key belongs to someone present
      renamed.emplace(pupil.key, stored);
      taken.insert(stored);
      pupil.key = stored;
      break;
    }
  }
  if (renamed.empty()) return;
  for (auto& m : directory.memberships) {
    if (auto found = renamed.find(m.pupil_key); found != renamed.end()) m.pupil_key = found->second;
  }
  for (auto* contacts : {&directory.guardians, &directory.other_contacts}) {
    for (auto& contact : *contacts) {
      for (auto& link : contact.pupils) {
        if (auto found = renamed.find(link.pupil_key); found != renamed.end())
          link.pupil_key = found->second;
      }
    }
  }
}

void AccountBuilder::allocate(model::Account& account, state::Identity& identity,
                              const std::string& surname, const std::string& given_name,
                              const std::string& birth_date) {
  if (identity.login.empty()) {
    const auto login = identity::allocate_login(
        settings_.login_policy, surname, given_name,
        [&](std::string_view name) { return logins_.contains(name); }, collision_hints_);
    if (login.ok()) {
      identity.login = login.login;
      logins_.insert(login.login);
      const auto password = identity::initial_password(settings_.password_policy, birth_date);
      outcome_.new_passwords.emplace_back(identity.key, password.value);
    } else {
      outcome_.warnings.push_back(
          {identity::to_code(*login.error), login.message, {identity.key}, {}});
    }
  }
  // A person who got no login gets no account: no uid number is used up for nothing.
  if (identity.uid_number == 0 && !identity.login.empty()) {
    if (const auto uid = uids_->next()) {
      identity.uid_number = *uid;
    } else {
      outcome_.warnings.push_back(
          {"UID_RANGE_EXHAUSTED",
           text::message("accounts.uid_range_exhausted",
                         {text::arg("first", std::to_string(settings_.uid_first)),
                          text::arg("last", std::to_string(settings_.uid_last))}),
           {identity.key},
           {}});
    }
  }
  account.login = identity.login;
  account.uid_number = identity.uid_number;
}

template <typename Person>
void AccountBuilder::attach(Person& person, state::PersonKind kind, std::string aliases) {
  present_.insert(person.key);
  auto [found, inserted] = by_key_.try_emplace(person.key, identities_.size());
  if (inserted) identities_.push_back({person.key, kind, "", 0, today_, "", "", ""});
  const std::size_t index = found->second;
  auto& identity = identities_[index];
  const bool before_changes =
      !identity.departed.empty() || !identity.removed.empty() || identity.aliases != aliases;
  if (inserted || before_changes) mark_changed(index);
  identity.departed.clear();
  identity.removed.clear();
  identity.aliases = std::move(aliases);
  if constexpr (!std::is_same_v<Person, model::Contact>) {
    const bool needs_account = identity.login.empty() || identity.uid_number == 0;
    if (needs_account) {
      mark_changed(index);
      std::string birth_date = person.birth_date;
      allocate(person.account, identity, person.surname, person.given_name, birth_date);
    } else {
      person.account = {identity.login, identity.uid_number};
    }
  }
}

// Persons absent from the exports: departed (kept with their last record) until the grace
// period ends, then removed (uid number freed, login held for login_reuse_days).
void AccountBuilder::add_departed(const model::Directory* previous, model::Directory& desired) {
  std::unordered_map<std::string_view, const model::Pupil*> old_pupils;
  std::unordered_map<std::string_view, const model::Contact*> old_guardians;
  std::unordered_map<std::string_view, const model::Staff*> old_staff;
  if (previous != nullptr) {
    for (const auto& p : previous->pupils) old_pupils.emplace(p.key, &p);
    for (const auto& c : previous->guardians) old_guardians.emplace(c.key, &c);
    for (const auto& s : previous->staff) old_staff.emplace(s.key, &s);
  }
  for (std::size_t i = 0; i < identities_.size(); ++i) {
    auto& identity = identities_[i];
    if (!identity.removed.empty() || present_.contains(identity.key)) continue;
    if (identity.departed.empty()) {
      identity.departed = today_;
      mark_changed(i);
    }
    if (days_between(identity.departed, today_) >= settings_.grace_days) {
      identity.removed = today_;
      identity.uid_number = 0;
      mark_changed(i);
      continue;
    }
    auto keep = [&](auto& from, auto& into) {
      const auto found = from.find(identity.key);
      if (found == from.end()) return;
      into.push_back(*found->second);
      into.back().departed_on = identity.departed;
    };
    if (identity.kind == state::PersonKind::pupil) keep(old_pupils, desired.pupils);
    if (identity.kind == state::PersonKind::guardian) keep(old_guardians, desired.guardians);
    if (identity.kind == state::PersonKind::staff) keep(old_staff, desired.staff);
  }
}

// Two current pupils of one school with the same ELENOET (reported as DUPLICATE_ELENOET) must
// stay two people in every target that matches on it (KOXO's IdentifiantUnique, SambaEdu's
// employeeNumber, adoption). The number stays with one of them only, the genuine holder as far
// as edusync can tell: the pupil known the longest (earliest identity: a copied record is a
// new arrival), and among pupils first seen the same day the smallest ELEVE_ID (SIECLE numbers
// records as they are created: a copy comes after its model). The others lose it until SIECLE
// is corrected. A pure function of the stored identities and the exports, so that a recomputed
// run decides the same.
void AccountBuilder::keep_elenoets_apart(std::vector<model::Pupil>& pupils) const {
  std::unordered_map<std::string, std::size_t> first_with;  // "<UAI>|<number>" -> first holder
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_number;  // only numbers held twice
  first_with.reserve(pupils.size());
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    if (pupils[i].elenoet.empty()) continue;
    const auto [first, inserted] =
        first_with.try_emplace(pupils[i].uai + "|" + without_leading_zeros(pupils[i].elenoet), i);
    if (inserted) continue;
    auto& holders = by_number[first->second];
    if (holders.empty()) holders.push_back(first->second);
    holders.push_back(i);
  }
  first_with.clear();
  auto seniority = [&](std::size_t i) {
    const auto& id = pupils[i].eleve_id;
    return std::make_tuple(std::cref(identities_[by_key_.at(pupils[i].key)].created), id.size(),
                           std::cref(id));
  };
  for (auto& [first, holders] : by_number) {
    std::sort(holders.begin(), holders.end(),
              [&](std::size_t a, std::size_t b) { return seniority(a) < seniority(b); });
    for (std::size_t k = 1; k < holders.size(); ++k) pupils[holders[k]].elenoet.clear();
  }
}

AccountOutcome AccountBuilder::run(model::Directory current, const model::Directory* previous) {
  release_old_logins();
  shared_ines_ = shared_ines(current.pupils);
  rekey_pupils(current);
  for (auto& pupil : current.pupils)
    attach(pupil, state::PersonKind::pupil, aliases_of(pupil, shared_ines_));
  for (auto& guardian : current.guardians) attach(guardian, state::PersonKind::guardian, "");
  for (auto& staff : current.staff) attach(staff, state::PersonKind::staff, "");
  keep_elenoets_apart(current.pupils);
  add_departed(previous, current);
  auto by_key = [](const auto& a, const auto& b) { return a.key < b.key; };
  std::sort(current.pupils.begin(), current.pupils.end(), by_key);
  std::sort(current.guardians.begin(), current.guardians.end(), by_key);
  std::sort(current.staff.begin(), current.staff.end(), by_key);
  std::vector<std::size_t> order(changed_.begin(), changed_.end());
  std::sort(order.begin(), order.end());
  for (std::size_t index : order) outcome_.changed.push_back(identities_[index]);
  if (!outcome_.new_passwords.empty() && identity::is_guessable(settings_.password_policy)) {
    outcome_.warnings.push_back(
        {"GUESSABLE_PASSWORD", text::message("accounts.guessable_password"), {}, {}});
  }
  outcome_.desired = std::move(current);
  return std::move(outcome_);
}

}  // namespace

AccountOutcome build_desired_state(model::Directory current, const model::Directory* previous,
                                   std::vector<state::Identity> identities,
                                   const AccountSettings& settings, const std::string& today,
                                   const Reservations& reserved) {
  return AccountBuilder(std::move(identities), settings, today, reserved)
      .run(std::move(current), previous);
}

}  // namespace edusync::run
