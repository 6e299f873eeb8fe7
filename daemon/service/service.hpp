#pragma once
// `edusync daemon`: the long-running service. One Asio event loop (this thread) holds the
// timers (schedule, watchdog), the inbox watch, the control socket and the signals; runs
// execute on one worker thread, one at a time, so that the socket keeps answering during a
// long run. Triggers that arrive during a run wait, merged into at most one follow-up run
// (service/run_queue.hpp).
//  - It owns the state for its whole life (run/run_lock.hpp, ServiceLock): a second service or
//    an `edusync run` on the same state_dir is refused.
//  - Its connectors are made once per configuration (run/targets.hpp) and kept between runs.
//  - SIGHUP or `ctl reload`: the new configuration is checked first; a broken one is refused
//    with its problems and the old one stays in force. A reload during a run takes effect
//    when the run ends.
//  - SIGTERM, SIGINT or `ctl stop`: no new run; a run in progress is asked to stop (the inbox
//    settle and the LDAP reconnection pause end at once, connectors not yet called are not
//    called) and ends at a point where the state is consistent; then the process exits 0.
#include <chrono>
#include <filesystem>
#include <string>

namespace edusync::service {

struct ServiceOptions {
  std::filesystem::path config_path;
  // How long a file of the inbox must stay unchanged before a drop is run (the watch and the
  // run's own scan).
  std::chrono::milliseconds settle_time{2000};
  std::string today;  // ISO date given to every run; empty: the real date (tests set it)
  // --language: the language of the service's texts and log events whatever report.language
  // says; empty: report.language, taken at start and at each reload (default fr).
  std::string language;
};

// Runs the service until it is told to stop; returns the process's exit code: 0 after a
// graceful stop, 1 when it cannot start (state held by another service, socket or inbox
// unusable), 2 for a configuration with problems (printed).
int run_service(const ServiceOptions& options);

}  // namespace edusync::service
