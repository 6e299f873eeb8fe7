#pragma once
// One connection to an LDAP server through libldap (OpenLDAP 2.5), as a long-lived client
// needs: every handle owned by RAII, network and operation timeouts, StartTLS or ldaps:// with
// certificate verification, paged searches, write operations pipelined (many in flight on the
// one connection), values passed as berval (binary-safe). Errors are LdapError exceptions
// that say whether the connection is gone (retry after reconnecting) or the server refused.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

#include "connectors/error.hpp"
#include "text/message.hpp"

struct ldap;  // LDAP from <ldap.h>, kept out of the header

namespace edusync::connectors::ldap {

using Values = std::vector<std::string>;

// An entry as read: attribute names lower-cased (the server may return any case).
struct Entry {
  std::string dn;
  std::map<std::string, Values> attributes;
  const Values& values(const std::string& lower_name) const;
  std::string first(const std::string& lower_name) const;  // empty when absent
};

struct ConnectionSettings {
  std::string uri;            // ldap://, ldaps:// or ldapi://
  std::string bind_dn;        // empty: SASL EXTERNAL (ldapi:// peer credentials)
  std::string bind_password;  // secret: never logged
  bool starttls = false;
  std::string ca_file;               // CA bundle for the server certificate; empty: system default
  std::chrono::seconds timeout{30};  // connection and per-operation timeout
};

// A connectors::Error: what() is French, message() in the reader's language, the server's own
// words (ldap_err2string, its diagnostic) inside as they are.
class LdapError : public Error {
 public:
  LdapError(int code, text::Message message) : Error(std::move(message)), code_(code) {}
  int code() const { return code_; }
  // Server down, timeout, connection reset: reconnect and try again later.
  bool connection_lost() const;

 private:
  int code_;
};

struct Modification {
  enum class Op { add, remove, replace };
  Op op = Op::replace;
  std::string attribute;
  Values values;  // remove with no value removes the attribute
};

struct Operation {
  enum class Kind { add, modify, rename, remove };
  Kind kind = Kind::modify;
  std::string dn;
  std::vector<Modification> modifications;  // add: every attribute of the entry
  std::string new_rdn;                      // rename
  std::string new_superior;                 // rename: empty to stay under the same parent
};

struct Outcome {
  // Not an LDAP code: the operation was never sent (a stop was asked before its turn).
  static constexpr int kNotSent = -1;
  int code = 0;           // LDAP result code, 0 = success
  text::Message message;  // the server's words (error name and diagnostic), verbatim
  bool ok() const { return code == 0; }
  bool sent() const { return code != kNotSent; }
};

enum class Scope { base, one_level, subtree };

class Session {
 public:
  // Connects, negotiates TLS as configured, binds. Throws LdapError (invalid credentials,
  // server unreachable, certificate refused...).
  static Session open(const ConnectionSettings& settings);

  // Every entry matching, read by pages of `page_size` (RFC 2696). A missing base gives none.
  std::vector<Entry> search(const std::string& base, Scope scope, const std::string& filter,
                            const std::vector<std::string>& attributes, int page_size = 500);

  // Sends the operations with up to `window` in flight and returns one outcome per operation,
  // in order. Operations given together must not depend on each other. Throws LdapError when
  // the connection is lost (outcomes of the operations already answered are then unknown to
  // the caller, who must re-read the directory). Once `stop` is asked to stop, nothing more is
  // sent: the answers to the writes in flight are awaited (each one then has its true outcome)
  // and the others come back not sent (Outcome::sent() false), so a service stops between two
  // writes and never leaves one half-known. `answered`, when set, is told the number of
  // operations answered so far after each answer.
  std::vector<Outcome> run(const std::vector<Operation>& operations, std::size_t window = 64,
                           const std::stop_token& stop = {},
                           const std::function<void(std::size_t)>& answered = {});

 private:
  struct Closer {
    void operator()(::ldap* handle) const;
  };
  explicit Session(std::unique_ptr<::ldap, Closer> handle, std::chrono::seconds timeout)
      : handle_(std::move(handle)), timeout_(timeout) {}
  int send(const Operation& operation);
  std::unique_ptr<::ldap, Closer> handle_;
  std::chrono::seconds timeout_;
};

// The pause before reconnecting after a lost connection, on a Boost.Asio steady timer run on an
// io_context of its own (the run is synchronous; a service may later give its own). Returns true
// when the delay ran out, false as soon as `stop` is asked to stop (from any thread: the wait
// ends then, not at the end of the delay), or at once if it already was.
bool wait_before_reconnecting(std::chrono::milliseconds delay, const std::stop_token& stop);

// Test-only fault injection: when set, called before each write is sent with the number of
// writes sent so far in this process. A test kills slapd from it: the writes not yet sent then
// never reach the server, whatever the timing (a hook after answers would race with the
// pipelined writes already in flight). Never set in production.
std::function<void(std::size_t)>& before_write_hook();

}  // namespace edusync::connectors::ldap
