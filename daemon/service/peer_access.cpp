#include "service/peer_access.hpp"

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace edusync::service {
namespace {

// A buffer size for the *_r lookups: sysconf's hint, or 16 KiB when it has none; grown on
// ERANGE up to 1 MiB (a group with thousands of members).
std::size_t initial_buffer_size(int name) {
  const long hint = ::sysconf(name);
  return hint > 0 ? static_cast<std::size_t>(hint) : std::size_t{16} * 1024;
}

constexpr std::size_t kMaxLookupBuffer = std::size_t{1024} * 1024;

}  // namespace

std::optional<Peer> peer_of(int fd) {
  ucred credentials{};
  socklen_t size = sizeof credentials;
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0 ||
      size != sizeof credentials)
    return std::nullopt;
  return Peer{credentials.pid, credentials.uid, credentials.gid};
}

std::optional<gid_t> group_id(const std::string& name) {
  std::vector<char> buffer(initial_buffer_size(_SC_GETGR_R_SIZE_MAX));
  for (;;) {
    group entry{};
    group* found = nullptr;
    const int error = ::getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found);
    if (error == ERANGE && buffer.size() < kMaxLookupBuffer) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    if (error != 0 || found == nullptr) return std::nullopt;
    return entry.gr_gid;
  }
}

bool user_in_group(uid_t uid, gid_t gid) {
  std::vector<char> buffer(initial_buffer_size(_SC_GETPW_R_SIZE_MAX));
  passwd entry{};
  passwd* found = nullptr;
  while (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == ERANGE &&
         buffer.size() < kMaxLookupBuffer)
    buffer.resize(buffer.size() * 2);
  if (found == nullptr) return false;  // a uid without a passwd entry has no groups to check
  if (entry.pw_gid == gid) return true;
  std::vector<gid_t> groups(64);
  for (;;) {
    int count = static_cast<int>(groups.size());
    if (::getgrouplist(entry.pw_name, entry.pw_gid, groups.data(), &count) >= 0) {
      groups.resize(static_cast<std::size_t>(count));
      return std::find(groups.begin(), groups.end(), gid) != groups.end();
    }
    if (count <= static_cast<int>(groups.size()) || count > 65536) return false;
    groups.resize(static_cast<std::size_t>(count));
  }
}

bool PeerPolicy::allows(const Peer& peer) const {
  if (peer.uid == 0 || peer.uid == service_uid_) return true;
  if (!group_) return false;
  return peer.gid == *group_ || user_in_group(peer.uid, *group_);
}

}  // namespace edusync::service
