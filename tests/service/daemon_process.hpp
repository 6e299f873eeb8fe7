#pragma once
// The real `edusync daemon` as a child process of a test: started with fork/exec, its output in
// a file, signalled, waited for with a deadline (a hung daemon fails the test instead of hanging
// it, and is killed). `ctl(...)` runs the real `edusync ctl` against it.
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

namespace edusync::test {

// Polls `done` every 20 ms until it holds or `limit` passes; whether it held.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

class DaemonProcess {
 public:
  // Starts `binary` with `arguments` (argv[1...]); stdout and stderr go to `output`.
  DaemonProcess(const std::string& binary, const std::vector<std::string>& arguments,
                std::filesystem::path output)
      : output_(std::move(output)) {
    std::vector<std::string> argv_text{binary};
    argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      const int out = ::open(output_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      ::dup2(out, 1);
      ::dup2(out, 2);
      std::vector<char*> argv;
      for (auto& text : argv_text) argv.push_back(text.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
  }

  ~DaemonProcess() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      (void)wait(std::chrono::seconds(10));
    }
  }
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int number) const { ::kill(pid_, number); }

  // Its exit status (exit code, or 128 + signal), or none when it is still running after
  // `limit`.
  std::optional<int> wait(std::chrono::milliseconds limit = std::chrono::seconds(60)) {
    if (status_) return status_;
    eventually(
        [&] {
          int raw = 0;
          const pid_t done = ::waitpid(pid_, &raw, WNOHANG);
          if (done == pid_) {
            status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
            return true;
          }
          return false;
        },
        limit);
    return status_;
  }

  bool running() { return !wait(std::chrono::milliseconds(0)).has_value(); }
  std::string output() const { return read_file(output_.string()); }

 private:
  std::filesystem::path output_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace edusync::test
