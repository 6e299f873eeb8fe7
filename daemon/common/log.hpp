#pragma once
// Events for the operator: what edusync says while it works (a reconnection, drift repaired on a
// target, a run record that could not be written), as opposed to the reports, which say what a
// run did. Each event has
//   - a component: who speaks ("ldap-sambaedu", "run", "inbox"...);
//   - a code: what happened, stable, in capitals (LDAP_RECONNECT, LDAP_DRIFT...);
//   - a message: the whole line an operator reads, self-contained, French, or a catalogue
//     message rendered in the language of the events (set_language(): the service's) (it repeats
//     the component, the connector's name and the code where the operator needs to see them);
//   - fields: key=value pairs for machines (journald, tests), e.g. {"connector", "sambaedu"}.
// SECRETS NEVER GO IN AN EVENT: no password, bind password, password hash or secret file
// content in the message or the fields (a path to a secret file is fine). Every sink may write
// events where others can read them (a terminal, the system journal).
//
// By default events go to stderr, one line each: the message and nothing else (no time stamp,
// no level, no fields), which is the text edusync has always printed there (tests and scripts
// read it). Events below Level::info are not printed by that default sink. A service routes
// them elsewhere with use_logger() (an spdlog logger of its own), set_sink() or use_journald()
// (the system journal, each field a journal field); tests capture them with log::Capture.
// Thread-safe: events may come from any thread.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "text/message.hpp"

namespace spdlog {
class logger;
}

namespace edusync::log {

enum class Level { debug, info, warn, error };

struct Field {
  std::string key;
  std::string value;  // never a secret (see above)
};
using Fields = std::vector<Field>;

struct Event {
  Level level = Level::info;
  std::string component;
  std::string code;
  std::string message;
  Fields fields;
  // The value of a field, empty when absent.
  std::string field(const std::string& key) const;
};

// Sends an event to the current sink.
void event(Level level, std::string component, std::string code, std::string message,
           Fields fields = {});
// The same with a message of the catalogue, rendered in the language of the events (below);
// the code and the fields stay what they are in every language.
void event(Level level, std::string component, std::string code, const text::Message& message,
           Fields fields = {});

// The language in which event(..., text::Message, ...) renders: "fr" (the default) or "en". The
// service sets it from report.language when it starts and at each reload. Thread-safe.
void set_language(std::string_view language);
std::string language();

using Sink = std::function<void(const Event&)>;

// Replaces the sink; an empty one puts the default (stderr) back. A sink must not throw.
void set_sink(Sink sink);

// Sends every event to `logger` (a service's, e.g. one with a journald sink) at the matching
// spdlog level, as the text of with_fields(); null puts the default back.
void use_logger(std::shared_ptr<spdlog::logger> logger);

// The default sink: the message alone on stderr, events below Level::info left out. Another sink
// may fall back on it (use_journald() does for an entry the journal refuses).
void to_stderr(const Event& event);

// --- The system journal (journald) ---
// Under systemd, a service's stderr is usually a stream to the journal, where each line becomes
// an entry without level or fields. use_journald() sends events with the journal's native
// protocol instead (sd_journal_sendv), one entry each:
//   MESSAGE            the message (the fields are not appended: they are fields of their own)
//   PRIORITY           syslog priority: debug 7, info 6, warn 4, error 3
//   SYSLOG_IDENTIFIER  edusync
//   EDUSYNC_COMPONENT, EDUSYNC_CODE
//   EDUSYNC_<KEY>      each field, named by journal_field_name()
// so that `journalctl -u edusync -p warning` or `journalctl EDUSYNC_CODE=LDAP_DRIFT` select them.
// Events below Level::info are left out, as on stderr. An entry the journal refuses is printed
// by to_stderr() instead. Where journald's socket does not exist at all, libsystemd drops the
// entry without an error (sd_journal_sendv returns 0): that is why a daemon chooses the journal
// with use_journald_if_stderr_is_journal(), only when systemd connected stderr to it.
// `send` delivers one entry and returns sd_journal_sendv's result (negative: refused); empty:
// sd_journal_sendv itself. Tests give their own.
using JournalSend = std::function<int(const std::vector<std::string>& entry)>;
void use_journald(JournalSend send = {});

// systemd sets JOURNAL_STREAM to "<device>:<inode>" of the stream it connects a service's
// stdout and stderr to (systemd.exec(5)). stderr goes to the journal when that variable is set
// and stderr's device and inode are those numbers: not when the service redirected stderr
// elsewhere, nor in a program an operator starts from a shell (stderr is their terminal).
bool stderr_is_journal();
// The comparison itself: `journal_stream` must be two decimal numbers joined by ':', nothing
// else; anything malformed is "not the journal".
bool is_journal_stream(std::string_view journal_stream, std::uint64_t device, std::uint64_t inode);

// use_journald() when stderr_is_journal(); otherwise the sink is left as it is. Returns whether
// events now go to the journal. A daemon calls this once, at start.
bool use_journald_if_stderr_is_journal();

// The journal's name for an event field: EDUSYNC_ and the key in capitals, every character
// other than A-Z and 0-9 turned into '_', cut to the journal's 64 characters. The prefix keeps
// fields apart from the journal's own (MESSAGE, PRIORITY...), whatever a key is.
std::string journal_field_name(std::string_view key);
// The NAME=value items use_journald() sends for an event, in the order above.
std::vector<std::string> journal_entry(const Event& event);

// "message key=value key=value": the message followed by the fields, a value in double quotes
// (with \" and \\ escaped) when it is empty or holds a space, a double quote or an equals sign.
std::string with_fields(const Event& event);

// A test sink: while it exists, events are collected instead of being sent on; the previous
// sink is put back when it goes. Not nestable with another set_sink() in between; events
// logged from other threads must be over before it goes.
class Capture {
 public:
  Capture();
  ~Capture();
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::vector<Event> events() const;
  // The events with this code, in order.
  std::vector<Event> with_code(const std::string& code) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Event> events_;
  Sink previous_;
};

}  // namespace edusync::log
