#pragma once
// SHA-256 (nettle), incremental, hex output: names inputs in reports and snapshots in the store.
#include <nettle/sha2.h>

#include <string>
#include <string_view>

namespace edusync {

class Sha256 {
 public:
  Sha256() { sha256_init(&context_); }
  void update(std::string_view bytes) {
    sha256_update(&context_, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  }
  // Hex digest; resets the hasher.
  std::string hex_digest();

 private:
  sha256_ctx context_{};
};

std::string sha256_hex(std::string_view bytes);

}  // namespace edusync
