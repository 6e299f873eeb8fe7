#include "connectors/ldap_sambaedu/sambaedu_connector.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/log.hpp"
#include "connectors/ldap_sambaedu/desired.hpp"
#include "connectors/ldap_sambaedu/existing_accounts.hpp"
#include "connectors/ldap_sambaedu/reader.hpp"
#include "connectors/ldap_sambaedu/reconcile.hpp"

namespace edusync::connectors {
namespace {

constexpr int kAttempts = 4;  // one connection and three reconnections
constexpr std::chrono::milliseconds kFirstBackoff{500};
constexpr std::size_t kWindow = 64;  // writes in flight on the connection

// "none", "auto" and the empty text mean the key is not set (the key table gives every
// optional key a default, see sambaedu_type.cpp).
std::string optional(const config::ConnectorConfig& settings, const std::string& key) {
  const auto& value = settings.string(key);
  return value == "none" || value == "auto" ? std::string() : value;
}

std::string read_secret(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw Error(text::message("connector.ldap.secret_unreadable", {text::arg("path", path)}));
  std::ostringstream content;
  content << file.rdbuf();
  std::string secret = content.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  return secret;
}

// Like ssh with a private key: a bind password file that others may read (or anyone but its
// owner may write) is worth a warning; the run goes on, the operator fixes the mode.
std::optional<model::Warning> exposed_secret_warning(const config::ConnectorConfig& settings) {
  if (optional(settings, "bind_dn").empty()) return std::nullopt;
  const std::string path = settings.path("bind_password_file").string();
  struct stat status {};
  if (path.empty() || ::stat(path.c_str(), &status) != 0) return std::nullopt;
  const unsigned mode = status.st_mode & 0777u;
  if ((mode & (S_IRWXO | S_IWGRP)) == 0) return std::nullopt;
  char octal[8];
  std::snprintf(octal, sizeof octal, "%04o", mode);
  auto message = text::message(
      "connector.ldap.secret_exposed",
      {text::arg("connector", settings.name), text::arg("path", path), text::arg("mode", octal)});
  // The log in French for now (common/log takes a message later).
  log::event(log::Level::warn, "ldap-sambaedu", "LDAP_BIND_PASSWORD_FILE_EXPOSED",
             text::french(message),
             {{"connector", settings.name}, {"file", path}, {"mode", octal}});
  return model::Warning{"LDAP_BIND_PASSWORD_FILE_EXPOSED", std::move(message), {}, path};
}

// The connector's error when a stop request (ApplyContext::stop) ended the reconnection pause.
text::Message stopped_while_reconnecting(int attempts, const ldap::LdapError& last) {
  return text::message(
      "connector.ldap.stopped_reconnecting",
      {text::count("attempts", static_cast<std::uint64_t>(attempts)),
       text::arg("max", std::to_string(kAttempts)), text::nested("last", last.message())});
}

// The connector's error when a stop request came between two writes: what was sent has its
// true outcome, the rest was never sent; the directory is consistent, only behind.
text::Message stopped_between_writes(std::size_t sent, std::size_t total) {
  return text::message("connector.ldap.stopped_writing",
                       {text::count("sent", sent), text::arg("total", std::to_string(total))});
}

// Tells ApplyContext::progress the writes answered, at each whole percent only (a hundred calls
// for a 100 000-write run, not 100 000).
class WriteProgress {
 public:
  WriteProgress(const std::function<void(std::size_t, std::size_t)>& tell, std::size_t total)
      : tell_(tell), total_(total) {}
  void answered(std::size_t done) {
    if (!tell_ || total_ == 0) return;
    const auto percent = done * 100 / total_;
    if (percent == told_percent_ && done != total_) return;
    told_percent_ = percent;
    tell_(done, total_);
  }

 private:
  const std::function<void(std::size_t, std::size_t)>& tell_;
  std::size_t total_;
  std::size_t told_percent_ = 101;  // nothing told yet
};

// Renamed structures of the plan: old code -> new code.
std::map<std::string, std::string> renamed_structures(const plan::Plan& plan) {
  std::map<std::string, std::string> renamed;
  for (const auto& item : plan.items) {
    if (item.op != plan::Op::rename || !plan::is_structure(item.entity)) continue;
    for (const auto& field : item.fields) {
      if (field.field == "code") renamed[field.before] = field.after;
    }
  }
  return renamed;
}

// The plan item a write is about (a login, a group named after a structure), or
// plan.items.size() when the write repairs drift outside the plan.
std::size_t item_of(const plan::Plan& plan, const std::string& subject) {
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    if (!plan.items[i].login.empty() && plan.items[i].login == subject) return i;
  }
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const auto& item = plan.items[i];
    if (plan::is_structure(item.entity) && !item.key.empty() &&
        subject.ends_with(ldap::clean_code(item.key)))
      return i;
  }
  return plan.items.size();
}

// The catalogue id of a write the directory refused, by kind.
const char* refused_id(ldap::Operation::Kind kind) {
  switch (kind) {
    case ldap::Operation::Kind::add: return "connector.ldap.refused.add";
    case ldap::Operation::Kind::modify: return "connector.ldap.refused.modify";
    case ldap::Operation::Kind::rename: return "connector.ldap.refused.rename";
    case ldap::Operation::Kind::remove: return "connector.ldap.refused.remove";
  }
  return "connector.ldap.refused.write";
}

}  // namespace

ldap::ConnectionSettings SambaEduConnector::connection_settings() const {
  ldap::ConnectionSettings connection;
  connection.uri = settings_.string("uri");
  connection.bind_dn = optional(settings_, "bind_dn");
  if (!connection.bind_dn.empty())
    connection.bind_password = read_secret(settings_.path("bind_password_file").string());
  if (connection.bind_dn.empty() && !connection.uri.starts_with("ldapi://")) {
    throw Error(text::message("connector.ldap.no_bind_dn"));
  }
  connection.starttls = settings_.boolean("starttls");
  connection.ca_file = optional(settings_, "ca_file");
  connection.timeout = std::chrono::seconds(settings_.integer("timeout"));
  return connection;
}

ldap::Layout SambaEduConnector::layout() const {
  ldap::Layout layout;
  layout.base_dn = settings_.string("base_dn");
  layout.domain_sid = optional(settings_, "domain_sid");
  layout.mail_domain = optional(settings_, "mail_domain");
  layout.prefix = optional(settings_, "prefix");
  layout.group_of_names = settings_.string("group_style") == "groupofnames";
  layout.hash = settings_.string("password_hash") == "md5" ? ldap::PasswordHash::md5
                                                           : ldap::PasswordHash::ssha;
  if (layout.base_dn.empty()) throw Error(text::message("connector.ldap.no_base_dn"));
  return layout;
}

ApplyResult SambaEduConnector::apply(const ApplyContext& context) {
  ApplyResult result;
  try {
    const auto connection = connection_settings();
    const auto base_layout = layout();
    auto backoff = kFirstBackoff;
    for (int attempt = 1;; ++attempt) {
      try {
        result = apply_once(context, connection, base_layout);
        break;
      } catch (const ldap::LdapError& error) {
        if (!error.connection_lost() || attempt >= kAttempts) throw;
        // The log in French for now (common/log takes a message later).
        log::event(
            log::Level::warn, "ldap-sambaedu", "LDAP_RECONNECT",
            text::french(text::message(
                "connector.ldap.reconnect_log",
                {text::arg("connector", settings_.name), text::nested("error", error.message()),
                 text::arg("delay", std::to_string(backoff.count()))})),
            {{"connector", settings_.name},
             {"attempt", std::to_string(attempt)},
             {"delay_ms", std::to_string(backoff.count())},
             {"error", error.what()}});
        if (!ldap::wait_before_reconnecting(backoff, context.stop))
          throw Error(stopped_while_reconnecting(attempt, error));
        backoff *= 2;
      }
    }
  } catch (const std::exception& error) {
    result.error = message_of(error);  // what() as it is for another part's text (std::bad_alloc)
  }
  if (auto warning = exposed_secret_warning(settings_)) result.warnings.push_back(*warning);
  return result;
}

std::vector<ExistingAccount> SambaEduConnector::existing_accounts() {
  auto layout_now = layout();
  auto session = ldap::Session::open(connection_settings());
  std::vector<ExistingAccount> accounts;
  for (const bool in_trash : {false, true}) {
    const auto branch = in_trash ? layout_now.trash_dn() : layout_now.people_dn();
    for (const auto& entry : session.search(branch, ldap::Scope::one_level, "(uid=*)",
                                            {"uid", "uidNumber", "employeeNumber", "cn"})) {
      accounts.push_back(ldap::existing_account(entry.first("uid"), entry.first("uidnumber"),
                                                entry.first("employeenumber"), entry.first("cn"),
                                                in_trash));
    }
  }
  return accounts;
}

ApplyResult SambaEduConnector::apply_once(const ApplyContext& context,
                                          const ldap::ConnectionSettings& connection,
                                          ldap::Layout layout) {
  auto session = ldap::Session::open(connection);
  const auto actual = ldap::read_snapshot(session, layout);
  const auto after = ldap::desired_state(context.after, layout);
  // A reconcile-only pass (run/apply.hpp) gives the same directory as before and after: its
  // desired state is built once (a quarter of that pass's time at 100 k accounts).
  std::optional<ldap::Desired> distinct_before;
  if (&context.before != &context.after)
    distinct_before = ldap::desired_state(context.before, layout);
  const ldap::Desired& before = distinct_before ? *distinct_before : after;
  const auto renamed = renamed_structures(context.plan);
  auto work = ldap::reconcile({layout, before, after, actual, renamed, context.plan.rollover,
                               context.new_passwords, context.today});
  drift_ = work.drift;
  notices_ = work.notices;
  // The log in French for now (common/log takes a message later).
  for (const auto& line : drift_)
    log::event(log::Level::warn, "ldap-sambaedu", "LDAP_DRIFT",
               text::french(text::message(
                   "connector.ldap.drift_log",
                   {text::arg("connector", settings_.name), text::nested("line", line)})),
               {{"connector", settings_.name}});
  for (const auto& line : notices_)
    log::event(log::Level::info, "ldap-sambaedu", "LDAP_NOTICE",
               text::french(text::message(
                   "connector.ldap.notice_log",
                   {text::arg("connector", settings_.name), text::nested("line", line)})),
               {{"connector", settings_.name}});
  ApplyResult result;
  // In the report under this connector; they do not make it fail.
  for (const auto& line : drift_) result.warnings.push_back({"LDAP_DRIFT", line, {}, {}});
  for (const auto& line : notices_) result.warnings.push_back({"LDAP_NOTICE", line, {}, {}});
  for (const auto& [subject, why] : work.refused)
    result.failures.push_back({item_of(context.plan, subject), why});
  // Phase after phase (branches, removals, moves, writes), each pipelined on the connection.
  // A stop request ends the sending between two writes; later phases are not started.
  std::size_t total = 0;
  for (const auto& phase : work.phases) total += phase.size();
  WriteProgress progress(context.progress, total);
  progress.answered(0);
  std::size_t done_before = 0;
  std::size_t not_sent = 0;
  for (auto& phase : work.phases) {
    if (context.stop.stop_requested()) {
      not_sent += phase.size();
      continue;
    }
    std::vector<ldap::Operation> operations;
    operations.reserve(phase.size());
    for (auto& step : phase) operations.push_back(std::move(step.operation));
    const auto outcomes = session.run(operations, kWindow, context.stop, [&](std::size_t answered) {
      progress.answered(done_before + answered);
    });
    done_before += operations.size();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (!outcomes[i].sent()) {
        ++not_sent;
        continue;
      }
      if (outcomes[i].ok()) {
        ++result.applied;
        continue;
      }
      // The DN and the server's words are shown as they are (verbatim), in every language.
      result.failures.push_back({item_of(context.plan, phase[i].subject),
                                 text::message(refused_id(operations[i].kind),
                                               {text::arg("dn", operations[i].dn),
                                                text::nested("server", outcomes[i].message)})});
    }
  }
  if (not_sent > 0) result.error = stopped_between_writes(total - not_sent, total);
  return result;
}

}  // namespace edusync::connectors
