#pragma once
// Who is at the other end of a control connection (SO_PEERCRED, given by the kernel, so it
// cannot be forged by the client) and whether they may use the control socket: root, the
// service's own user, or a member of the configured group (primary or supplementary).
#include <sys/types.h>

#include <optional>
#include <string>

namespace edusync::service {

struct Peer {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;  // the process's effective group
};

// The credentials of the process connected to the Unix socket `fd`; nullopt when the kernel
// does not give them (not a Unix socket).
std::optional<Peer> peer_of(int fd);

// The id of the group `name`; nullopt when no such group exists.
std::optional<gid_t> group_id(const std::string& name);

// Whether the user `uid` belongs to group `gid`: as primary group of its passwd entry, or as
// a supplementary group (getgrouplist, which also reads the group's member list).
bool user_in_group(uid_t uid, gid_t gid);

class PeerPolicy {
 public:
  // `group`: the id of the configured group; nullopt: root and `service_uid` only.
  PeerPolicy(uid_t service_uid, std::optional<gid_t> group)
      : service_uid_(service_uid), group_(group) {}
  bool allows(const Peer& peer) const;

 private:
  uid_t service_uid_;
  std::optional<gid_t> group_;
};

}  // namespace edusync::service
