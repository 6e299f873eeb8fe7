#pragma once
// Events for the operator: what edusync says while it works (a reconnection, drift repaired on a
// target, a run record that could not be written), as opposed to the reports, which say what a
// run did. Each event has
//   - a component: who speaks ("ldap-sambaedu", "run", "inbox"...);
//   - a code: what happened, stable, in capitals (LDAP_RECONNECT, LDAP_DRIFT...);
//   - a message: the whole French line an operator reads, self-contained (it repeats the
//     component, the connector's name and the code where the operator needs to see them);
//   - fields: key=value pairs for machines (journald, tests), e.g. {"connector", "sambaedu"}.
// SECRETS NEVER GO IN AN EVENT: no password, bind password, password hash or secret file
// content in the message or the fields (a path to a secret file is fine). Every sink may write
// events where others can read them (a terminal, the system journal).
//
// By default events go to stderr, one line each: the message and nothing else (no time stamp,
// no level, no fields), which is the text edusync has always printed there (tests and scripts
// read it). Events below Level::info are not printed by that default sink. A service routes
// them elsewhere with use_logger() (an spdlog logger of its own) or set_sink(); tests capture
// them with log::Capture. Thread-safe: events may come from any thread.
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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

using Sink = std::function<void(const Event&)>;

// Replaces the sink; an empty one puts the default (stderr) back. A sink must not throw.
void set_sink(Sink sink);

// Sends every event to `logger` (a service's, e.g. one with a journald sink) at the matching
// spdlog level, as the text of with_fields(); null puts the default back.
void use_logger(std::shared_ptr<spdlog::logger> logger);

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
