#pragma once
// Where and how the SambaEdu 3 directory keeps things (docs/output.md §1.1): the branches
// under the base DN and the choices of this connector's configuration.
#include <cstdint>
#include <string>

#include "connectors/ldap_sambaedu/escape.hpp"

namespace edusync::connectors::ldap {

enum class PasswordHash { ssha, md5 };

struct Layout {
  std::string base_dn;
  std::string domain_sid;   // S-1-5-21-…, from the configuration or the sambaDomain entry
  std::string mail_domain;  // empty: no mail attribute is managed
  std::string prefix;  // SambaEdu's class prefix for cités scolaires (CLG_, LYC_…), may be empty
  bool group_of_names = false;  // Equipe_ and Matiere_ as groupOfNames (member DNs)
  PasswordHash hash = PasswordHash::ssha;

  std::string people_dn() const { return "ou=People," + base_dn; }
  std::string groups_dn() const { return "ou=Groups," + base_dn; }
  std::string trash_dn() const { return "ou=Trash," + base_dn; }
  std::string user_dn(const std::string& login) const {
    return "uid=" + escape_dn_value(login) + "," + people_dn();
  }
  std::string trash_user_dn(const std::string& login) const {
    return "uid=" + escape_dn_value(login) + "," + trash_dn();
  }
  std::string group_dn(const std::string& cn) const {
    return "cn=" + escape_dn_value(cn) + "," + groups_dn();
  }
};

// SE3's fixed values (install LDIFs and add_user()).
inline constexpr std::uint32_t kDefaultGid = 5005;  // lcs-users, every account's primary group
inline constexpr char kLoginShell[] = "/bin/bash";
inline constexpr char kEnabledFlags[] = "[U          ]";   // U + 10 spaces: 11 positions
inline constexpr char kDisabledFlags[] = "[UD         ]";  // U, D + 9 spaces
inline constexpr char kNeverMustChange[] = "2147483647";

}  // namespace edusync::connectors::ldap
