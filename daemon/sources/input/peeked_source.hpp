#pragma once
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "sources/input/byte_source.hpp"

namespace edusync::input {

// A source whose first bytes are read ahead, to tell what a document is (XML, Index Éducation's
// container, a text file) before choosing its reader; the reader then gets every byte, the
// peeked ones first.
class PeekedSource final : public ByteSource {
 public:
  PeekedSource(ByteSource& inner, std::size_t peek_bytes) : inner_(inner) {
    head_.resize(peek_bytes);
    std::size_t filled = 0;
    while (filled < peek_bytes) {
      const std::size_t count = inner_.read(head_.data() + filled, peek_bytes - filled);
      if (count == 0) break;
      filled += count;
    }
    head_.resize(filled);
  }

  // The first bytes (fewer when the document is shorter).
  std::string_view head() const { return head_; }

  std::size_t read(char* buffer, std::size_t size) override {
    if (offset_ < head_.size()) {
      const std::size_t count = std::min(size, head_.size() - offset_);
      std::memcpy(buffer, head_.data() + offset_, count);
      offset_ += count;
      return count;
    }
    const std::size_t count = inner_.read(buffer, size);
    offset_ += count;
    return count;
  }
  const std::string& display_name() const override { return inner_.display_name(); }
  std::uint64_t bytes_read() const override { return offset_; }

 private:
  ByteSource& inner_;
  std::string head_;
  std::uint64_t offset_ = 0;
};

}  // namespace edusync::input
