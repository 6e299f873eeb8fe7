#include "sources/input/read_ahead_source.hpp"

#include <algorithm>
#include <cstring>
#include <system_error>

namespace edusync::input {

ReadAheadSource::ReadAheadSource(ByteSource& inner) : inner_(inner) {}

void ReadAheadSource::start() {
  started_ = true;
  for (std::size_t i = 0; i < kChunks; ++i) {
    chunks_.emplace_back();
    chunks_.back().bytes.resize(kChunkBytes);
    free_.push_back(&chunks_.back());
  }
  try {
    thread_ = std::thread([this] { read_ahead(); });
    threaded_ = true;
  } catch (const std::system_error&) {  // read() goes on reading the inner source itself
  }
}

std::size_t ReadAheadSource::read_inner(char* buffer, std::size_t size) {
  const std::size_t count = inner_.read(buffer, size);
  handed_out_ += count;
  synchronous_left_ -= std::min<std::uint64_t>(count, synchronous_left_);
  return count;
}

ReadAheadSource::~ReadAheadSource() {
  stop();
}

void ReadAheadSource::stop() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ReadAheadSource::read_ahead() {
  for (;;) {
    Chunk* chunk = nullptr;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !free_.empty(); });
      if (stopping_) return;
      chunk = free_.back();
      free_.pop_back();
    }
    std::exception_ptr failure;
    try {
      chunk->size = inner_.read(chunk->bytes.data(), chunk->bytes.size());
    } catch (...) {
      failure = std::current_exception();
      chunk->size = 0;
    }
    chunk->at = 0;
    const bool end = failure || chunk->size == 0;
    {
      const std::lock_guard lock(mutex_);
      if (end) {
        error_ = failure;
        ended_ = true;
        free_.push_back(chunk);
      } else {
        full_.push_back(chunk);
      }
    }
    changed_.notify_all();
    if (end) return;
  }
}

bool ReadAheadSource::next_chunk() {
  std::unique_lock lock(mutex_);
  if (current_ != nullptr) {
    free_.push_back(current_);
    current_ = nullptr;
    changed_.notify_all();
  }
  changed_.wait(lock, [this] { return ended_ || stopping_ || !full_.empty(); });
  if (full_.empty()) {
    if (error_) std::rethrow_exception(error_);
    return false;
  }
  current_ = full_.front();
  full_.pop_front();
  return true;
}

std::size_t ReadAheadSource::read(char* buffer, std::size_t size) {
  if (!started_) {
    if (synchronous_left_ > 0) {
      return read_inner(buffer,
                        static_cast<std::size_t>(std::min<std::uint64_t>(size, synchronous_left_)));
    }
    start();
  }
  if (!threaded_) return read_inner(buffer, size);
  if (size == 0) return 0;
  while (current_ == nullptr || current_->at == current_->size) {
    if (!next_chunk()) return 0;
  }
  const std::size_t count = std::min(size, current_->size - current_->at);
  std::memcpy(buffer, current_->bytes.data() + current_->at, count);
  current_->at += count;
  handed_out_ += count;
  return count;
}

}  // namespace edusync::input
