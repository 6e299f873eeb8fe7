#include "run/orphans.hpp"

#include <algorithm>

namespace edusync::run {
namespace {

bool is_staff_number(const std::string& number) {
  return !number.empty() && (number[0] == 'P' || number[0] == 'p');
}

// SambaEdu's cn is "Prénom Nom": the first word is the given name, the rest the surname.
template <typename Person>
void name_from(const std::string& full_name, const std::string& login, Person& person) {
  const auto space = full_name.find(' ');
  if (space == std::string::npos) {
    person.surname = full_name.empty() ? login : full_name;
    return;
  }
  person.given_name = full_name.substr(0, space);
  person.surname = full_name.substr(space + 1);
}

template <typename Person>
void fill(const OrphanAccount& orphan, const std::string& key, const std::string& today,
          Person& person) {
  person.key = key;
  name_from(orphan.full_name, orphan.login, person);
  person.account = {orphan.login, orphan.uid_number};
  person.departed_on = today;
}

}  // namespace

void depart_orphans(const std::vector<OrphanAccount>& orphans, const std::string& uai,
                    const std::string& today, AccountOutcome& accounts) {
  if (orphans.empty()) return;
  for (const auto& orphan : orphans) {
    const std::string key = "orphelin:" + orphan.login;
    const bool staff = is_staff_number(orphan.employee_number);
    state::Identity identity;
    identity.key = key;
    identity.kind = staff ? state::PersonKind::staff : state::PersonKind::pupil;
    identity.login = orphan.login;
    identity.uid_number = orphan.uid_number;
    identity.created = today;
    identity.departed = today;
    accounts.changed.push_back(std::move(identity));
    if (staff) {
      model::Staff person;
      fill(orphan, key, today, person);
      person.sts_id = orphan.employee_number.substr(1);
      if (!uai.empty()) person.uais = {uai};
      accounts.desired.staff.push_back(std::move(person));
    } else {
      model::Pupil person;
      fill(orphan, key, today, person);
      person.uai = uai;
      person.elenoet = orphan.employee_number;
      accounts.desired.pupils.push_back(std::move(person));
    }
  }
  const auto by_key = [](const auto& a, const auto& b) { return a.key < b.key; };
  std::sort(accounts.desired.pupils.begin(), accounts.desired.pupils.end(), by_key);
  std::sort(accounts.desired.staff.begin(), accounts.desired.staff.end(), by_key);
}

}  // namespace edusync::run
