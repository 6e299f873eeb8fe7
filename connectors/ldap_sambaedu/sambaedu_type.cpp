#include "connectors/ldap_sambaedu/sambaedu_type.hpp"

#include "connectors/ldap_sambaedu/sambaedu_connector.hpp"

namespace edusync::connectors {
namespace {

using config::kRequired;

std::vector<config::KeySpec> ldap_sambaedu_keys() {
  return {
      {"uri", config::string_type(), kRequired,
       "LDAP server address: ldap://host:389, ldaps://host:636 or ldapi:///"},
      {"base_dn", config::string_type(), kRequired,
       "Base DN of the SambaEdu directory, above ou=People, ou=Groups and ou=Trash"},
      {"bind_dn", config::string_type(), "none",
       "DN edusync binds as; none for SASL EXTERNAL over ldapi:// (the process's own identity)"},
      {"bind_password_file", config::path_type(), "/etc/edusync/ldap.secret",
       "File holding the password of bind_dn (read at each run, never logged)"},
      {"starttls", config::boolean_type(), "false",
       "Upgrade an ldap:// connection with StartTLS; the certificate is verified"},
      {"ca_file", config::path_type(), "/etc/ssl/certs/ca-certificates.crt",
       "CA certificates that verify the server's certificate (StartTLS and ldaps://)"},
      {"domain_sid", config::string_type(), "auto",
       "Samba domain SID (S-1-5-21-...); auto reads it from the sambaDomain entry under base_dn"},
      {"mail_domain", config::string_type(), "none",
       "Domain of the mail attribute (login@domain); none writes no mail"},
      {"group_style", config::choice_type({"posix", "groupofnames"}), "posix",
       "Equipe_ and Matiere_ groups as posixGroup with memberUid, or groupOfNames with member DNs"},
      {"prefix", config::string_type(), "none",
       "SambaEdu class prefix for a cite scolaire (CLG_, LYC_...), put after Classe_, Equipe_...; "
       "none for no prefix"},
      {"password_hash", config::choice_type({"ssha", "md5"}), "ssha",
       "Hash of userPassword for new accounts: ssha, or md5 as SambaEdu 3 writes it"},
      {"timeout", config::integer_type(1, 3600), "30",
       "Seconds to wait for the server to connect or answer one operation"},
  };
}

}  // namespace

ConnectorType ldap_sambaedu_type() {
  return {"ldap-sambaedu", ldap_sambaedu_keys(), SambaEduConnector::kCapabilities,
          [](const config::ConnectorConfig& settings) {
            return std::make_unique<SambaEduConnector>(settings);
          }};
}

}  // namespace edusync::connectors
