#pragma once
// Data-quality warnings: record-level problems that do not stop a run. Codes are part of the
// report contract (README.md); messages are written for the school's operator, in French or
// English, and say where to fix the data in SIECLE or STS-web.
#include <string>
#include <vector>

#include "text/message.hpp"

namespace edusync::model {

struct Warning {
  std::string code;               // MISSING_INE, DUPLICATE_GUARDIAN...
  text::Message message;          // rendered in the reader's language (text/message.hpp)
  std::vector<std::string> keys;  // the records concerned (pupil, person or staff keys)
  std::string where;              // "file:line" of the first record concerned, when known
};

}  // namespace edusync::model
