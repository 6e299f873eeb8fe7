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
#include <filesystem>
#include <stdexcept>
#include <string>

namespace edusync::run {

class RunLockBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
