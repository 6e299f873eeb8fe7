#pragma once
// Errors that stop the processing of one input file. They always name the file and, when
// known, the line and column, so that the operator can open the file at the right place.
#include <stdexcept>
#include <string>

namespace edusync {

struct SourceLocation {
  std::string file;  // path as given by the user; "archive.zip:member.xml" for zip members
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

// "file:line:column: " (parts that are unknown are left out).
std::string format_location(const SourceLocation& where);

// An input file cannot be used: not well-formed, hostile, unknown kind, wrong school...
// The run or the inspection stops before anything is applied.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message)
      : std::runtime_error(format_location(where) + message),
        where_(std::move(where)),
        reason_(message) {}
  const SourceLocation& where() const { return where_; }
  // The message without its location.
  const std::string& reason() const { return reason_; }

  // A well-formed file that is no export edusync reads (its root element is not one of theirs):
  // a stray file, which the inbox skips and lists, where a broken export stops the run. A flag
  // rather than a subclass: errors are stored and rethrown by value (record streams).
  static InputError stray(SourceLocation where, const std::string& message) {
    InputError error(std::move(where), message);
    error.stray_ = true;
    return error;
  }
  bool is_stray() const { return stray_; }

 private:
  SourceLocation where_;
  std::string reason_;
  bool stray_ = false;
};

}  // namespace edusync
