#include "common/file_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "common/crash_point.hpp"

namespace edusync {
namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

int open_or_throw(const std::string& path, int flags, unsigned mode) {
  const int fd = ::open(path.c_str(), flags | O_WRONLY | O_CREAT | O_CLOEXEC, mode);
  if (fd < 0)
    throw std::runtime_error("impossible d'écrire " + path + " : " + std::strerror(errno));
  return fd;
}

// The directory of `path`, fsynced so that a rename in it is on disk.
void sync_directory_of(const std::string& path) {
  const auto dir = std::filesystem::path(path).parent_path();
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  const int saved = errno;
  if (fd >= 0) ::close(fd);
  if (!synced) {
    throw std::runtime_error("synchronisation impossible du dossier de " + path + " : " +
                             std::strerror(saved));
  }
}

std::string temporary_of(const std::string& path, bool hidden) {
  if (!hidden) return path + ".tmp";
  const std::filesystem::path final_path(path);
  std::string hidden_name = ".";  // appended, not "." + name: GCC 12 -O3 -Wrestrict false positive
  hidden_name += final_path.filename().string();
  hidden_name += ".tmp";
  return (final_path.parent_path() / hidden_name).string();
}

}  // namespace

bool make_directories(const std::string& dir, unsigned mode) {
  const std::filesystem::path path(dir);
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return false;
  if (path.has_parent_path() && path.parent_path() != path)
    make_directories(path.parent_path().string(), mode);
  if (::mkdir(path.c_str(), mode) != 0) {
    if (errno == EEXIST && std::filesystem::is_directory(path, error)) return false;
    throw std::runtime_error("dossier " + dir + " impossible à créer : " + std::strerror(errno));
  }
  if (::chmod(path.c_str(), mode) != 0)
    throw std::runtime_error("droits du dossier " + dir +
                             " impossibles à fixer : " + std::strerror(errno));
  return true;
}

FileWriter FileWriter::replace(const std::string& path, const Options& options) {
  std::string temporary = temporary_of(path, options.hidden_temporary);
  const int fd = open_or_throw(temporary, O_TRUNC, options.mode);
  // A temporary left by a crash keeps its old mode through O_TRUNC; the umask may have taken
  // bits away from a new one: either way the file ends with exactly `mode`.
  if (::fchmod(fd, options.mode) != 0) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    throw std::runtime_error("droits impossibles à fixer sur " + temporary + " : " +
                             std::strerror(saved));
  }
  return FileWriter(path, std::move(temporary), fd, options.crash_before_rename);
}

FileWriter FileWriter::append(const std::string& path) {
  const int fd = open_or_throw(path, O_APPEND, 0600);
  return FileWriter(path, path, fd, nullptr);
}

FileWriter::FileWriter(std::string path, std::string written_path, int fd,
                       const char* crash_before_rename)
    : path_(std::move(path)),
      written_path_(std::move(written_path)),
      fd_(fd),
      crash_before_rename_(crash_before_rename) {
  buffer_.reserve(kBufferBytes);
}

FileWriter::FileWriter(FileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      written_path_(std::move(other.written_path_)),
      fd_(std::exchange(other.fd_, -1)),
      committed_(other.committed_),
      crash_before_rename_(other.crash_before_rename_),
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
  if (written_path_ == path_) {
    committed_ = true;
    return;
  }
  if (crash_before_rename_ != nullptr) crash_point(crash_before_rename_);
  if (std::rename(written_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error("impossible de remplacer " + path_ + " : " + std::strerror(errno));
  }
  committed_ = true;
  sync_directory_of(path_);
}

void FileWriter::fail(const char* what) {
  const int saved = errno;
  throw std::runtime_error(std::string(what) + " : " + written_path_ + " : " +
                           std::strerror(saved));
}

}  // namespace edusync
