#pragma once
// How a SambaEdu 3 account says who it is, as SE3's own import wrote it (docs/output.md §1.7):
// employeeNumber holds a pupil's ELENOET (zero-padded to 5 digits or not) or "P" followed by a
// staff member's STS-web id; cn is "Prénom Nom". These rules are the connector's: adoption
// (run/adoption.hpp) receives the normalised number (connectors::AccountNumber) and the names.
#include <string>
#include <string_view>

#include "connectors/connector.hpp"

namespace edusync::connectors::ldap {

// What SE3's import writes to employeeNumber: the ELENOET zero-padded to 5 digits ("1201" ->
// "01201"), "P" and the STS-web id; empty when the person has none.
std::string pupil_employee_number(const std::string& elenoet);
std::string staff_employee_number(const std::string& sts_id);

// Whether two employeeNumbers name one person: their numbers are equal (account_number), or,
// when either names nobody, their texts are (ignoring ASCII case).
bool same_employee_number(std::string_view a, std::string_view b);

// "01201" -> pupil "1201"; "P4101" or "p4101" -> staff "4101"; anything else (empty, "admin",
// "P", "X12") -> none: no import writes it, so it names nobody.
AccountNumber account_number(std::string_view employee_number);

// An account of People (in_trash false) or of the Trash, from its uid, uidNumber,
// employeeNumber and cn. A uidNumber that is not a number reads as 0 (no number to adopt).
ExistingAccount existing_account(std::string login, std::string_view uid_number,
                                 std::string employee_number, std::string cn, bool in_trash);

}  // namespace edusync::connectors::ldap
