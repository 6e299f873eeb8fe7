#include "text/catalogue.hpp"

namespace edusync::text {

std::span<const Entry> cli_entries() {
  return {};
}

}  // namespace edusync::text
