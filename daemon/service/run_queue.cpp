#include "service/run_queue.hpp"

namespace edusync::service {

std::string to_string(TriggerKind kind) {
  switch (kind) {
    case TriggerKind::schedule: return "schedule";
    case TriggerKind::inbox: return "inbox";
    case TriggerKind::resync: return "resync";
    case TriggerKind::confirm: return "confirm";
  }
  return "resync";
}

void RunQueue::push(const Trigger& trigger) {
  merged_.push_back(trigger);
  if (!waiting_) {
    waiting_ = trigger;
    return;
  }
  Trigger& run = *waiting_;
  run.recompute = run.recompute || trigger.recompute;
  if (run.only != trigger.only) run.only.reset();
  if (trigger.kind == TriggerKind::confirm) {
    run.kind = TriggerKind::confirm;
    run.confirm_run = trigger.confirm_run;
  }
}

std::optional<Trigger> RunQueue::pop() {
  auto next = std::move(waiting_);
  waiting_.reset();
  merged_.clear();
  return next;
}

}  // namespace edusync::service
