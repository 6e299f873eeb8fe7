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
      : std::runtime_error(format_location(where) + message), where_(std::move(where)) {}
  const SourceLocation& where() const { return where_; }

 private:
  SourceLocation where_;
};

}  // namespace edusync
