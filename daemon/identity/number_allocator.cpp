#include "identity/number_allocator.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace edusync::identity {

NumberAllocator::NumberAllocator(std::uint32_t first, std::uint32_t last,
                                 std::vector<std::uint32_t> held)
    : first_(first), last_(last), held_(std::move(held)), cursor_(first) {
  if (first > last) {
    throw std::invalid_argument("number range [" + std::to_string(first) + ", " +
                                std::to_string(last) + "] is empty: first is above last");
  }
  std::erase_if(held_, [first, last](std::uint32_t n) { return n < first || n > last; });
  std::sort(held_.begin(), held_.end());
  held_.erase(std::unique(held_.begin(), held_.end()), held_.end());
}

std::optional<std::uint32_t> NumberAllocator::next() {
  while (cursor_ <= last_) {
    if (held_index_ < held_.size() && held_[held_index_] == cursor_) {
      ++held_index_;
      ++cursor_;
      continue;
    }
    ++handed_out_;
    return static_cast<std::uint32_t>(cursor_++);
  }
  return std::nullopt;
}

std::uint64_t NumberAllocator::available() const {
  const std::uint64_t size = std::uint64_t{last_} - first_ + 1;
  return size - held_.size() - handed_out_;
}

}  // namespace edusync::identity
