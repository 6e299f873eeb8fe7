#include "common/file_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace edusync {
namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

int open_or_throw(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("impossible d'écrire " + path + " : " + std::strerror(errno));
  return fd;
}

}  // namespace

FileWriter FileWriter::replace(const std::string& path) {
  std::string temporary = path + ".tmp";
  const int fd = open_or_throw(temporary, O_TRUNC);
  return FileWriter(path, std::move(temporary), fd);
}

FileWriter FileWriter::append(const std::string& path) {
  const int fd = open_or_throw(path, O_APPEND);
  return FileWriter(path, path, fd);
}

FileWriter::FileWriter(std::string path, std::string written_path, int fd)
    : path_(std::move(path)), written_path_(std::move(written_path)), fd_(fd) {
  buffer_.reserve(kBufferBytes);
}

FileWriter::FileWriter(FileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      written_path_(std::move(other.written_path_)),
      fd_(std::exchange(other.fd_, -1)),
      committed_(other.committed_),
      buffer_(std::move(other.buffer_)) {
  other.written_path_.clear();
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !written_path_.empty() && written_path_ != path_)
    ::unlink(written_path_.c_str());
}

void FileWriter::write(std::string_view bytes) {
  if (fd_ < 0) throw std::logic_error("FileWriter: write after commit or failure");
  if (buffer_.size() + bytes.size() > kBufferBytes) flush();
  if (bytes.size() >= kBufferBytes) {
    buffer_ = bytes;  // one large block: written at once by the next flush
    flush();
    return;
  }
  buffer_ += bytes;
}

void FileWriter::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("écriture interrompue");
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void FileWriter::commit() {
  flush();
  if (::fsync(fd_) != 0) fail("fsync impossible");
  if (::close(std::exchange(fd_, -1)) != 0) fail("fermeture impossible");
  if (written_path_ != path_ && std::rename(written_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error("impossible de remplacer " + path_ + " : " + std::strerror(errno));
  }
  committed_ = true;
}

void FileWriter::fail(const char* what) {
  const int saved = errno;
  throw std::runtime_error(std::string(what) + " : " + written_path_ + " : " +
                           std::strerror(saved));
}

}  // namespace edusync
