#include "common/errors.hpp"

namespace edusync {

std::string format_location(const SourceLocation& where) {
  std::string text = where.file;
  if (where.line > 0) {
    text += ':' + std::to_string(where.line);
    if (where.column > 0) text += ':' + std::to_string(where.column);
  }
  if (!text.empty()) text += ": ";
  return text;
}

}  // namespace edusync
