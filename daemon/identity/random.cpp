#include "identity/random.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace edusync::identity {

void system_random_bytes(std::span<std::uint8_t> buffer) {
  std::size_t filled = 0;
  while (filled < buffer.size()) {
    const ssize_t got = ::getrandom(buffer.data() + filled, buffer.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    filled += static_cast<std::size_t>(got);
  }
}

RandomPicker::RandomPicker(RandomBytes source) : source_(std::move(source)) {}

RandomPicker::~RandomPicker() {
  explicit_bzero(buffer_.data(), buffer_.size());
}

std::size_t RandomPicker::below(std::size_t n) {
  if (n == 0 || n > 256) throw std::invalid_argument("RandomPicker::below: n must be 1..256");
  const std::size_t limit = 256 - (256 % n);  // largest multiple of n not above 256
  for (;;) {
    const std::size_t byte = next_byte();
    if (byte < limit) return byte % n;
  }
}

std::uint8_t RandomPicker::next_byte() {
  if (used_ == buffer_.size()) {
    source_(buffer_);
    used_ = 0;
  }
  const std::uint8_t byte = buffer_[used_];
  buffer_[used_++] = 0;
  return byte;
}

}  // namespace edusync::identity
