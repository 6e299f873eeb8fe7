#pragma once
// `type: ldap-sambaedu`: the accounts and groups of a SambaEdu 3 OpenLDAP directory
// (docs/output.md §1). Every apply reads the managed subtree first and writes only what
// differs from the desired state (reconcile.hpp), so a run interrupted half-way converges on the
// next one and hand-made drift is repaired and reported. An entry the server refuses is
// reported with the server's words and skipped; the connector is then not acknowledged.
// A lost connection is retried with exponential backoff, re-reading the directory each time.
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/ldap_sambaedu/layout.hpp"
#include "connectors/ldap_sambaedu/session.hpp"

namespace edusync::connectors {

class SambaEduConnector final : public Connector {
 public:
  explicit SambaEduConnector(config::ConnectorConfig settings) : settings_(std::move(settings)) {}
  const config::ConnectorConfig& settings() const override { return settings_; }
  Capabilities capabilities() const override { return kCapabilities; }
  static constexpr Capabilities kCapabilities{true, true, true, true};
  ApplyResult apply(const ApplyContext& context) override;
  // Every account of ou=People and ou=Trash (uid, uidNumber, employeeNumber, cn).
  std::vector<ExistingAccount> existing_accounts() override;

  // What the last apply found changed by hand (and repaired), and its notices for the
  // operator (accounts only in the directory, accounts recreated without a password). Also in
  // ApplyResult::warnings (codes LDAP_DRIFT, LDAP_NOTICE: the report lists them under the
  // connector) and on stderr, one line each.
  const std::vector<text::Message>& drift() const { return drift_; }
  const std::vector<text::Message>& notices() const { return notices_; }

 private:
  ApplyResult apply_once(const ApplyContext& context, const ldap::ConnectionSettings& connection,
                         ldap::Layout layout);
  ldap::ConnectionSettings connection_settings() const;
  ldap::Layout layout() const;

  config::ConnectorConfig settings_;
  std::vector<text::Message> drift_;
  std::vector<text::Message> notices_;
};

}  // namespace edusync::connectors
