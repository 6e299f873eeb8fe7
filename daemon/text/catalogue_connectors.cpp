#include "text/catalogue.hpp"

namespace edusync::text {

std::span<const Entry> connector_entries() {
  return {};
}

}  // namespace edusync::text
