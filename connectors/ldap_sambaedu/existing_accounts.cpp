#include "connectors/ldap_sambaedu/existing_accounts.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace edusync::connectors::ldap {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::uint32_t uid_number_of(std::string_view text) {
  std::uint32_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() ? number : 0;
}

}  // namespace

std::string pupil_employee_number(const std::string& elenoet) {
  if (elenoet.empty() || elenoet.size() >= 5) return elenoet;
  return std::string(5 - elenoet.size(), '0') + elenoet;
}

std::string staff_employee_number(const std::string& sts_id) {
  return sts_id.empty() ? std::string() : "P" + sts_id;
}

bool same_employee_number(std::string_view a, std::string_view b) {
  const auto first = account_number(a);
  const auto second = account_number(b);
  if (first.kind == AccountNumber::Kind::none || second.kind == AccountNumber::Kind::none)
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
      return std::tolower(x) == std::tolower(y);
    });
  return first == second;
}

AccountNumber account_number(std::string_view employee_number) {
  if (all_digits(employee_number)) return AccountNumber::pupil(employee_number);
  const auto rest = employee_number.substr(std::min<std::size_t>(1, employee_number.size()));
  if ((employee_number.starts_with('P') || employee_number.starts_with('p')) && all_digits(rest))
    return AccountNumber::staff(rest);
  return {};
}

ExistingAccount existing_account(std::string login, std::string_view uid_number,
                                 std::string employee_number, std::string cn, bool in_trash) {
  ExistingAccount account;
  account.login = std::move(login);
  account.uid_number = uid_number_of(uid_number);
  account.number = account_number(employee_number);
  account.employee_number = std::move(employee_number);
  const auto space = cn.find(' ');
  if (space == std::string::npos) {
    account.surname = cn.empty() ? account.login : cn;
  } else {
    account.given_name = cn.substr(0, space);
    account.surname = cn.substr(space + 1);
  }
  account.full_name = std::move(cn);
  account.in_trash = in_trash;
  return account;
}

}  // namespace edusync::connectors::ldap
