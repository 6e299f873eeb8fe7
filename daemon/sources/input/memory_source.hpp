#pragma once
#include <algorithm>
#include <cstring>
#include <string>

#include "sources/input/byte_source.hpp"

namespace edusync::input {

// Bytes already in memory (tests, fuzzers, an export received over the control socket).
// Hands them out in pieces of at most `piece` bytes so that chunk boundaries are exercised.
class MemorySource final : public ByteSource {
 public:
  MemorySource(std::string name, std::string bytes, std::size_t piece = 1u << 20)
      : name_(std::move(name)), bytes_(std::move(bytes)), piece_(std::max<std::size_t>(piece, 1)) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min({size, piece_, bytes_.size() - offset_});
    std::memcpy(buffer, bytes_.data() + offset_, count);
    offset_ += count;
    return count;
  }
  const std::string& display_name() const override { return name_; }
  std::uint64_t bytes_read() const override { return offset_; }

 private:
  std::string name_;
  std::string bytes_;
  std::size_t piece_;
  std::size_t offset_ = 0;
};

}  // namespace edusync::input
