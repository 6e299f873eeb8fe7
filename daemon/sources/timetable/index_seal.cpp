// Placeholder until the sealing side lands.
#include "sources/timetable/index_seal.hpp"

#include <stdexcept>

namespace edusync::timetable {

std::string seal_index_container(std::string_view, std::string_view, const SealOptions&) {
  throw std::runtime_error("seal_index_container: not implemented yet");
}

TestKeyPair generate_test_key_pair(int) {
  throw std::runtime_error("generate_test_key_pair: not implemented yet");
}

}  // namespace edusync::timetable
