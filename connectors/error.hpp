#pragma once
// Errors of the connectors, in the reader's language: an exception that carries a text::Message
// (its what() is the French text, for logs and for callers that only know std::exception), and
// the message of any exception a connector catches, whoever threw it.
#include <exception>
#include <stdexcept>
#include <utility>

#include "text/message.hpp"

namespace edusync::connectors {

// What an exception of a connector says, in words edusync wrote (text/catalogue_connectors.cpp).
class Described {
 public:
  explicit Described(text::Message message) : message_(std::move(message)) {}
  virtual ~Described() = default;
  Described(const Described&) = default;
  Described& operator=(const Described&) = default;
  const text::Message& message() const { return message_; }

 private:
  text::Message message_;
};

// A failure of a connector at run time (directory unwritable, server refused...).
class Error : public std::runtime_error, public Described {
 public:
  explicit Error(text::Message message)
      : std::runtime_error(text::french(message)), Described(std::move(message)) {}
};

// Settings a connector type refuses when it is made (registry.hpp).
class InvalidSettings : public std::invalid_argument, public Described {
 public:
  explicit InvalidSettings(text::Message message)
      : std::invalid_argument(text::french(message)), Described(std::move(message)) {}
};

// The message of `error`: its own when a connector threw it, else its what() as it is -- the
// text of a library or of another part of edusync (a FileWriter's, std::filesystem's), which
// has no message of its own.
inline text::Message message_of(const std::exception& error) {
  if (const auto* described = dynamic_cast<const Described*>(&error)) return described->message();
  return text::verbatim(error.what());
}

}  // namespace edusync::connectors
