#include "text/catalogue.hpp"

namespace edusync::text {

std::span<const Entry> service_entries() {
  return {};
}

}  // namespace edusync::text
