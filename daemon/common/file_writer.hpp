#pragma once
// Buffered output to a file descriptor, for files too large to build in memory first (an
// academy's report or journal holds millions of lines). Two ways to open:
//  - FileWriter::replace(path): writes `path.tmp`; commit() flushes, fsyncs, renames it over
//    `path` and fsyncs the directory, so a reader sees the old file or the whole new one, never
//    half of it, and the rename survives a power cut. Without commit() (an exception, a crash)
//    the old file stays and the temporary is removed.
//  - FileWriter::append(path): appends to `path` (created 0600); commit() flushes and fsyncs.
// Files are created with mode 0600 by default: reports and journals name pupils.
// Errors throw std::runtime_error with the path and the system's reason, in French like every
// message an operator may read.
#include <string>
#include <string_view>

namespace edusync {

// Creates `dir` and every missing parent, each with exactly `mode` whatever the process umask
// (mkdir, then chmod: a umask of 000 would otherwise leave them 0777). Directories that already
// exist are left as the operator made them. Returns true when `dir` itself was created. Throws
// std::runtime_error naming the directory and the system's reason.
bool make_directories(const std::string& dir, unsigned mode);

class FileWriter {
 public:
  struct Options {
    unsigned mode = 0600;
    // replace(): name the temporary ".<name>.tmp", hidden from importers watching the directory.
    bool hidden_temporary = false;
    // replace(): a crash point (common/crash_point.hpp) fired just before the rename.
    const char* crash_before_rename = nullptr;
  };

  static FileWriter replace(const std::string& path, const Options& options);
  static FileWriter replace(const std::string& path) { return replace(path, Options{}); }
  static FileWriter append(const std::string& path);

  FileWriter(FileWriter&& other) noexcept;
  FileWriter& operator=(FileWriter&&) = delete;
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter();

  void write(std::string_view bytes);
  FileWriter& operator<<(std::string_view bytes) {
    write(bytes);
    return *this;
  }
  void commit();

 private:
  FileWriter(std::string path, std::string written_path, int fd, const char* crash_before_rename);
  void flush();
  [[noreturn]] void fail(const char* what);

  std::string path_;          // the file the caller named
  std::string written_path_;  // the file written: path_ + ".tmp" for replace(), else path_
  int fd_ = -1;
  bool committed_ = false;
  const char* crash_before_rename_ = nullptr;
  std::string buffer_;
};

}  // namespace edusync
