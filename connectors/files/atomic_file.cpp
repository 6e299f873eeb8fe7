#include "connectors/files/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "common/crash_point.hpp"

namespace edusync::connectors::files {
namespace {

std::runtime_error failure(const std::string& what, const std::string& path, int error) {
  return std::runtime_error(what + " " + path + " : " + std::strerror(error));
}

// Owns a file descriptor; closes it on every path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release_and_close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

void write_all(int fd, const std::string& bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw failure("écriture impossible de", path, errno);
    done += static_cast<std::size_t>(n);
  }
}

void sync_directory(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0)
    throw failure("synchronisation impossible du dossier", dir, errno);
}

void write_temporary(const std::string& temporary, const std::string& bytes) {
  Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
  if (fd.get() < 0) throw failure("création impossible de", temporary, errno);
  write_all(fd.get(), bytes, temporary);
  if (::fsync(fd.get()) != 0) throw failure("synchronisation impossible de", temporary, errno);
  if (fd.release_and_close() != 0) throw failure("fermeture impossible de", temporary, errno);
}

}  // namespace

void ensure_directory(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error)
    throw std::runtime_error("dossier de sortie " + dir +
                             " impossible à créer : " + error.message());
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("dossier de sortie " + dir + " : pas un dossier");
}

void write_atomically(const std::string& dir, const std::string& name, const std::string& bytes) {
  const std::string final_path = dir + "/" + name;
  const std::string temporary = dir + "/." + name + ".tmp";
  try {
    write_temporary(temporary, bytes);
    crash_point("file-target-before-rename");
    if (::rename(temporary.c_str(), final_path.c_str()) != 0)
      throw failure("renommage impossible vers", final_path, errno);
    sync_directory(dir);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("zip : création du tampon impossible");
  zip_source_keep(buffer);  // read back after zip_close
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> source_owner(buffer,
                                                                               &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip : ouverture impossible");
  for (const auto& [name, content] : members) {
    zip_source_t* member = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (member == nullptr || zip_file_add(archive, name.c_str(), member, ZIP_FL_ENC_UTF_8) < 0) {
      if (member != nullptr) zip_source_free(member);
      zip_discard(archive);
      throw std::runtime_error("zip : ajout impossible de " + name);
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("zip : écriture impossible");
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0)
    throw std::runtime_error("zip : relecture impossible");
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    throw std::runtime_error("zip : relecture incomplète");
  return bytes;
}

}  // namespace edusync::connectors::files
