#include "connectors/ldap_sambaedu/session.hpp"

#include <ldap.h>
#include <sys/time.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cctype>
#include <csignal>
#include <mutex>

#include "common/crash_point.hpp"

namespace edusync::connectors::ldap {
namespace {

struct MessageFree {
  void operator()(LDAPMessage* message) const { ldap_msgfree(message); }
};
using MessagePtr = std::unique_ptr<LDAPMessage, MessageFree>;

struct MemFree {
  void operator()(char* text) const { ldap_memfree(text); }
};
using LdapText = std::unique_ptr<char, MemFree>;

struct BerFree {
  void operator()(BerElement* ber) const { ber_free(ber, 0); }
};

struct ValuesFree {
  void operator()(berval** values) const { ldap_value_free_len(values); }
};

struct ControlsFree {
  void operator()(LDAPControl** controls) const { ldap_controls_free(controls); }
};

struct ControlFree {
  void operator()(LDAPControl* control) const { ldap_control_free(control); }
};

// A cookie of the paged-results control, allocated by libldap.
struct Cookie {
  berval value{0, nullptr};
  ~Cookie() { ber_memfree(value.bv_val); }
  void reset(berval next) {
    ber_memfree(value.bv_val);
    value = next;
  }
};

timeval as_timeval(std::chrono::seconds seconds) {
  return timeval{static_cast<time_t>(seconds.count()), 0};
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The server's diagnostic of the last operation on the handle, if any.
std::string diagnostic(LDAP* handle) {
  char* raw = nullptr;
  ldap_get_option(handle, LDAP_OPT_DIAGNOSTIC_MESSAGE, static_cast<void*>(&raw));
  const LdapText text(raw);
  return text && *text ? std::string(text.get()) : std::string();
}

// The server's words: libldap's name of the code and the server's diagnostic, never edusync's,
// so shown as they are (verbatim) in every language.
std::string describe(int code, const std::string& detail) {
  std::string message = ldap_err2string(code);
  if (!detail.empty()) message += " (" + detail + ")";
  return message;
}

LdapError handle_error(LDAP* handle, int code, text::Message what) {
  return LdapError(code, text::message("connector.ldap.error",
                                       {text::nested("what", std::move(what)),
                                        text::arg("server", describe(code, diagnostic(handle)))}));
}

// `option`: the id of the option's name in the catalogue.
void check_option(LDAP* handle, int code, const char* option) {
  if (code != LDAP_OPT_SUCCESS) throw handle_error(handle, LDAP_PARAM_ERROR, text::message(option));
}

void set_options(LDAP* handle, const ConnectionSettings& settings) {
  int version = LDAP_VERSION3;
  check_option(handle, ldap_set_option(handle, LDAP_OPT_PROTOCOL_VERSION, &version),
               "connector.ldap.option.protocol_version");
  timeval timeout = as_timeval(settings.timeout);
  check_option(handle, ldap_set_option(handle, LDAP_OPT_NETWORK_TIMEOUT, &timeout),
               "connector.ldap.option.network_timeout");
  check_option(handle, ldap_set_option(handle, LDAP_OPT_TIMEOUT, &timeout),
               "connector.ldap.option.timeout");
  check_option(handle, ldap_set_option(handle, LDAP_OPT_REFERRALS, nullptr),
               "connector.ldap.option.referrals");
  int demand = LDAP_OPT_X_TLS_DEMAND;  // a certificate that does not verify is refused
  check_option(handle, ldap_set_option(handle, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand),
               "connector.ldap.option.tls_verification");
  if (!settings.ca_file.empty()) {
    const int code = ldap_set_option(handle, LDAP_OPT_X_TLS_CACERTFILE, settings.ca_file.c_str());
    // The configuration key's name, the same in every language.
    if (code != LDAP_OPT_SUCCESS)
      throw handle_error(handle, LDAP_PARAM_ERROR, text::verbatim("ca_file"));
  }
  int is_server = 0;
  check_option(handle, ldap_set_option(handle, LDAP_OPT_X_TLS_NEWCTX, &is_server),
               "connector.ldap.option.tls_context");
}

void bind(LDAP* handle, const ConnectionSettings& settings) {
  int code = 0;
  if (settings.bind_dn.empty()) {
    // An empty initial response (present, zero length): no authorisation identity asked for.
    char nothing[] = "";
    berval empty{0, nothing};
    code = ldap_sasl_bind_s(handle, nullptr, "EXTERNAL", &empty, nullptr, nullptr, nullptr);
  } else {
    berval password{settings.bind_password.size(),
                    const_cast<char*>(settings.bind_password.data())};
    code = ldap_sasl_bind_s(handle, settings.bind_dn.c_str(), nullptr, &password, nullptr, nullptr,
                            nullptr);
  }
  if (code == LDAP_SERVER_DOWN || code == LDAP_CONNECT_ERROR || code == LDAP_TIMEOUT) {
    throw handle_error(
        handle, code,
        text::message("connector.ldap.unreachable", {text::arg("uri", settings.uri)}));
  }
  if (code != LDAP_SUCCESS) {
    const std::string who = settings.bind_dn.empty() ? "SASL EXTERNAL" : settings.bind_dn;
    throw handle_error(handle, code,
                       text::message("connector.ldap.bind_refused",
                                     {text::arg("uri", settings.uri), text::arg("who", who)}));
  }
}

Entry read_entry(LDAP* handle, LDAPMessage* message) {
  Entry entry;
  const LdapText dn(ldap_get_dn(handle, message));
  if (dn) entry.dn = dn.get();
  BerElement* raw_ber = nullptr;
  for (LdapText name(ldap_first_attribute(handle, message, &raw_ber)); name;
       name.reset(ldap_next_attribute(handle, message, raw_ber))) {
    const std::unique_ptr<berval*, ValuesFree> values(
        ldap_get_values_len(handle, message, name.get()));
    auto& into = entry.attributes[lower(name.get())];
    for (berval** value = values.get(); value != nullptr && *value != nullptr; ++value) {
      into.emplace_back((*value)->bv_val, (*value)->bv_len);
    }
  }
  const std::unique_ptr<BerElement, BerFree> ber(raw_ber);
  return entry;
}

int scope_code(Scope scope) {
  switch (scope) {
    case Scope::base: return LDAP_SCOPE_BASE;
    case Scope::one_level: return LDAP_SCOPE_ONELEVEL;
    case Scope::subtree: return LDAP_SCOPE_SUBTREE;
  }
  return LDAP_SCOPE_SUBTREE;
}

// The libldap arrays for a list of modifications; they point into `source`, which must outlive
// the call they are passed to.
class ModArrays {
 public:
  ModArrays(const std::vector<Modification>& source, bool for_add) {
    values_.resize(source.size());
    pointers_.resize(source.size());
    mods_.resize(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
      for (const auto& value : source[i].values)
        values_[i].push_back(berval{value.size(), const_cast<char*>(value.data())});
      for (auto& value : values_[i]) pointers_[i].push_back(&value);
      pointers_[i].push_back(nullptr);
      mods_[i].mod_op = LDAP_MOD_BVALUES | (for_add ? LDAP_MOD_ADD : op_code(source[i].op));
      mods_[i].mod_type = const_cast<char*>(source[i].attribute.c_str());
      mods_[i].mod_bvalues = pointers_[i].size() > 1 ? pointers_[i].data() : nullptr;
      list_.push_back(&mods_[i]);
    }
    list_.push_back(nullptr);
  }
  LDAPMod** get() { return list_.data(); }

 private:
  static int op_code(Modification::Op op) {
    switch (op) {
      case Modification::Op::add: return LDAP_MOD_ADD;
      case Modification::Op::remove: return LDAP_MOD_DELETE;
      case Modification::Op::replace: return LDAP_MOD_REPLACE;
    }
    return LDAP_MOD_REPLACE;
  }
  std::vector<std::vector<berval>> values_;
  std::vector<std::vector<berval*>> pointers_;
  std::vector<LDAPMod> mods_;
  std::vector<LDAPMod*> list_;
};

}  // namespace

const Values& Entry::values(const std::string& lower_name) const {
  static const Values kNone;
  const auto found = attributes.find(lower_name);
  return found == attributes.end() ? kNone : found->second;
}

std::string Entry::first(const std::string& lower_name) const {
  const auto& all = values(lower_name);
  return all.empty() ? std::string() : all.front();
}

bool LdapError::connection_lost() const {
  return code_ == LDAP_SERVER_DOWN || code_ == LDAP_TIMEOUT || code_ == LDAP_CONNECT_ERROR ||
         code_ == LDAP_UNAVAILABLE || code_ == LDAP_BUSY;
}

void Session::Closer::operator()(::ldap* handle) const {
  ldap_unbind_ext_s(handle, nullptr, nullptr);
}

std::function<void(std::size_t)>& before_write_hook() {
  static std::function<void(std::size_t)> hook;
  return hook;
}

bool wait_before_reconnecting(std::chrono::milliseconds delay, const std::stop_token& stop) {
  if (stop.stop_requested()) return false;
  boost::asio::io_context io;
  boost::asio::steady_timer timer(io, delay);
  bool ran_out = false;
  timer.async_wait([&ran_out](const boost::system::error_code& error) { ran_out = !error; });
  // The stop may come from another thread: the timer is cancelled on the io_context's own
  // thread (a post is thread-safe, a cancel from outside is not). Declared after the io_context
  // and the timer, so destroyed first: it waits for a callback in progress to finish.
  const std::stop_callback cancel(
      stop, [&io, &timer] { boost::asio::post(io, [&timer] { timer.cancel(); }); });
  io.run();
  return ran_out && !stop.stop_requested();
}

// libldap writes to its socket with write(2): a server that dies while writes are pending would
// kill the whole process with SIGPIPE instead of failing the connector. Ignored once for the
// process (edusync has no use for SIGPIPE: every write checks its result).
static void ignore_broken_pipes() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

Session Session::open(const ConnectionSettings& settings) {
  ignore_broken_pipes();
  LDAP* raw = nullptr;
  const int code = ldap_initialize(&raw, settings.uri.c_str());
  if (code != LDAP_SUCCESS || raw == nullptr) {
    throw LdapError(code, text::message("connector.ldap.invalid_uri",
                                        {text::arg("uri", settings.uri),
                                         text::arg("server", ldap_err2string(code))}));
  }
  std::unique_ptr<::ldap, Closer> handle(raw);
  set_options(raw, settings);
  if (settings.starttls) {
    const int tls = ldap_start_tls_s(raw, nullptr, nullptr);
    if (tls != LDAP_SUCCESS)
      throw handle_error(
          raw, tls, text::message("connector.ldap.starttls", {text::arg("uri", settings.uri)}));
  }
  bind(raw, settings);
  return Session(std::move(handle), settings.timeout);
}

std::vector<Entry> Session::search(const std::string& base, Scope scope, const std::string& filter,
                                   const std::vector<std::string>& attributes, int page_size) {
  LDAP* raw = handle_.get();
  std::vector<char*> names;
  names.reserve(attributes.size() + 1);
  for (const auto& name : attributes) names.push_back(const_cast<char*>(name.c_str()));
  names.push_back(nullptr);
  std::vector<Entry> entries;
  Cookie cookie;
  do {
    LDAPControl* raw_page = nullptr;
    int code = ldap_create_page_control(
        raw, page_size, cookie.value.bv_len > 0 ? &cookie.value : nullptr, 0, &raw_page);
    if (code != LDAP_SUCCESS) throw handle_error(raw, code, text::message("connector.ldap.paging"));
    const std::unique_ptr<LDAPControl, ControlFree> page(raw_page);
    LDAPControl* controls[] = {raw_page, nullptr};
    timeval timeout = as_timeval(timeout_);
    LDAPMessage* raw_result = nullptr;
    code = ldap_search_ext_s(raw, base.c_str(), scope_code(scope), filter.c_str(), names.data(), 0,
                             controls, nullptr, &timeout, LDAP_NO_LIMIT, &raw_result);
    const MessagePtr result(raw_result);
    if (code == LDAP_NO_SUCH_OBJECT) return entries;
    if (code != LDAP_SUCCESS)
      throw handle_error(raw, code,
                         text::message("connector.ldap.reading", {text::arg("base", base)}));
    for (LDAPMessage* entry = ldap_first_entry(raw, raw_result); entry != nullptr;
         entry = ldap_next_entry(raw, entry)) {
      entries.push_back(read_entry(raw, entry));
    }
    LDAPControl** raw_returned = nullptr;
    int result_code = 0;
    code = ldap_parse_result(raw, raw_result, &result_code, nullptr, nullptr, nullptr,
                             &raw_returned, 0);
    const std::unique_ptr<LDAPControl*, ControlsFree> returned(raw_returned);
    if (code != LDAP_SUCCESS)
      throw handle_error(raw, code,
                         text::message("connector.ldap.reading", {text::arg("base", base)}));
    const LDAPControl* response =
        ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, raw_returned, nullptr);
    berval next{0, nullptr};
    ber_int_t estimate = 0;
    if (response == nullptr ||
        ldap_parse_pageresponse_control(raw, const_cast<LDAPControl*>(response), &estimate,
                                        &next) != LDAP_SUCCESS) {
      break;
    }
    cookie.reset(next);
  } while (cookie.value.bv_len > 0);
  return entries;
}

int Session::send(const Operation& operation) {
  LDAP* raw = handle_.get();
  int id = 0;
  int code = LDAP_SUCCESS;
  switch (operation.kind) {
    case Operation::Kind::add: {
      ModArrays mods(operation.modifications, true);
      code = ldap_add_ext(raw, operation.dn.c_str(), mods.get(), nullptr, nullptr, &id);
      break;
    }
    case Operation::Kind::modify: {
      ModArrays mods(operation.modifications, false);
      code = ldap_modify_ext(raw, operation.dn.c_str(), mods.get(), nullptr, nullptr, &id);
      break;
    }
    case Operation::Kind::rename:
      code = ldap_rename(raw, operation.dn.c_str(), operation.new_rdn.c_str(),
                         operation.new_superior.empty() ? nullptr : operation.new_superior.c_str(),
                         1, nullptr, nullptr, &id);
      break;
    case Operation::Kind::remove:
      code = ldap_delete_ext(raw, operation.dn.c_str(), nullptr, nullptr, &id);
      break;
  }
  if (code != LDAP_SUCCESS) throw handle_error(raw, code, text::verbatim(operation.dn));  // a DN
  return id;
}

std::vector<Outcome> Session::run(const std::vector<Operation>& operations, std::size_t window,
                                  const std::stop_token& stop,
                                  const std::function<void(std::size_t)>& answered) {
  LDAP* raw = handle_.get();
  static std::size_t sent_in_process = 0;
  std::vector<Outcome> outcomes(operations.size());
  std::map<int, std::size_t> in_flight;  // message id -> operation index
  std::size_t next = 0;
  std::size_t answers = 0;
  // Fault injection point, once, when a batch longer than the window is half sent.
  std::size_t halfway = operations.size() > window ? operations.size() / 2 : 0;
  while (next < operations.size() || !in_flight.empty()) {
    if (halfway > 0 && next >= halfway) {
      crash_point("ldap-writes-halfway");
      halfway = 0;
    }
    if (stop.stop_requested()) {
      for (; next < operations.size(); ++next)
        outcomes[next] = {Outcome::kNotSent, text::message("connector.ldap.not_sent")};
    }
    for (; next < operations.size() && in_flight.size() < std::max<std::size_t>(window, 1);
         ++next) {
      try {
        if (before_write_hook()) before_write_hook()(sent_in_process);
        ++sent_in_process;
        in_flight.emplace(send(operations[next]), next);
      } catch (const LdapError& error) {
        if (error.connection_lost()) throw;
        outcomes[next] = {error.code(), error.message()};
        ++answers;  // refused before it was sent: answered too
      }
    }
    if (in_flight.empty()) continue;
    timeval timeout = as_timeval(timeout_);
    LDAPMessage* raw_message = nullptr;
    const int type = ldap_result(raw, LDAP_RES_ANY, LDAP_MSG_ALL, &timeout, &raw_message);
    const MessagePtr message(raw_message);
    if (type == 0) {
      throw LdapError(LDAP_TIMEOUT,
                      text::message("connector.ldap.no_answer",
                                    {text::arg("seconds", std::to_string(timeout_.count()))}));
    }
    if (type < 0) {
      int code = LDAP_SERVER_DOWN;
      ldap_get_option(raw, LDAP_OPT_RESULT_CODE, &code);
      throw LdapError(code, text::message("connector.ldap.connection_lost",
                                          {text::arg("server", describe(code, diagnostic(raw)))}));
    }
    const auto found = in_flight.find(ldap_msgid(raw_message));
    if (found == in_flight.end()) continue;
    int code = LDAP_OTHER;
    char* raw_text = nullptr;
    ldap_parse_result(raw, raw_message, &code, nullptr, &raw_text, nullptr, nullptr, 0);
    const LdapText words(raw_text);
    outcomes[found->second] = {
        code, code == LDAP_SUCCESS ? text::Message()
                                   : text::verbatim(describe(code, words ? words.get() : ""))};
    in_flight.erase(found);
    ++answers;
    if (answered) answered(answers);
  }
  return outcomes;
}

}  // namespace edusync::connectors::ldap
