#pragma once
// Randomness for secrets (initial passwords): the kernel CSPRNG, never rand() or <random>.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

namespace edusync::identity {

// Fills the buffer with random bytes. The production source is system_random_bytes; tests
// pass a deterministic one.
using RandomBytes = std::function<void(std::span<std::uint8_t>)>;

// getrandom(2) with no flags: the kernel CSPRNG, blocking only until it is seeded at boot.
// Throws std::system_error when the kernel refuses (ENOSYS on a very old kernel).
void system_random_bytes(std::span<std::uint8_t> buffer);

// Uniform choices from a byte source, without modulo bias: a byte is rejected when it falls in
// the incomplete last block of 256 % n values (rejection sampling). Buffers the source, so that
// one password costs one system call.
class RandomPicker {
 public:
  explicit RandomPicker(RandomBytes source);
  ~RandomPicker();  // wipes the unused buffered bytes
  RandomPicker(const RandomPicker&) = delete;
  RandomPicker& operator=(const RandomPicker&) = delete;

  // A value uniformly distributed in [0, n); 1 <= n <= 256 (throws std::invalid_argument).
  std::size_t below(std::size_t n);

 private:
  std::uint8_t next_byte();

  RandomBytes source_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t used_ = buffer_.size();
};

}  // namespace edusync::identity
