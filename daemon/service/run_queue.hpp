#pragma once
// What makes the service run, and the one run that may wait for the current one to finish.
// One run at a time: a trigger that arrives while a run is in progress waits; triggers that
// arrive while one already waits are merged into it, so that a burst of triggers during a long
// run makes exactly one follow-up run, which does what each of them asked:
//  - recompute if any asked for it;
//  - one connector (--only NAME) only if every merged trigger named that same connector,
//    otherwise all of them;
//  - a confirmation (ctl confirm RUN) stays a confirmation of the latest run named.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace edusync::service {

enum class TriggerKind {
  schedule,  // a slot of `schedule` came (or was missed while the service was down)
  inbox,     // a drop in the inbox settled
  resync,    // edusync ctl resync
  confirm,   // edusync ctl confirm RUN
};

std::string to_string(TriggerKind kind);  // "schedule", "inbox", "resync", "confirm"

struct Trigger {
  TriggerKind kind = TriggerKind::resync;
  std::chrono::system_clock::time_point at{};
  bool recompute = false;
  std::optional<std::string> only;  // one connector; none: all
  std::string confirm_run;          // the held run to confirm (kind confirm)
  std::string origin;               // who asked, for the log and the status ("uid 0")
};

class RunQueue {
 public:
  // Queues `trigger`, merged into the waiting run if there is one.
  void push(const Trigger& trigger);
  // The waiting run, removed from the queue; none when nothing waits.
  std::optional<Trigger> pop();
  bool empty() const { return !waiting_; }
  // Every trigger merged into the waiting run, in arrival order (for the status).
  const std::vector<Trigger>& merged() const { return merged_; }

 private:
  std::optional<Trigger> waiting_;
  std::vector<Trigger> merged_;
};

}  // namespace edusync::service
