#pragma once
// The service manager's end of NOTIFY_SOCKET (sd_notify): a real AF_UNIX datagram socket bound
// in a temporary directory, as systemd's own socket would be, for the tests that read what a
// service tells systemd.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <stdexcept>
#include <string>

#include "support/test_support.hpp"

namespace edusync::test {

// The service manager's end: a datagram socket bound in a temporary directory.
class FakeServiceManager {
 public:
  FakeServiceManager() : path_((dir_.path() / "notify.sock").string()) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path_.size() >= sizeof(address.sun_path)) throw std::runtime_error("path too long");
    path_.copy(address.sun_path, path_.size());
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
      throw std::runtime_error("bind");
    }
  }
  ~FakeServiceManager() { ::close(fd_); }
  FakeServiceManager(const FakeServiceManager&) = delete;
  FakeServiceManager& operator=(const FakeServiceManager&) = delete;

  const std::string& path() const { return path_; }

  // The next datagram; empty after 10 s without one (a bound against hangs, not a timing).
  std::string receive() const {
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 10'000) != 1) return {};
    std::array<char, 4096> buffer{};
    const auto size = ::recv(fd_, buffer.data(), buffer.size(), 0);
    return size > 0 ? std::string(buffer.data(), static_cast<std::size_t>(size)) : std::string();
  }

 private:
  TempDir dir_;
  std::string path_;
  int fd_ = -1;
};

}  // namespace edusync::test
