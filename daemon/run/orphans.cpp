#include "run/orphans.hpp"

#include <algorithm>

namespace edusync::run {
namespace {

template <typename Person>
void fill(const OrphanAccount& orphan, const std::string& key, const std::string& today,
          Person& person) {
  person.key = key;
  person.given_name = orphan.given_name;
  person.surname = orphan.surname;
  person.account = {orphan.login, orphan.uid_number};
  person.departed_on = today;
}

}  // namespace

void depart_orphans(const std::vector<OrphanAccount>& orphans, const std::string& uai,
                    const std::string& today, AccountOutcome& accounts) {
  if (orphans.empty()) return;
  for (const auto& orphan : orphans) {
    const std::string key = "orphelin:" + orphan.login;
    const bool staff = orphan.number.kind == connectors::AccountNumber::Kind::staff;
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
      person.sts_id = orphan.number.value;
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
