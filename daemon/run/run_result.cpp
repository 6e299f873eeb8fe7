#include "run/run_result.hpp"

#include <ostream>

namespace edusync::run {

const char* status_word(Status status) {
  switch (status) {
    case Status::done: return "ok";
    case Status::held: return "held";
    case Status::partial: return "partial";
    case Status::failed:
    case Status::refused: return "failed";
  }
  return "failed";
}

std::ostream& operator<<(std::ostream& out, Status status) {
  return out << (status == Status::refused ? "refused" : status_word(status));
}

}  // namespace edusync::run
