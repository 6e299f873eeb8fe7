// TLS to the directory: StartTLS and ldaps:// succeed with the CA that signed the server's
// certificate and are refused with another one (no silent fallback to an unverified link).
#include <gtest/gtest.h>

#include "connectors/ldap_sambaedu/session.hpp"
#include "support/slapd_fixture.hpp"

namespace edusync {
namespace {

using connectors::ldap::ConnectionSettings;
using connectors::ldap::LdapError;
using connectors::ldap::Scope;
using connectors::ldap::Session;
using test::Slapd;

class LdapTls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { slapd_ = std::make_unique<Slapd>(true); }
  static void TearDownTestSuite() { slapd_.reset(); }

  static ConnectionSettings settings(const std::string& uri, bool starttls, const std::string& ca) {
    return {uri, Slapd::kAdmin, Slapd::kPassword, starttls, ca, std::chrono::seconds(10)};
  }
  static std::size_t read_base(Session& session) {
    return session.search(Slapd::kBase, Scope::base, "(objectClass=*)", {"1.1"}).size();
  }

  static std::unique_ptr<Slapd> slapd_;
};

std::unique_ptr<Slapd> LdapTls::slapd_;

TEST_F(LdapTls, StartTlsVerifiesTheServerCertificate) {
  auto session = Session::open(settings(slapd_->uri(), true, slapd_->ca_file()));
  EXPECT_EQ(read_base(session), 1u);
  try {
    Session::open(settings(slapd_->uri(), true, slapd_->other_ca_file()));
    FAIL() << "a certificate signed by another CA was accepted";
  } catch (const LdapError& error) {
    EXPECT_NE(std::string(error.what()).find("StartTLS"), std::string::npos) << error.what();
  }
}

TEST_F(LdapTls, LdapsVerifiesTheServerCertificate) {
  auto session = Session::open(settings(slapd_->ldaps_uri(), false, slapd_->ca_file()));
  EXPECT_EQ(read_base(session), 1u);
  EXPECT_THROW(Session::open(settings(slapd_->ldaps_uri(), false, slapd_->other_ca_file())),
               LdapError);
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

// SASL EXTERNAL over ldapi://: no password at all, the server trusts the peer's uid and gid.
TEST(LdapLdapi, SaslExternalBindNeedsNoPassword) {
  Slapd slapd;
  auto session = Session::open({slapd.ldapi_uri(), "", "", false, "", std::chrono::seconds(10)});
  EXPECT_EQ(session.search(Slapd::kBase, Scope::subtree, "(objectClass=sambaDomain)", {"sambaSID"})
                .at(0)
                .first("sambasid"),
            Slapd::kDomainSid);
  const std::vector<connectors::ldap::Operation> add = {
      {connectors::ldap::Operation::Kind::add,
       std::string("ou=People,") + Slapd::kBase,
       {{connectors::ldap::Modification::Op::add, "objectClass", {"organizationalUnit"}},
        {connectors::ldap::Modification::Op::add, "ou", {"People"}}},
       {},
       {}}};
  EXPECT_TRUE(session.run(add).at(0).ok());  // writes as the administrator it is mapped to
}

}  // namespace
}  // namespace edusync
