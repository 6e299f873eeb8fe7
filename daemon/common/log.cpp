#include "common/log.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <algorithm>
#include <utility>

namespace edusync::log {
namespace {

spdlog::level::level_enum spdlog_level(Level level) {
  switch (level) {
    case Level::debug: return spdlog::level::debug;
    case Level::info: return spdlog::level::info;
    case Level::warn: return spdlog::level::warn;
    case Level::error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

// stderr, the message alone on its line ("%v"), flushed line by line by spdlog's stderr sink,
// so that the lines interleave in order with what the commands print through std::cerr.
std::shared_ptr<spdlog::logger> stderr_logger() {
  static const auto logger = [] {
    auto made = std::make_shared<spdlog::logger>("edusync",
                                                 std::make_shared<spdlog::sinks::stderr_sink_mt>());
    made->set_pattern("%v");
    made->set_level(spdlog::level::info);
    return made;
  }();
  return logger;
}

// The sink in force; null: the default one. Swapped under the mutex, called outside it (a sink
// may itself log, or take its time).
struct Current {
  std::mutex mutex;
  std::shared_ptr<const Sink> sink;
};

Current& current() {
  static Current instance;
  return instance;
}

std::shared_ptr<const Sink> sink_in_force() {
  auto& state = current();
  const std::lock_guard lock(state.mutex);
  return state.sink;
}

// Installs `next` (empty: the default) and returns the sink it replaces (empty: the default).
Sink exchange_sink(Sink next) {
  auto& state = current();
  auto installed = next ? std::make_shared<const Sink>(std::move(next)) : nullptr;
  const std::lock_guard lock(state.mutex);
  const auto previous = std::exchange(state.sink, std::move(installed));
  return previous ? *previous : Sink();
}

bool needs_quotes(const std::string& value) {
  return value.empty() || value.find_first_of(" \"=") != std::string::npos;
}

}  // namespace

void to_stderr(const Event& event) {
  stderr_logger()->log(spdlog_level(event.level), spdlog::string_view_t(event.message));
}

std::string Event::field(const std::string& key) const {
  const auto found =
      std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
  return found == fields.end() ? std::string() : found->value;
}

void event(Level level, std::string component, std::string code, std::string message,
           Fields fields) {
  // Logging never stops the work it describes: a sink that fails loses the event.
  try {
    const Event happened{level, std::move(component), std::move(code), std::move(message),
                         std::move(fields)};
    if (const auto sink = sink_in_force()) {
      (*sink)(happened);
    } else {
      to_stderr(happened);
    }
  } catch (...) {  // lost, see above
  }
}

void event(Level level, std::string component, std::string code, const text::Message& message,
           Fields fields) {
  std::string rendered;
  try {
    rendered = text::render(message, language());
  } catch (...) {  // memory exhausted: the event is lost, the work goes on
    return;
  }
  event(level, std::move(component), std::move(code), std::move(rendered), std::move(fields));
}

namespace {

struct Language {
  std::mutex mutex;
  std::string value = "fr";
};

Language& events_language() {
  static Language instance;
  return instance;
}

}  // namespace

void set_language(std::string_view language) {
  auto& state = events_language();
  const std::lock_guard lock(state.mutex);
  state.value = language == "en" ? "en" : "fr";
}

std::string language() {
  auto& state = events_language();
  const std::lock_guard lock(state.mutex);
  return state.value;
}

void set_sink(Sink sink) {
  exchange_sink(std::move(sink));
}

void use_logger(std::shared_ptr<spdlog::logger> logger) {
  if (!logger) {
    set_sink({});
    return;
  }
  set_sink([logger = std::move(logger)](const Event& event) {
    logger->log(spdlog_level(event.level), spdlog::string_view_t(with_fields(event)));
  });
}

std::string with_fields(const Event& event) {
  std::string text = event.message;
  for (const auto& [key, value] : event.fields) {
    text += ' ';
    text += key;
    text += '=';
    if (!needs_quotes(value)) {
      text += value;
      continue;
    }
    text += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') text += '\\';
      text += c;
    }
    text += '"';
  }
  return text;
}

Capture::Capture() {
  previous_ = exchange_sink([this](const Event& event) {
    const std::lock_guard lock(mutex_);
    events_.push_back(event);
  });
}

Capture::~Capture() {
  exchange_sink(std::move(previous_));
}

std::vector<Event> Capture::events() const {
  const std::lock_guard lock(mutex_);
  return events_;
}

std::vector<Event> Capture::with_code(const std::string& code) const {
  std::vector<Event> found;
  for (auto& event : events()) {
    if (event.code == code) found.push_back(std::move(event));
  }
  return found;
}

}  // namespace edusync::log
