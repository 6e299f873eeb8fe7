#pragma once
// Fault injection for the process tests; costs one or two getenv per call, never set in
// production. At a point named by
//  - EDUSYNC_CRASH_AT, the process kills itself with SIGKILL (no destructor, no flush, like a
//    power cut);
//  - EDUSYNC_PAUSE_AT, it stops itself with SIGSTOP and goes on when sent SIGCONT: a test
//    waits for the stop (waitpid WUNTRACED), so it knows, without any timing, that the run is
//    at that point (holding its lock, its state committed...), then does what it tests.
// Points: "after-plan" (dry runs too), "after-state-commit", "after-connector-apply",
// "after-acknowledge".
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace edusync {

inline void crash_point(const char* name) {
  const char* crash = std::getenv("EDUSYNC_CRASH_AT");
  if (crash != nullptr && std::strcmp(crash, name) == 0) std::raise(SIGKILL);
  const char* pause = std::getenv("EDUSYNC_PAUSE_AT");
  if (pause != nullptr && std::strcmp(pause, name) == 0) std::raise(SIGSTOP);
}

}  // namespace edusync
