#pragma once
#include "common/sha256.hpp"
#include "sources/input/byte_source.hpp"

namespace edusync::input {

// Passes bytes through while computing their SHA-256: the report names each input by its hash
// (a held run is confirmed only on unchanged inputs) without reading the file twice.
class HashingSource final : public ByteSource {
 public:
  explicit HashingSource(ByteSource& inner) : inner_(inner) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = inner_.read(buffer, size);
    hasher_.update(std::string_view(buffer, got));
    return got;
  }
  const std::string& display_name() const override { return inner_.display_name(); }
  std::uint64_t bytes_read() const override { return inner_.bytes_read(); }
  // Hex digest of everything read so far; call once, at the end.
  std::string hex_digest() { return hasher_.hex_digest(); }

 private:
  ByteSource& inner_;
  Sha256 hasher_;
};

}  // namespace edusync::input
