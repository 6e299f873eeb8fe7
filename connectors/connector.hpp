#pragma once
// The connector interface: what every target (SambaEdu LDAP, KOXO, ENT, Pix, Éléa, the audit
// journal) implements. A connector declares what it can do, receives a plan computed from the
// snapshot it last acknowledged, and answers item by item. Nothing in daemon/ includes a
// concrete connector: they are created by type through the registry (issue #3).
#include <string>
#include <string_view>

namespace edusync::connectors {

struct Capabilities {
  bool can_disable_accounts = false;  // a departed account is disabled, not just left alone
  bool can_rename_groups = false;     // a renamed class keeps its identity (gidNumber, SID...)
  bool live_target = false;           // a server (LDAP) rather than files dropped for an importer
};

class Connector {
 public:
  virtual ~Connector() = default;
  virtual std::string_view type() const = 0;  // "ldap-sambaedu", "koxo-csv", "journal"...
  virtual const std::string& name() const = 0;  // the instance name from the configuration
  virtual Capabilities capabilities() const = 0;
  // apply(plan) -> per-item results comes with the plan type (issue #3).
};

}  // namespace edusync::connectors
