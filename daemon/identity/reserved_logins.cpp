// The names allocate_login() never returns (the list and its reasons are in login.hpp).
#include <algorithm>
#include <array>

#include "identity/login.hpp"

namespace edusync::identity {
namespace {

using namespace std::string_view_literals;

constexpr std::array kReserved = {
    // SambaEdu shares and special accounts (docs/output.md §1.3; adminse3 and unattend are
    // accounts SambaEdu creates itself).
    "prof"sv,
    "progs"sv,
    "docs"sv,
    "classes"sv,
    "homes"sv,
    "admhomes"sv,
    "netlogon"sv,
    "profiles"sv,
    "admse3"sv,
    "adminse3"sv,
    "unattend"sv,
    // SambaEdu's built-in groups: a Samba domain has one namespace for users and groups.
    "admins"sv,
    "eleves"sv,
    "profs"sv,
    "administratifs"sv,
    "overfill"sv,
    "machines"sv,
    "lcs-users"sv,
    // System and service accounts.
    "root"sv,
    "admin"sv,
    "administrateur"sv,
    "administrator"sv,
    "www-data"sv,
    "nobody"sv,
    "ldap"sv,
    "samba"sv,
    "guest"sv,
    "invite"sv,
    // Windows device names: a home folder or profile of that name cannot be created.
    "con"sv,
    "prn"sv,
    "aux"sv,
    "nul"sv,
    "com1"sv,
    "com2"sv,
    "com3"sv,
    "com4"sv,
    "com5"sv,
    "com6"sv,
    "com7"sv,
    "com8"sv,
    "com9"sv,
    "lpt1"sv,
    "lpt2"sv,
    "lpt3"sv,
    "lpt4"sv,
    "lpt5"sv,
    "lpt6"sv,
    "lpt7"sv,
    "lpt8"sv,
    "lpt9"sv,
};

bool equals_ignoring_ascii_case(std::string_view text, std::string_view lower) {
  return std::equal(text.begin(), text.end(), lower.begin(), lower.end(), [](char a, char b) {
    return ((a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

}  // namespace

bool is_reserved_login(std::string_view login) {
  return std::any_of(kReserved.begin(), kReserved.end(), [login](std::string_view reserved) {
    return equals_ignoring_ascii_case(login, reserved);
  });
}

std::span<const std::string_view> reserved_logins() {
  return kReserved;
}

}  // namespace edusync::identity
