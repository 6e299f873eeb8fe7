#pragma once
// Fault injection for the crash tests: when the environment variable EDUSYNC_CRASH_AT names a
// point, the process kills itself there with SIGKILL (no destructor, no flush, like a power
// cut). Points: "after-state-commit", "after-connector-apply", "after-acknowledge".
// Costs one getenv per call; never set in production.
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace edusync {

inline void crash_point(const char* name) {
  const char* wanted = std::getenv("EDUSYNC_CRASH_AT");
  if (wanted != nullptr && std::strcmp(wanted, name) == 0) std::raise(SIGKILL);
}

}  // namespace edusync
