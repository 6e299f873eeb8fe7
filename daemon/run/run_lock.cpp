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
  std::string pid, description;
};

Holder holder_of(int fd) {
  auto holder = read_holder(fd);
  const auto field = [&](const char* name) {
    return holder[name].empty() ? std::string("inconnu") : holder[name];
  };
  return {field("pid"), "processus " + field("pid") + ", passage " + field("run") +
                            ", commencé le " + field("started")};
}

// Whether the lock is held by dry runs only (shared): then no holder is recorded.
bool held_by_readers_only(int fd) {
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) return false;
  ::flock(fd, LOCK_UN);
  return true;
}

[[noreturn]] void refuse_run(int fd, const std::filesystem::path& lock_path) {
  const std::string dir = lock_path.parent_path().string();
  std::string message;
  if (held_by_readers_only(fd)) {
    message = "un calcul à blanc (edusync diff ou run --dry-run) lit en ce moment l'état de " +
              dir + " : ce passage n'a rien fait. Relancez-le quand le calcul à blanc aura fini.";
  } else {
    const auto holder = holder_of(fd);
    message = "un autre passage d'edusync est en cours sur l'état de " + dir + " (" +
              holder.description +
              ") : ce passage n'a rien fait. Attendez la fin de l'autre passage puis relancez "
              "si besoin. S'il semble bloqué, examinez ce processus (ps -p " +
              holder.pid + ") ; le verrou " + lock_path.string() +
              " se libère de lui-même quand le processus se termine, même tué : ne supprimez "
              "pas ce fichier.";
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

std::string service_holder(int fd) {
  auto holder = read_holder(fd);
  const auto field = [&](const char* name) {
    return holder[name].empty() ? std::string("inconnu") : holder[name];
  };
  return "processus " + field("pid") + ", démarré le " + field("started");
}

}  // namespace

ServiceLock ServiceLock::acquire(const std::filesystem::path& state_dir,
                                 const std::string& started) {
  const auto path = file(state_dir);
  const int fd = open_lock_file(state_dir, path);
  if (!lock_exclusive(fd, path)) {
    const std::string message = "un autre service edusync tient déjà l'état de " +
                                state_dir.string() + " (" + service_holder(fd) +
                                ") : ce service ne démarre pas. Un seul service par répertoire "
                                "d'état ; arrêtez l'autre (systemctl stop edusync) au besoin.";
    ::close(fd);
    throw RunLockBusy(message);
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
  const std::string message =
      "le service edusync tient l'état de " + state_dir.string() + " (" + service_holder(fd) +
      ") : ce passage n'a rien fait. Demandez-lui le passage : edusync ctl resync (ou edusync "
      "ctl resync --only NOM pour un connecteur) ; edusync ctl status montre où il en est.";
  ::close(fd);
  throw RunLockBusy(message);
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
    const std::string holder = holder_of(fd).description;
    ::close(fd);
    throw RunLockBusy("un passage d'edusync est en cours sur l'état de " + state_dir.string() +
                      " (" + holder +
                      ") : le plan calculé maintenant décrirait un état en train de changer, "
                      "rien n'est calculé. Relancez edusync diff quand ce passage aura fini.");
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
