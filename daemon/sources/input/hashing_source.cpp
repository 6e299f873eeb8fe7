#include "sources/input/hashing_source.hpp"

namespace edusync::input {

std::size_t HashingSource::read(char* buffer, std::size_t size) {
  const std::size_t got = inner_.read(buffer, size);
  sha256_update(&context_, got, reinterpret_cast<const std::uint8_t*>(buffer));
  return got;
}

std::string HashingSource::hex_digest() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_, sizeof digest, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (std::uint8_t byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 15]);
  }
  return hex;
}

}  // namespace edusync::input
