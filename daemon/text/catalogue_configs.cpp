#include "text/catalogue.hpp"

namespace edusync::text {

std::span<const Entry> config_entries() {
  return {};
}

}  // namespace edusync::text
