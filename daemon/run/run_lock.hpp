#pragma once
// One run at a time per state directory. `edusync run` holds an exclusive flock(2) on
// <state_dir>/edusync.lock from before it opens the state until it exits; the kernel releases
// it when the process ends, however it ends (SIGKILL and power cuts included), so a lock is
// never left behind and the file is never to be deleted by hand. The holder writes its pid, run
// id and start time into the file, for the message of the run it refuses.
// Dry runs (`diff`, `run --dry-run`) take a shared lock: several may read at once, none while a
// run writes (the plan it would print would describe a state half-way through a change), and a
// run does not start while one reads. A dry run never creates the file (nor the state
// directory): without it no run has ever started, so there is nothing to wait for.
// A refused run changes nothing anywhere and throws RunLockBusy.
// The service (`edusync daemon`) owns the state for its whole life through a second flock, on
// <state_dir>/service.lock (ServiceLock): a second service on the same state refuses to start,
// naming the holder's pid, and `edusync run` refuses while it is up, pointing to `edusync ctl
// resync`. The service's own runs take the run lock as any run does, so a dry run (`edusync
// diff`) can still read the state while the service is idle, never while it writes. Two files
// rather than one lock converted between shared and exclusive: flock(2) converts by releasing
// first, which would leave a window for another process.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "common/errors.hpp"
#include "text/message.hpp"

namespace edusync::run {

class RunLockBusy : public Failure {
 public:
  using Failure::Failure;
};

class ServiceLock {
 public:
  // Creates state_dir (0700) and the lock file (0600) if needed and records this process as the
  // holder; throws RunLockBusy when another service holds it (its pid and start in the message).
  static ServiceLock acquire(const std::filesystem::path& state_dir, const std::string& started);
  // Throws RunLockBusy, pointing to `edusync ctl resync`, while a service holds the state of
  // state_dir; does nothing when none does (or none ever ran there). Creates nothing.
  static void refuse_if_held(const std::filesystem::path& state_dir);

  ServiceLock(ServiceLock&& other) noexcept;
  ServiceLock& operator=(ServiceLock&&) = delete;
  ServiceLock(const ServiceLock&) = delete;
  ServiceLock& operator=(const ServiceLock&) = delete;
  ~ServiceLock();

  static std::filesystem::path file(const std::filesystem::path& state_dir) {
    return state_dir / "service.lock";
  }

 private:
  explicit ServiceLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

class RunLock {
 public:
  // For a run that writes the state: creates state_dir (0700) and the lock file (0600) if
  // needed, then records this process as the holder.
  static RunLock exclusive(const std::filesystem::path& state_dir, const std::string& run_id,
                           const std::string& started);
  // For a dry run; holds nothing when the lock file does not exist.
  static RunLock shared(const std::filesystem::path& state_dir);

  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&&) = delete;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();

  static std::filesystem::path file(const std::filesystem::path& state_dir) {
    return state_dir / "edusync.lock";
  }

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace edusync::run
