// How the SambaEdu connector reads an account made by SE3's own import (existing_accounts.hpp):
// the number adoption compares, and the names a departure record gets.
#include <gtest/gtest.h>

#include "connectors/ldap_sambaedu/existing_accounts.hpp"

namespace edusync::connectors::ldap {
namespace {

using Kind = AccountNumber::Kind;

TEST(SambaEduExistingAccounts, AnElenoetIsAPupilNumberWithoutItsLeadingZeros) {
  EXPECT_EQ(account_number("01201"), (AccountNumber{Kind::pupil, "1201"}));
  EXPECT_EQ(account_number("1201"), (AccountNumber{Kind::pupil, "1201"}));
  EXPECT_EQ(account_number("01201"), AccountNumber::pupil("1201"));
}

TEST(SambaEduExistingAccounts, PThenDigitsIsAStaffMembersStsId) {
  EXPECT_EQ(account_number("P4101"), (AccountNumber{Kind::staff, "4101"}));
  EXPECT_EQ(account_number("p4101"), (AccountNumber{Kind::staff, "4101"}));
  EXPECT_EQ(account_number("P4101"), AccountNumber::staff("4101"));
}

TEST(SambaEduExistingAccounts, WhatNoImportWritesNamesNobody) {
  for (const char* number : {"", "P", "admin", "X12", "P12a", "12 3"}) {
    SCOPED_TRACE(number);
    EXPECT_EQ(account_number(number).kind, Kind::none);
  }
}

TEST(SambaEduExistingAccounts, TheCnSplitsAtItsFirstSpaceIntoGivenNameAndSurname) {
  const auto account = existing_account("mprof", "2100", "P4999", "Marie Prof De Latin", true);
  EXPECT_EQ(account.login, "mprof");
  EXPECT_EQ(account.uid_number, 2100u);
  EXPECT_EQ(account.employee_number, "P4999");
  EXPECT_EQ(account.number, AccountNumber::staff("4999"));
  EXPECT_EQ(account.full_name, "Marie Prof De Latin");
  EXPECT_EQ(account.given_name, "Marie");
  EXPECT_EQ(account.surname, "Prof De Latin");
  EXPECT_TRUE(account.in_trash);
}

TEST(SambaEduExistingAccounts, ACnOfOneWordIsTheSurnameAndNoCnIsTheLogin) {
  EXPECT_EQ(existing_account("x", "1", "", "Dupont", false).surname, "Dupont");
  EXPECT_TRUE(existing_account("x", "1", "", "Dupont", false).given_name.empty());
  EXPECT_EQ(existing_account("jdoe", "1", "", "", false).surname, "jdoe");
}

TEST(SambaEduExistingAccounts, AUidNumberThatIsNotANumberReadsAsNone) {
  EXPECT_EQ(existing_account("x", "", "", "A B", false).uid_number, 0u);
  EXPECT_EQ(existing_account("x", "12ab", "", "A B", false).uid_number, 0u);
  EXPECT_EQ(existing_account("x", "-5", "", "A B", false).uid_number, 0u);
}

TEST(SambaEduExistingAccounts, WhatTheImportWritesReadsBackAsTheSamePerson) {
  EXPECT_EQ(pupil_employee_number("1201"), "01201");
  EXPECT_EQ(pupil_employee_number("123456"), "123456");
  EXPECT_EQ(pupil_employee_number(""), "");
  EXPECT_EQ(staff_employee_number("4101"), "P4101");
  EXPECT_EQ(staff_employee_number(""), "");
  EXPECT_EQ(account_number(pupil_employee_number("1201")), AccountNumber::pupil("1201"));
  EXPECT_EQ(account_number(staff_employee_number("4101")), AccountNumber::staff("4101"));
}

TEST(SambaEduExistingAccounts, TwoEmployeeNumbersNameOnePersonByNumberElseByText) {
  EXPECT_TRUE(same_employee_number("1201", "01201"));
  EXPECT_TRUE(same_employee_number("P4101", "p4101"));
  EXPECT_FALSE(same_employee_number("1201", "P1201"));
  EXPECT_FALSE(same_employee_number("01201", "01202"));
  EXPECT_TRUE(same_employee_number("Admin", "admin"));
  EXPECT_FALSE(same_employee_number("admin", "other"));
  EXPECT_FALSE(same_employee_number("admin", "1201"));
}

}  // namespace
}  // namespace edusync::connectors::ldap
