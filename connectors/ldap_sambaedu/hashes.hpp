#pragma once
// Password hashes SambaEdu keeps beside each account (docs/output.md §1.2). Computed from the
// clear initial password handed to the connector; neither input nor output is ever logged.
#include <string>
#include <string_view>

namespace edusync::connectors::ldap {

// sambaNTPassword: MD4 of the UTF-16LE form of the UTF-8 password, 32 upper-case hex digits.
// Invalid UTF-8 bytes are taken as Latin-1 code points (no exception on odd input).
std::string nt_hash(std::string_view utf8_password);

// userPassword "{SSHA}" + base64(SHA-1(password + salt) + salt), with an 8-byte random salt.
std::string ssha_password(std::string_view password);

// userPassword "{MD5}" + base64(MD5(password)), what SE3 writes (`slappasswd -h {MD5}`).
std::string md5_password(std::string_view password);

// For tests: SSHA with a given salt.
std::string ssha_password_with_salt(std::string_view password, std::string_view salt);

}  // namespace edusync::connectors::ldap
