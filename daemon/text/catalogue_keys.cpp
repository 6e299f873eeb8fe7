// The help of every configuration key (check-config --help), French and English.
#include "text/catalogue.hpp"

namespace edusync::text {

std::span<const Entry> key_entries() {
  return {};
}

}  // namespace edusync::text
