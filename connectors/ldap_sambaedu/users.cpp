// The account entries (docs/output.md §1.2): SE3's add_user(), without its bugs: the
// canonical 11-character sambaAcctFlags (SE3's PHP literal holds two TABs), UTF-8 names in
// cn/sn/givenName (SE3 folds them), shadowLastChange in days (set at creation, see passwords).
#include "connectors/ldap_sambaedu/users.hpp"

#include <cctype>

#include "common/ascii_fold.hpp"
#include "connectors/ldap_sambaedu/desired.hpp"
#include "connectors/ldap_sambaedu/existing_accounts.hpp"

namespace edusync::connectors::ldap {
namespace {

// SE3's name cleaning, for the attributes that must be ASCII (gecos is IA5String) or that SE3
// tools read as ASCII (initials): folded, lower case, apostrophe -> '_', only [a-z_ -] kept.
std::string se3_clean(const std::string& name) {
  std::string out;
  for (const char c : fold_to_ascii(name)) {
    if (c == '\'') {
      out += '_';
    } else if ((c >= 'a' && c <= 'z') || c == '_' || c == ' ' || c == '-') {
      out += c;
    }
  }
  return out;
}

std::string ucfirst(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "emileC": the cleaned first name with '_' for spaces, then the surname's first letter.
std::string initials(const std::string& given_name, const std::string& surname) {
  std::string out = se3_clean(given_name);
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  const std::string family = se3_clean(surname);
  if (!family.empty())
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(family[0])));
  return out;
}

std::string gecos(const std::string& given_name, const std::string& surname,
                  const std::string& birth_date, model::Sex sex) {
  std::string date;
  for (const char c : birth_date) {
    if (c != '-') date += c;
  }
  // "Prenom Nom": the parts that are empty leave no space behind.
  const std::string first = ucfirst(se3_clean(given_name)), last = ucfirst(se3_clean(surname));
  const std::string name = first.empty() || last.empty() ? first + last : first + " " + last;
  return name + "," + date + "," + (sex == model::Sex::male ? "M" : "F") + ",N";
}

struct Person {
  std::string key, login, given_name, surname, birth_date, employee_number, departed_on;
  model::Sex sex = model::Sex::unknown;
  std::uint32_t uid_number = 0;
};

DesiredUser user_of(const Person& person, const Layout& layout) {
  DesiredUser user;
  user.key = person.key;
  user.login = person.login;
  user.employee_number = person.employee_number;
  user.departed = !person.departed_on.empty();
  const std::string cn =
      person.given_name.empty() ? person.surname : person.given_name + " " + person.surname;
  user.full_name = cn;
  auto& a = user.attributes;
  a["objectClass"] = {"top",    "posixAccount",  "shadowAccount",
                      "person", "inetOrgPerson", "sambaSamAccount"};
  a["uid"] = {person.login};
  a["cn"] = {cn};
  a["sn"] = {person.surname.empty() ? person.login : person.surname};
  if (!person.given_name.empty()) a["givenName"] = {person.given_name};
  const auto pseudo = initials(person.given_name, person.surname);
  if (!pseudo.empty()) a["initials"] = {pseudo};
  if (!layout.mail_domain.empty()) a["mail"] = {person.login + "@" + layout.mail_domain};
  a["loginShell"] = {kLoginShell};
  a["uidNumber"] = {std::to_string(person.uid_number)};
  a["gidNumber"] = {std::to_string(kDefaultGid)};
  a["homeDirectory"] = {"/home/" + person.login};
  a["gecos"] = {gecos(person.given_name, person.surname, person.birth_date, person.sex)};
  if (!person.employee_number.empty()) a["employeeNumber"] = {person.employee_number};
  a["sambaSID"] = {layout.domain_sid + "-" + std::to_string(2ULL * person.uid_number + 1000)};
  a["sambaPrimaryGroupSID"] = {layout.domain_sid + "-513"};
  a["sambaAcctFlags"] = {user.departed ? kDisabledFlags : kEnabledFlags};
  return user;
}

}  // namespace

std::vector<DesiredUser> desired_users(const model::Directory& directory, const Layout& layout) {
  std::vector<DesiredUser> users;
  for (const auto& p : directory.pupils) {
    if (p.account.login.empty() || p.account.uid_number == 0) continue;
    users.push_back(
        user_of({p.key, p.account.login, p.given_name, p.surname, p.birth_date,
                 pupil_employee_number(p.elenoet), p.departed_on, p.sex, p.account.uid_number},
                layout));
    // A pupil without a number of their own (none in the export, or one another pupil of the
    // school also carries: DUPLICATE_ELENOET) has none in the directory either: a number left
    // there would still make SE3's tools, and a later adoption, take one pupil for the other.
    if (users.back().employee_number.empty()) users.back().attributes["employeeNumber"] = {};
  }
  for (const auto& s : directory.staff) {
    if (s.account.login.empty() || s.account.uid_number == 0) continue;
    users.push_back(
        user_of({s.key, s.account.login, s.given_name, s.surname, s.birth_date,
                 staff_employee_number(s.sts_id), s.departed_on, s.sex, s.account.uid_number},
                layout));
  }
  return users;
}

}  // namespace edusync::connectors::ldap
