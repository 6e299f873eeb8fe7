// Accounts: created, corrected, moved to ou=Trash when removed, restored from it when back
// (docs/output.md §1.8). Passwords are written at creation only: a user's own change is
// never overwritten.
#include <algorithm>

#include "common/dates.hpp"
#include "connectors/ldap_sambaedu/existing_accounts.hpp"
#include "connectors/ldap_sambaedu/hashes.hpp"
#include "connectors/ldap_sambaedu/reconcile_internal.hpp"

namespace edusync::connectors::ldap::detail {
namespace {

const std::vector<std::string> kUserSkip = {"uid"};

class UserReconciler {
 public:
  UserReconciler(const ReconcileInput& input, Work& work) : in_(input), work_(work) {
    for (const auto* branch : {&input.actual.people, &input.actual.trash}) {
      for (const auto& [uid, entry] : *branch)
        uid_numbers_.emplace(entry.first("uidnumber"), entry.dn);
    }
  }

  void run() {
    for (const auto& [login, user] : in_.after.users) desired(user);
    for (const auto& [login, user] : in_.before.users) {
      if (!in_.after.users.contains(login)) removed(user);
    }
    unmanaged();
  }

 private:
  const Entry* find(const std::map<std::string, Entry>& branch, const std::string& login) const {
    const auto found = branch.find(lower(login));
    return found == branch.end() ? nullptr : &found->second;
  }

  const DesiredUser* before(const std::string& login) const {
    const auto found = in_.before.users.find(login);
    return found == in_.before.users.end() ? nullptr : &found->second;
  }

  // An entry of that uid that edusync did not write and that belongs to someone else: another
  // uidNumber (an adopted account has its number), or another employeeNumber. Never taken over.
  bool belongs_to_someone_else(const Entry& entry, const DesiredUser& user) const {
    if (before(user.login) != nullptr) return false;
    if (entry.first("uidnumber") != user.attributes.at("uidNumber").front()) return true;
    const auto number = entry.first("employeenumber");
    // A desired user without number (none of their own) is recognised by uidNumber alone.
    return !number.empty() && !user.employee_number.empty() &&
           !same_employee_number(number, user.employee_number);
  }

  void desired(const DesiredUser& user) {
    const Entry* people = find(in_.actual.people, user.login);
    const Entry* trash = find(in_.actual.trash, user.login);
    const Entry* existing = people != nullptr ? people : trash;
    if (existing != nullptr && belongs_to_someone_else(*existing, user)) {
      work_.refused.emplace_back(
          user.login,
          text::message(
              "connector.ldap.account_of_someone_else",
              {text::arg("dn", existing->dn), text::arg("uid_number", existing->first("uidnumber")),
               text::arg("employee_number", existing->first("employeenumber")),
               text::arg("name", user.full_name), text::arg("number", user.employee_number)}));
      return;
    }
    const auto dn = in_.layout.user_dn(user.login);
    if (existing == nullptr) {
      if (number_taken(user)) return;
      create(user);
      return;
    }
    if (people == nullptr) {
      work_.phases[2].push_back({rename_operation(trash->dn, "uid=" + escape_dn_value(user.login),
                                                  in_.layout.people_dn()),
                                 user.login});
    }
    report_drift(user, *existing);
    auto mods = modifications(*existing, user.attributes, kUserSkip);
    if (!mods.empty())
      work_.phases[3].push_back({modify_operation(dn, std::move(mods)), user.login});
  }

  // Two accounts never share a uidNumber (files and Samba SIDs follow it): an account the
  // directory holds outside edusync's knowledge keeps its number, the new one is refused.
  bool number_taken(const DesiredUser& user) {
    const auto number = user.attributes.at("uidNumber").front();
    const auto holder = uid_numbers_.find(number);
    if (holder == uid_numbers_.end()) return false;
    work_.refused.emplace_back(
        user.login, text::message("connector.ldap.uid_number_taken",
                                  {text::arg("uid_number", number), text::arg("login", user.login),
                                   text::arg("holder", holder->second)}));
    return true;
  }

  void create(const DesiredUser& user) {
    Attributes attributes = user.attributes;
    const auto password = in_.passwords.find(user.key);
    if (password != in_.passwords.end()) {
      attributes["userPassword"] = {in_.layout.hash == PasswordHash::md5
                                        ? md5_password(password->second)
                                        : ssha_password(password->second)};
      attributes["sambaNTPassword"] = {nt_hash(password->second)};
    } else {
      work_.notices.push_back(text::message("connector.ldap.recreated_without_password",
                                            {text::arg("login", user.login)}));
    }
    attributes["sambaPwdLastSet"] = {"1"};
    attributes["sambaPwdMustChange"] = {kNeverMustChange};
    attributes["shadowLastChange"] = {std::to_string(days_between("1970-01-01", in_.today))};
    if (before(user.login) != nullptr)
      work_.drift.push_back(
          text::message("connector.ldap.user_recreated", {text::arg("login", user.login)}));
    work_.phases[3].push_back(
        {add_operation(in_.layout.user_dn(user.login), attributes), user.login});
  }

  // Attributes the plan did not change but the directory holds otherwise: changed by hand.
  void report_drift(const DesiredUser& user, const Entry& actual) {
    const DesiredUser* previous = before(user.login);
    if (previous == nullptr) return;
    for (const auto& [name, values] : user.attributes) {
      if (name == "objectClass" || name == "uid") continue;
      const auto was = previous->attributes.find(name);
      if (was == previous->attributes.end() || !same_values(was->second, values)) continue;
      const auto& have = actual_values(actual, name);
      if (!same_values(have, values)) {
        work_.drift.push_back(
            text::message("connector.ldap.attribute_restored",
                          {text::arg("login", user.login), text::arg("attribute", name),
                           text::arg("found", join(have)), text::arg("wanted", join(values))}));
      }
    }
  }

  // Removed after the grace period: moved to ou=Trash, disabled, never deleted. An older entry
  // of the same uid in the Trash is replaced, as SE3's searchAndDelete.pl does.
  void removed(const DesiredUser& user) {
    const Entry* people = find(in_.actual.people, user.login);
    const Entry* trash = find(in_.actual.trash, user.login);
    const Values disabled = {kDisabledFlags};
    if (people != nullptr) {
      if (trash != nullptr) work_.phases[1].push_back({remove_operation(trash->dn), user.login});
      work_.phases[2].push_back({rename_operation(people->dn, "uid=" + escape_dn_value(user.login),
                                                  in_.layout.trash_dn()),
                                 user.login});
    }
    const Entry* now = people != nullptr ? people : trash;
    if (now != nullptr && !same_values(now->values("sambaacctflags"), disabled)) {
      work_.phases[3].push_back(
          {modify_operation(in_.layout.trash_user_dn(user.login),
                            {{Modification::Op::replace, "sambaAcctFlags", disabled}}),
           user.login});
    }
  }

  void unmanaged() {
    std::vector<std::string> logins;
    for (const auto& [uid, entry] : in_.actual.people) {
      if (!in_.after.users.contains(uid) && !in_.before.users.contains(uid))
        logins.push_back(entry.first("uid"));
    }
    if (logins.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < logins.size() && i < 10; ++i) list += (i ? ", " : "") + logins[i];
    if (logins.size() > 10) list += "…";
    work_.notices.push_back(
        text::message("connector.ldap.unknown_accounts",
                      {text::count("count", logins.size()), text::arg("logins", std::move(list))}));
  }

  const ReconcileInput& in_;
  Work& work_;
  std::map<std::string, std::string> uid_numbers_;  // uidNumber -> DN, People and Trash
};

}  // namespace

void reconcile_users(const ReconcileInput& input, Work& work) {
  UserReconciler(input, work).run();
}

}  // namespace edusync::connectors::ldap::detail
