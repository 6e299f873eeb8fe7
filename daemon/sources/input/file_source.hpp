#pragma once
#include <cstdio>
#include <memory>

#include "sources/input/byte_source.hpp"

namespace edusync::input {

// A plain file read with stdio (large buffered reads; no mmap, so a file that shrinks while
// being read is an ordinary read error, not a SIGBUS).
class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::string path);
  std::size_t read(char* buffer, std::size_t size) override;
  const std::string& display_name() const override { return path_; }
  std::uint64_t bytes_read() const override { return bytes_read_; }

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace edusync::input
