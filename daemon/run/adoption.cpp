#include "run/adoption.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "common/ascii_fold.hpp"
#include "connectors/error.hpp"

namespace edusync::run {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

using connectors::AccountNumber;

class Matcher {
 public:
  explicit Matcher(const std::vector<connectors::ExistingAccount>& accounts) {
    std::map<AccountNumber, int> holders;  // a number two accounts carry identifies neither alone
    for (const auto& account : accounts) {
      if (numbered(account)) ++holders[account.number];
    }
    for (const bool trash : {false, true}) {
      for (const auto& account : accounts) {
        if (account.in_trash != trash || account.login.empty() || account.uid_number == 0) continue;
        const bool shared = numbered(account) && holders[account.number] > 1;
        if (numbered(account)) by_number_[account.number].push_back(&account);
        if (shared) shared_numbers_.insert(account.number);
        if ((account.employee_number.empty() || shared) && !trash) {
          by_name_[lower(account.full_name)].push_back(&account);
          by_folded_name_[fold_to_ascii(account.full_name)].push_back(&account);
        }
      }
    }
  }

  // `shared`: another current pupil has the same number (a copied record, DUPLICATE_ELENOET).
  // A number held twice, here or in the directory, matches only an account of the same name.
  const connectors::ExistingAccount* find(const AccountNumber& number, const std::string& full_name,
                                          bool shared = false) const {
    if (!number.value.empty()) {
      const auto found = by_number_.find(number);
      if (found != by_number_.end() && !shared && !shared_numbers_.contains(number)) {
        return found->second.front();
      }
      if (found != by_number_.end()) {
        for (const auto* account : found->second) {
          if (lower(account->full_name) == lower(full_name) ||
              fold_to_ascii(account->full_name) == fold_to_ascii(full_name)) {
            return account;
          }
        }
      }
    }
    if (const auto* hit = unique(by_name_, lower(full_name))) return hit;
    return unique(by_folded_name_, fold_to_ascii(full_name));
  }

 private:
  using Index = std::map<std::string, std::vector<const connectors::ExistingAccount*>>;
  static bool numbered(const connectors::ExistingAccount& account) {
    return account.number.kind != AccountNumber::Kind::none && !account.number.value.empty();
  }
  static const connectors::ExistingAccount* unique(const Index& index, const std::string& key) {
    const auto found = index.find(key);
    return found != index.end() && found->second.size() == 1 ? found->second.front() : nullptr;
  }
  std::map<AccountNumber, std::vector<const connectors::ExistingAccount*>>
      by_number_;  // People first
  std::set<AccountNumber> shared_numbers_;
  Index by_name_;
  Index by_folded_name_;
};

class Adopter {
 public:
  Adopter(const std::vector<state::Identity>& known, const std::string& today) : today_(today) {
    for (const auto& identity : known) {
      keys_.insert(identity.key);
      if (!identity.login.empty()) logins_.insert(identity.login);
      if (identity.uid_number != 0) numbers_.insert(identity.uid_number);
    }
  }

  // Holds the logins and uid numbers of the accounts nobody known or adopted holds (see
  // Adoption::reserved).
  void reserve(const std::vector<connectors::ExistingAccount>& accounts) {
    for (const auto& account : accounts) {
      // A login already known (a removed person's, in the Trash) may still hold a number the
      // identity stage has freed: the number alone is then held.
      if (!account.login.empty() && logins_.insert(account.login).second)
        reserved.logins.push_back(account.login);
      if (account.uid_number != 0 && numbers_.insert(account.uid_number).second)
        reserved.uid_numbers.push_back(account.uid_number);
    }
  }

  void adopt(const std::vector<connectors::ExistingAccount>& accounts,
             const model::Directory& current) {
    const Matcher matcher(accounts);
    std::map<AccountNumber, int> pupils_with;
    for (const auto& p : current.pupils) ++pupils_with[AccountNumber::pupil(p.elenoet)];
    for (const auto& p : current.pupils) {
      const auto number = AccountNumber::pupil(p.elenoet);
      take(matcher.find(number, p.given_name + " " + p.surname, pupils_with[number] > 1), p.key,
           state::PersonKind::pupil);
    }
    for (const auto& s : current.staff) {
      take(matcher.find(AccountNumber::staff(s.sts_id), s.given_name + " " + s.surname), s.key,
           state::PersonKind::staff);
    }
  }

  std::vector<state::Identity> adopted;
  Reservations reserved;

 private:
  void take(const connectors::ExistingAccount* account, const std::string& key,
            state::PersonKind kind) {
    if (account == nullptr || keys_.contains(key) || logins_.contains(account->login) ||
        numbers_.contains(account->uid_number)) {
      return;
    }
    keys_.insert(key);
    logins_.insert(account->login);
    numbers_.insert(account->uid_number);
    state::Identity identity;
    identity.key = key;
    identity.kind = kind;
    identity.login = account->login;
    identity.uid_number = account->uid_number;
    identity.created = today_;
    adopted.push_back(std::move(identity));
  }

  std::string today_;
  std::set<std::string> keys_;
  std::set<std::string> logins_;
  std::set<std::uint32_t> numbers_;
};

// The People accounts whose number an import wrote (AccountNumber kind pupil or staff) and
// whose login and uid number nobody holds.
void find_orphans(const std::string& connector,
                  const std::vector<connectors::ExistingAccount>& accounts,
                  std::set<std::string>& logins, std::set<std::uint32_t>& numbers,
                  std::vector<OrphanAccount>& orphans) {
  for (const auto& account : accounts) {
    if (account.in_trash || account.login.empty() || account.uid_number == 0 ||
        account.number.kind == connectors::AccountNumber::Kind::none ||
        logins.contains(account.login) || numbers.contains(account.uid_number)) {
      continue;
    }
    logins.insert(account.login);
    numbers.insert(account.uid_number);
    orphans.push_back({connector, account.login, account.uid_number, account.employee_number,
                       account.full_name, account.number, account.given_name, account.surname});
  }
}

}  // namespace

// A removed identity has lost its uid number (accounts.cpp); its account, still in the target
// under its login, has it.
void restore_numbers(const std::vector<connectors::ExistingAccount>& accounts,
                     std::vector<state::Identity>& known) {
  std::map<std::string, std::uint32_t> by_login;
  for (const auto& account : accounts) by_login.emplace(account.login, account.uid_number);
  std::set<std::uint32_t> held;
  for (const auto& identity : known) held.insert(identity.uid_number);
  for (auto& identity : known) {
    if (identity.removed.empty() || identity.uid_number != 0 || identity.login.empty()) continue;
    const auto found = by_login.find(identity.login);
    if (found == by_login.end() || found->second == 0 || held.contains(found->second)) continue;
    identity.uid_number = found->second;
    held.insert(found->second);
  }
}

Adoption adopt_existing_accounts(Targets& targets, state::StateStore& store,
                                 const model::Directory& current,
                                 std::vector<state::Identity>& known, const std::string& today,
                                 std::vector<model::Warning>& warnings) {
  std::vector<std::vector<connectors::ExistingAccount>> found;
  for (auto& target : targets.all()) {
    const auto unavailable = [&](text::Message why) {
      found.emplace_back();
      warnings.push_back(
          {"ADOPTION_UNAVAILABLE",
           text::message("adoption.unavailable", {text::arg("connector", target.config.name),
                                                  text::nested("error", std::move(why))}),
           {},
           {}});
    };
    if (!target.connector) {
      unavailable(target.error);
      continue;
    }
    try {
      found.push_back(target.connector->existing_accounts());
      restore_numbers(found.back(), known);
    } catch (const std::exception& error) {
      unavailable(connectors::message_of(error));
    }
  }
  Adopter adopter(known, today);
  std::vector<std::size_t> first_time;
  for (std::size_t i = 0; i < targets.all().size(); ++i) {
    const auto& name = targets.all()[i].config.name;
    if (!store.acknowledged(name)) {  // first time only
      adopter.adopt(found[i], current);
      first_time.push_back(i);
    }
    adopter.reserve(found[i]);
  }
  std::set<std::string> held_logins;
  std::set<std::uint32_t> held_numbers;
  for (const auto* identities : {&known, &adopter.adopted}) {
    for (const auto& identity : *identities) {
      if (!identity.login.empty()) held_logins.insert(identity.login);
      if (identity.uid_number != 0) held_numbers.insert(identity.uid_number);
    }
  }
  std::vector<OrphanAccount> orphans;
  for (const std::size_t i : first_time) {
    find_orphans(targets.all()[i].config.name, found[i], held_logins, held_numbers, orphans);
  }
  return {std::move(adopter.adopted), std::move(adopter.reserved), std::move(orphans)};
}

}  // namespace edusync::run
