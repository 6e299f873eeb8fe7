#pragma once
// Errors that stop the processing of one input file. They always name the file and, when
// known, the line and column, so that the operator can open the file at the right place.
#include <stdexcept>
#include <string>
#include <string_view>

#include "text/message.hpp"

namespace edusync {

struct SourceLocation {
  std::string file;  // path as given by the user; "archive.zip:member.xml" for zip members
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

// "file:line:column: " (parts that are unknown are left out).
std::string format_location(const SourceLocation& where);

// A failure whose words are a catalogue message: what() is French (logs, crashes); whoever
// reports it to an operator renders message() in the reader's language.
class Failure : public std::runtime_error {
 public:
  explicit Failure(text::Message message)
      : std::runtime_error(text::french(message)), message_(std::move(message)) {}
  const text::Message& message() const { return message_; }

 private:
  text::Message message_;
};

// An input file cannot be used: not well-formed, hostile, unknown kind, wrong school...
// The run or the inspection stops before anything is applied.
class InputError : public std::runtime_error {
 public:
  // what() is the French text, with the location first; reports render message() in their
  // own language.
  InputError(SourceLocation where, text::Message message)
      : std::runtime_error(format_location(where) + text::french(message)),
        where_(std::move(where)),
        message_(std::move(message)) {}
  // A text that is the same in every language (another library's diagnostic).
  InputError(SourceLocation where, const std::string& text)
      : InputError(std::move(where), text::verbatim(text)) {}
  const SourceLocation& where() const { return where_; }
  // The message without its location.
  const text::Message& message() const { return message_; }
  std::string reason(std::string_view language) const { return text::render(message_, language); }

  // A well-formed file that is no export edusync reads (its root element is not one of theirs):
  // a stray file, which the inbox skips and lists, where a broken export stops the run. A flag
  // rather than a subclass: errors are stored and rethrown by value (record streams).
  static InputError stray(SourceLocation where, text::Message message) {
    InputError error(std::move(where), std::move(message));
    error.stray_ = true;
    return error;
  }
  bool is_stray() const { return stray_; }

 private:
  SourceLocation where_;
  text::Message message_;
  bool stray_ = false;
};

}  // namespace edusync
