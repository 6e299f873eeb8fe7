#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sources/input/byte_source.hpp"

namespace edusync::input {

// Reads its inner source on a thread of its own, a few chunks ahead of the reader: what reading
// costs (inflating a zip member or a timetable container, hashing the bytes) runs beside the XML
// parse instead of before each chunk of it. The reader gets the same bytes in the same order;
// when the inner source throws, the reader first gets every byte read before it, then the same
// exception. Memory: kChunks chunks of kChunkBytes. The first kChunkBytes are read on the
// reader's thread, and the thread starts only when more are asked for: a file refused at its first
// chunk (garbage, another format in a zip) costs no more reading than without it. When no thread
// can be started, the inner source is read on the reader's thread.
class ReadAheadSource final : public ByteSource {
 public:
  static constexpr std::size_t kChunks = 3;
  static constexpr std::size_t kChunkBytes = 256u << 10;

  explicit ReadAheadSource(ByteSource& inner);
  ~ReadAheadSource() override;
  ReadAheadSource(const ReadAheadSource&) = delete;
  ReadAheadSource& operator=(const ReadAheadSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override;
  const std::string& display_name() const override { return inner_.display_name(); }
  std::uint64_t bytes_read() const override { return handed_out_; }
  // Stops reading ahead and waits for the thread: after it, the inner source (its byte count,
  // a hash it computed) may be read on this thread, and read() returns what was read ahead,
  // then 0.
  void stop();

 private:
  struct Chunk {
    std::vector<char> bytes;
    std::size_t size = 0;
    std::size_t at = 0;  // read by the reader so far
  };
  void start();
  std::size_t read_inner(char* buffer, std::size_t size);
  void read_ahead();  // the thread
  bool next_chunk();  // false at the end; rethrows the inner source's exception

  ByteSource& inner_;
  std::deque<Chunk> chunks_;
  Chunk* current_ = nullptr;  // the reader's
  std::uint64_t handed_out_ = 0;
  std::uint64_t synchronous_left_ = kChunkBytes;  // before the thread starts
  bool started_ = false;
  bool threaded_ = false;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk*> full_;
  std::vector<Chunk*> free_;
  bool ended_ = false;  // the inner source ended or failed: nothing after full_
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace edusync::input
