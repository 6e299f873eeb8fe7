#pragma once
// Fault injection for the process tests; costs one or two getenv per call, never set in
// production. At a point named by
//  - EDUSYNC_CRASH_AT, the process kills itself with SIGKILL (no destructor, no flush, like a
//    power cut);
//  - EDUSYNC_PAUSE_AT, it stops itself with SIGSTOP and goes on when sent SIGCONT: a test
//    waits for the stop (waitpid WUNTRACED), so it knows, without any timing, that the run is
//    at that point (holding its lock, its state committed...), then does what it tests.
//  - EDUSYNC_HOLD_AT, only the calling thread waits there while the file named by
//    EDUSYNC_HOLD_FILE exists, after creating "<that file>.reached": the service's tests hold a
//    run on its worker thread while its event loop keeps answering, and let it go by removing
//    the file.
// Points: "after-plan" (dry runs too), "after-state-commit", "after-connector-apply",
// "after-acknowledge", "ldap-writes-halfway" (the SambaEdu connector has sent half of a batch
// of writes longer than its pipelining window).
namespace edusync {

void crash_point(const char* name);

}  // namespace edusync
