#pragma once
// The connector interface: what every target (SambaEdu LDAP, KOXO, ENT, Pix, Éléa, the audit
// journal) implements. A connector declares what it can do, receives the plan computed from
// the snapshot it last acknowledged, and answers item by item. It is acknowledged (its new
// snapshot recorded) only when every item was applied. Nothing in daemon/ includes a concrete
// connector: they are created by type through a registry (registry.hpp), from their typed
// configuration item (config::ConnectorConfig: every key of the type's table is there, the
// file's value or the table's default).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "connectors/error.hpp"
#include "model/directory.hpp"
#include "model/warning.hpp"
#include "plan/plan.hpp"

namespace edusync::connectors {

struct Capabilities {
  bool can_disable_accounts = false;  // a departed account is disabled, not just left alone
  bool can_rename_groups = false;     // a renamed class keeps its identity (gidNumber, SID...)
  bool live_target = false;           // a server (LDAP) rather than files dropped for an importer
  // Reads the target before writing and repairs what was changed by hand (drift): worth calling
  // on every run, even when it already holds the desired state.
  bool reconciles = false;
};

struct ApplyContext {
  const plan::Plan& plan;
  const model::Directory& before;  // what the target holds (its last acknowledged snapshot)
  const model::Directory& after;   // what it must hold at the end
  // Clear initial passwords of accounts created by this run, by key. Only for targets that set
  // passwords; never written to a log or a report.
  const std::map<std::string, std::string>& new_passwords;
  std::string run_id;
  std::string today;  // ISO
  // Asked to stop (a service shutting down): a connector waiting (the SambaEdu reconnection
  // pause) gives up at once and reports itself failed; one writing to a server (SambaEdu)
  // stops between two writes, waits for the answers of those in flight and reports itself
  // failed with what it sent. A file target finishes its files (a half-written file helps no
  // one). Default: a token that never stops.
  std::stop_token stop{};
  // Told, by a connector that can count its own work (SambaEdu: LDAP writes answered out of
  // those it will send), how far it is; a few hundred calls at most per apply, on the apply's
  // thread. Default: nobody listens.
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

struct ItemFailure {
  std::size_t item = 0;  // index in plan.items
  text::Message
      message;  // what was refused and why (the target's own words inside), for the report
};

// A file a target wrote with initial passwords in clear, in one column of a CSV. The run records
// it and, once those passwords are past identity.password_retention_days, empties that column.
struct PasswordFile {
  std::string path;
  char separator = ';';
  std::string column;  // the header of the password column
};

struct ApplyResult {
  std::uint64_t applied = 0;
  std::vector<ItemFailure> failures;
  // The whole connector failed (server down, directory unwritable...), in the reader's language.
  text::Message error;
  // Records left out because the target would refuse them (file targets: a pupil without INE
  // for Pix...), and characters the output encoding could not hold. They do not make the
  // connector fail (the rest is applied and acknowledged); the report lists them under the
  // connector, with their code and message.
  std::vector<model::Warning> warnings;
  std::vector<PasswordFile> password_files;  // written by this apply (file targets)
  bool complete() const { return failures.empty() && error.empty(); }
};

// Who an existing account says it is, in the directory's terms: the number the target's own
// import recorded for the person, normalised by the connector so that adoption compares it with
// the exports without knowing how that target writes numbers.
struct AccountNumber {
  enum class Kind { none, pupil, staff };
  // none: no number, or one no import writes (an administrator's, a hand-made account's).
  Kind kind = Kind::none;
  // pupil: the ELENOET without leading zeros (pupil_number); staff: the STS-web id as written.
  std::string value;

  // An ELENOET as adoption compares it: exports and imports write it zero-padded or not
  // ("01201" and "1201" are one pupil).
  static AccountNumber pupil(std::string_view elenoet) {
    const auto first = std::min(elenoet.find_first_not_of('0'), elenoet.size());
    return {Kind::pupil, std::string(elenoet.substr(first))};
  }
  static AccountNumber staff(std::string_view sts_id) { return {Kind::staff, std::string(sts_id)}; }
  bool operator==(const AccountNumber&) const = default;
  // For maps keyed by number (written out: clang-tidy 14 misreads a defaulted <=>).
  bool operator<(const AccountNumber& other) const {
    return kind != other.kind ? kind < other.kind : value < other.value;
  }
};

// An account a target held before edusync managed it, offered for adoption (see
// Connector::existing_accounts and run/adoption.hpp).
struct ExistingAccount {
  std::string login;
  std::uint32_t uid_number = 0;
  std::string employee_number;  // as the target holds it, for reports; may be empty
  AccountNumber number;         // what employee_number means (kind none: nothing usable)
  std::string full_name;        // "Prénom Nom" as the target holds it, matched by name
  std::string given_name;       // the two parts of full_name, for a departure record
  std::string surname;
  bool in_trash = false;  // a leaver's account (SambaEdu: ou=Trash); People's are preferred
};

// A file an apply would write, for a preview (diff, dry run, held run): its name in the
// connector's directory, its data rows (-1: not counted, an archive) and its size.
struct FilePreview {
  std::string name;
  std::int64_t rows = -1;
  std::uint64_t bytes = 0;
};

class Connector {
 public:
  virtual ~Connector() = default;
  // Its configuration item: name, type and the keys of its type. `*_file` keys are paths to
  // secrets, read by the connector itself and never logged.
  virtual const config::ConnectorConfig& settings() const = 0;
  virtual Capabilities capabilities() const = 0;
  // Applies the plan's items in order. Must not throw: failures are reported in the result.
  virtual ApplyResult apply(const ApplyContext& context) = 0;
  // The accounts the target already holds, read before identities are allocated on a run where
  // this connector has never been acknowledged, so that existing accounts are adopted rather than
  // created twice. Default: none (file targets). May throw (target unreachable): a
  // connectors::Error (error.hpp), whose message() is in the reader's language.
  virtual std::vector<ExistingAccount> existing_accounts() { return {}; }
  // The files apply(context) would write, built in memory and not written (file targets);
  // empty for a server. May throw, as building may (a connectors::Error or another exception).
  virtual std::vector<FilePreview> preview_files(const ApplyContext& context) {
    (void)context;
    return {};
  }
};

}  // namespace edusync::connectors
