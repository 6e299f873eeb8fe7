#include "run/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <sstream>

namespace edusync::run {
namespace {

std::string system_reason() {
  return std::strerror(errno);
}

// The holder's record: "pid=…", "run=…", "started=…", one a line.
std::map<std::string, std::string> read_holder(int fd) {
  std::string content(512, '\0');
  const ssize_t got = ::pread(fd, content.data(), content.size(), 0);
  content.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  std::map<std::string, std::string> fields;
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    const auto equals = line.find('=');
    if (equals != std::string::npos) fields[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return fields;
}

void write_holder(int fd, const std::string& run_id, const std::string& started) {
  const std::string record =
      "pid=" + std::to_string(::getpid()) + "\nrun=" + run_id + "\nstarted=" + started + "\n";
  // Best effort: the lock itself is the flock, the record only feeds the refusal message.
  if (::ftruncate(fd, 0) == 0 &&
      ::pwrite(fd, record.data(), record.size(), 0) == static_cast<ssize_t>(record.size())) {
    ::fsync(fd);
  }
}

struct Holder {
  std::string pid;
  text::Message description;  // "processus 12, passage …, commencé le …"
};

// A field of the holder's record; "?" when the record lacks it (an older or torn record).
std::string holder_field(std::map<std::string, std::string>& holder, const char* name) {
  return holder[name].empty() ? std::string("?") : holder[name];
}

Holder holder_of(int fd) {
  auto holder = read_holder(fd);
  return {
      holder_field(holder, "pid"),
      text::message("lock.run_holder", {text::arg("pid", holder_field(holder, "pid")),
                                        text::arg("run", holder_field(holder, "run")),
                                        text::arg("started", holder_field(holder, "started"))})};
}

// Whether the lock is held by dry runs only (shared): then no holder is recorded.
bool held_by_readers_only(int fd) {
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) return false;
  ::flock(fd, LOCK_UN);
  return true;
}

[[noreturn]] void refuse_run(int fd, const std::filesystem::path& lock_path) {
  const std::string dir = lock_path.parent_path().string();
  text::Message message;
  if (held_by_readers_only(fd)) {
    message = text::message("lock.dry_run_reading", {text::arg("dir", dir)});
  } else {
    auto holder = holder_of(fd);
    message =
        text::message("lock.run_busy",
                      {text::arg("dir", dir), text::nested("holder", std::move(holder.description)),
                       text::arg("pid", holder.pid), text::arg("lock", lock_path.string())});
  }
  ::close(fd);
  throw RunLockBusy(message);
}

// The state directory (0700) and a lock file in it (0600), opened for writing.
int open_lock_file(const std::filesystem::path& state_dir, const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(state_dir, error);
  if (error) {
    throw std::runtime_error("répertoire d'état " + state_dir.string() + " : " + error.message());
  }
  ::chmod(state_dir.c_str(), 0700);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error("verrou " + path.string() + " : impossible de l'ouvrir (" +
                             system_reason() + ")");
  }
  return fd;
}

// Whether the exclusive flock was taken; false when another holds it. Throws on other errors.
bool lock_exclusive(int fd, const std::filesystem::path& path) {
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
  if (errno == EWOULDBLOCK) return false;
  const std::string reason = system_reason();
  ::close(fd);
  throw std::runtime_error("verrou " + path.string() + " : " + reason);
}

text::Arg service_holder(int fd) {
  auto holder = read_holder(fd);
  return text::nested("holder",
                      text::message("lock.service_holder",
                                    {text::arg("pid", holder_field(holder, "pid")),
                                     text::arg("started", holder_field(holder, "started"))}));
}

}  // namespace

ServiceLock ServiceLock::acquire(const std::filesystem::path& state_dir,
                                 const std::string& started) {
  const auto path = file(state_dir);
  const int fd = open_lock_file(state_dir, path);
  if (!lock_exclusive(fd, path)) {
    auto message = text::message("lock.service_busy",
                                 {text::arg("dir", state_dir.string()), service_holder(fd)});
    ::close(fd);
    throw RunLockBusy(std::move(message));
  }
  write_holder(fd, "service", started);
  return ServiceLock(fd);
}

void ServiceLock::refuse_if_held(const std::filesystem::path& state_dir) {
  const auto path = file(state_dir);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;  // no service ever ran here
  if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
    ::close(fd);  // closing releases the probe
    return;
  }
  auto message = text::message("lock.held_by_service",
                               {text::arg("dir", state_dir.string()), service_holder(fd)});
  ::close(fd);
  throw RunLockBusy(std::move(message));
}

ServiceLock::ServiceLock(ServiceLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

ServiceLock::~ServiceLock() {
  if (fd_ >= 0) ::close(fd_);
}

RunLock RunLock::exclusive(const std::filesystem::path& state_dir, const std::string& run_id,
                           const std::string& started) {
  const auto path = file(state_dir);
  const int fd = open_lock_file(state_dir, path);
  if (!lock_exclusive(fd, path)) refuse_run(fd, path);
  write_holder(fd, run_id, started);
  return RunLock(fd);
}

RunLock RunLock::shared(const std::filesystem::path& state_dir) {
  const auto path = file(state_dir);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return RunLock(-1);  // no run ever started here
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
    auto holder = holder_of(fd);
    ::close(fd);
    throw RunLockBusy(text::message("lock.diff_refused",
                                    {text::arg("dir", state_dir.string()),
                                     text::nested("holder", std::move(holder.description))}));
  }
  return RunLock(fd);
}

RunLock::RunLock(RunLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace edusync::run
