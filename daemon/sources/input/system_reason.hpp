#pragma once
// Why the system refused to open or read an input file, as a message of the catalogue
// (input.system.*): the same words as common/text.hpp's system_error_text in French, and
// English for an English report.
#include <cerrno>
#include <cstring>
#include <string>

#include "text/message.hpp"

namespace edusync::input {

inline text::Message system_reason(int error) {
  switch (error) {
    case ENOENT: return text::message("input.system.no_entry");
    case EACCES:
    case EPERM: return text::message("input.system.permission");
    case EROFS: return text::message("input.system.read_only");
    case EISDIR: return text::message("input.system.is_directory");
    case ENOTDIR: return text::message("input.system.not_directory");
    case ENOSPC: return text::message("input.system.disk_full");
    case EIO: return text::message("input.system.io");
    case EMFILE:
    case ENFILE: return text::message("input.system.too_many_files");
    case ENAMETOOLONG: return text::message("input.system.name_too_long");
    default:
      // strerror's text is the C library's, quoted as it is.
      return text::message("input.system.other", {text::arg("code", std::to_string(error)),
                                                  text::arg("text", std::strerror(error))});
  }
}

}  // namespace edusync::input
