// Pure parts of the SambaEdu LDAP connector: RFC 4514 and RFC 4515 escaping (kept apart),
// the password hashes SE3 stores, and the cn of groups.
#include <gtest/gtest.h>

#include "connectors/ldap_sambaedu/desired.hpp"
#include "connectors/ldap_sambaedu/escape.hpp"
#include "connectors/ldap_sambaedu/hashes.hpp"

namespace edusync::connectors::ldap {
namespace {

TEST(LdapEscape, DnValueFollowsRfc4514) {
  EXPECT_EQ(escape_dn_value("Classe_6_A"), "Classe_6_A");
  EXPECT_EQ(escape_dn_value("Dupont, Jean"), "Dupont\\, Jean");
  EXPECT_EQ(escape_dn_value("a+b=c;d<e>f\"g\\h"), "a\\+b\\=c\\;d\\<e\\>f\\\"g\\\\h");
  EXPECT_EQ(escape_dn_value(" lead"), "\\ lead");
  EXPECT_EQ(escape_dn_value("trail "), "trail\\ ");
  EXPECT_EQ(escape_dn_value("#x"), "\\#x");
  EXPECT_EQ(escape_dn_value("in#side"), "in#side");
  EXPECT_EQ(escape_dn_value(std::string("a\0b", 3)), "a\\00b");
  EXPECT_EQ(escape_dn_value("Cœur*(x)"), "Cœur*(x)");  // UTF-8 and filter specials untouched
}

TEST(LdapEscape, FilterValueFollowsRfc4515) {
  EXPECT_EQ(escape_filter_value("a*b(c)\\d"), "a\\2ab\\28c\\29\\5cd");
  EXPECT_EQ(escape_filter_value(std::string("x\0y", 3)), "x\\00y");
  EXPECT_EQ(escape_filter_value("Dupont, Jean+=;"), "Dupont, Jean+=;");  // DN specials untouched
  EXPECT_EQ(escape_filter_value("Lætitia"), "Lætitia");
}

TEST(LdapHashes, NtHashIsMd4OfUtf16le) {
  EXPECT_EQ(nt_hash("password"), "8846F7EAEE8FB117AD06BDD830B7586C");
  EXPECT_EQ(nt_hash("20110314"), "C84A2D8A66030E25726AA722C448B4B0");  // docs/output.md §1.2
  EXPECT_EQ(nt_hash(""), "31D6CFE0D16AE931B73C59D7E0C089C0");
  EXPECT_NE(nt_hash("é"), nt_hash("e"));
}

TEST(LdapHashes, UserPasswordHashes) {
  EXPECT_EQ(md5_password("20110314"), "{MD5}23U/4Xe2YgyzzQP9fY+33g==");  // slappasswd -h {MD5}
  const auto ssha = ssha_password("secret");
  EXPECT_EQ(ssha.rfind("{SSHA}", 0), 0u);
  EXPECT_EQ(ssha.size(), 6u + 40u);          // base64 of 20 + 8 bytes
  EXPECT_NE(ssha, ssha_password("secret"));  // salted
  EXPECT_EQ(ssha_password_with_salt("secret", "12345678"),
            ssha_password_with_salt("secret", "12345678"));
}

TEST(LdapGroups, NamesFollowSambaEdu) {
  EXPECT_EQ(clean_code("6 A"), "6_A");
  EXPECT_EQ(clean_code("1ÈRE/S"), "1ERE_S");
  EXPECT_EQ(clean_code("TS'1"), "TS1");
  EXPECT_EQ(group_cn(GroupKind::division, "", "", "6 A"), "Classe_6_A");
  EXPECT_EQ(group_cn(GroupKind::team, "CLG_", "", "6 A"), "Equipe_CLG_6_A");
  EXPECT_EQ(group_cn(GroupKind::subject, "", "AGL1", ""), "Matiere_AGL1");
  EXPECT_EQ(group_cn(GroupKind::division_course, "", "MATHS", "6 A"), "Cours_MATHS_6_A");
  EXPECT_EQ(group_cn(GroupKind::group_course, "", "", "6LAT"), "Cours_6LAT");
  EXPECT_EQ(group_cn(GroupKind::group_course, "", "LATIN", "6LAT"), "Cours_6LAT_LATIN");
  EXPECT_EQ(group_cn(GroupKind::head_teachers, "LYC_", "", ""),
            "Groupe_LYC_Professeurs_Principaux");
}

}  // namespace
}  // namespace edusync::connectors::ldap
