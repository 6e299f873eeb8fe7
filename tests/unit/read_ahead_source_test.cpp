// ReadAheadSource: the same bytes in the same order as its inner source, the inner source's
// failure only after every byte read before it, and a reader that stops early.
#include "sources/input/read_ahead_source.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "sources/input/memory_source.hpp"

namespace edusync {
namespace {

std::string pattern(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return bytes;
}

// Reads everything in pieces of `piece` bytes.
std::string drain(input::ByteSource& source, std::size_t piece) {
  std::string out, buffer(piece, '\0');
  for (std::size_t got = 1; got > 0;) {
    got = source.read(buffer.data(), buffer.size());
    out.append(buffer.data(), got);
  }
  return out;
}

// Hands out `bytes`, then throws instead of ending.
class BreakingSource final : public input::ByteSource {
 public:
  explicit BreakingSource(std::string bytes) : inner_("x.zip:m.xml", std::move(bytes), 10'000) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = inner_.read(buffer, size);
    if (got == 0) throw std::runtime_error("inflate failed");
    return got;
  }
  const std::string& display_name() const override { return inner_.display_name(); }
  std::uint64_t bytes_read() const override { return inner_.bytes_read(); }

 private:
  input::MemorySource inner_;
};

constexpr std::size_t kSize = input::ReadAheadSource::kChunkBytes * 7 + 12'345;

TEST(ReadAheadSource, HandsOutTheInnerBytesInOrder) {
  const std::string bytes = pattern(kSize);
  for (const std::size_t piece :
       {std::size_t{1000}, std::size_t{256u << 10}, std::size_t{1u << 20}}) {
    input::MemorySource inner("m.xml", bytes, 4096);
    input::ReadAheadSource ahead(inner);
    EXPECT_EQ(drain(ahead, piece), bytes);
    EXPECT_EQ(ahead.bytes_read(), kSize);
    ahead.stop();
    EXPECT_EQ(inner.bytes_read(), kSize);
  }
}

TEST(ReadAheadSource, FailsAsItsSourceDidAfterEveryByteBeforeTheFailure) {
  const std::string bytes = pattern(kSize);
  BreakingSource inner(bytes);
  input::ReadAheadSource ahead(inner);
  std::string got, buffer(50'000, '\0');
  try {
    for (;;) got.append(buffer.data(), ahead.read(buffer.data(), buffer.size()));
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "inflate failed");
  }
  EXPECT_EQ(got, bytes);
}

TEST(ReadAheadSource, TheFirstChunkIsReadOnTheReadersThreadAlone) {
  input::MemorySource inner("m.xml", pattern(kSize));
  input::ReadAheadSource ahead(inner);
  std::string buffer(4096, '\0');
  EXPECT_EQ(ahead.read(buffer.data(), buffer.size()), 4096u);
  EXPECT_EQ(inner.bytes_read(), 4096u);  // nothing read ahead yet: a refused file costs no more
}

TEST(ReadAheadSource, AReaderThatStopsEarlyLeavesNoThreadBehind) {
  input::MemorySource inner("m.xml", pattern(kSize));
  {
    input::ReadAheadSource ahead(inner);
    std::string buffer(100'000, '\0');
    // Past the first chunk, read on this thread: the thread starts and fills its queue.
    while (ahead.bytes_read() <= input::ReadAheadSource::kChunkBytes) {
      ASSERT_GT(ahead.read(buffer.data(), buffer.size()), 0u);
    }
  }  // the destructor stops the thread, blocked on a full queue
  EXPECT_LT(inner.bytes_read(), kSize);
  input::ReadAheadSource stopped(inner);
  stopped.stop();
  std::string buffer(100, '\0');
  while (stopped.read(buffer.data(), buffer.size()) > 0) {
  }  // what was read ahead, then the end: no wait on a thread that is gone
}

}  // namespace
}  // namespace edusync
