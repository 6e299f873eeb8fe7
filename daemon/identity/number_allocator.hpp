#pragma once
// uidNumber and gidNumber allocation (docs/output.md §1.4), without storage.
#include <cstdint>
#include <optional>
#include <vector>

namespace edusync::identity {

// Hands out the numbers of a range [first, last] in increasing order, each time the smallest
// one that is neither held nor already handed out by this allocator. "Held" means belonging to
// an account that exists or has departed (SambaEdu counts People and Trash), so that a leaver's
// number is never reused while the account can still come back.
//   SambaEdu: uidNumber [1001, 4999]; gidNumber [2000, 4999], Cours_* groups [10000, 64000];
//   academy-scale ranges such as [100000, 2000000] work the same.
//
// One allocator lives for one transaction: build it from every number the state store holds
// in the range, take as many numbers as needed, record each with its account in the same
// transaction. A number freed meanwhile (a purge in the same transaction) is not offered; it
// will be on the next run.
//
// Cost: O(h log h) to build for h held numbers, then amortised O(1) per number: a cursor only
// moves forward through the range and the sorted held numbers, never rescanning from `first`.
// Memory: the held numbers only, whatever the size of the range.
class NumberAllocator {
 public:
  // `held` in any order, duplicates and numbers outside the range allowed (they are ignored).
  // Throws std::invalid_argument when first > last.
  NumberAllocator(std::uint32_t first, std::uint32_t last, std::vector<std::uint32_t> held);

  // The next number, or nullopt when the range is exhausted (and for every later call).
  std::optional<std::uint32_t> next();

  // How many numbers next() can still hand out.
  std::uint64_t available() const;

  std::uint32_t first() const { return first_; }
  std::uint32_t last() const { return last_; }

 private:
  std::uint32_t first_;
  std::uint32_t last_;
  std::vector<std::uint32_t> held_;  // sorted, unique, all in [first_, last_]
  std::size_t held_index_ = 0;       // first element of held_ not below cursor_
  std::uint64_t cursor_;             // next candidate; last_ + 1 once exhausted (hence 64 bits)
  std::uint64_t handed_out_ = 0;
};

}  // namespace edusync::identity
