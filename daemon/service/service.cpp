#include "service/service.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <csignal>

#include "common/log.hpp"
#include "connectors/registry.hpp"
#include "service/control_server.hpp"
#include "service/inbox_watch.hpp"
#include "service/last_slot.hpp"
#include "service/notify.hpp"
#include "service/service_core.hpp"

namespace edusync::service {

using text::arg;
using text::message;

std::string Service::language_of(const config::Config& config) const {
  if (options_.language == "en" || options_.language == "fr") return options_.language;
  return config.report.language == "en" ? "en" : "fr";
}

std::string Service::say(const char* id, std::vector<text::Arg> args) const {
  return text::render(message(id, std::move(args)), language_);
}

Service::Service(ServiceOptions options, config::Config config)
    : options_(std::move(options)), config_(std::move(config)) {}

Service::~Service() {
  stop_.request_stop();
  guard_.reset();
  work_.stop();
  if (worker_.joinable()) worker_.join();
}

int Service::run() {
  if (const int code = start(); code != 0) return code;
  io_.run();
  return exit_code_;
}

void Service::watch_signals() {
  signals_.async_wait([this](const boost::system::error_code& error, int signal) {
    if (error) return;
    on_signal(signal);
    if (!stopping_) watch_signals();
  });
}

void Service::on_signal(int signal) {
  if (signal == SIGHUP) {
    (void)reload();
    return;
  }
  begin_stop(signal == SIGTERM ? "SIGTERM" : "SIGINT");
}

// No new run from now on; the run in progress is asked to stop and the loop ends when it has.
void Service::begin_stop(const std::string& why) {
  if (stopping_) return;
  stopping_ = true;
  log::event(log::Level::info, "service", "SERVICE_STOPPING",
             message("service.log.stopping", {arg("why", why)}));
  tell_systemd();
  stop_.request_stop();
  (void)queue_.pop();
  if (!current_) finish_stop();
}

void Service::trigger(const Trigger& trigger) {
  if (stopping_) return;
  if (paused_ && (trigger.kind == TriggerKind::schedule || trigger.kind == TriggerKind::inbox)) {
    if (trigger.kind == TriggerKind::inbox) drop_while_paused_ = true;
    log::event(log::Level::info, "service", "TRIGGER_PAUSED",
               message("service.log.trigger_paused", {arg("trigger", to_string(trigger.kind))}));
    return;
  }
  log::event(log::Level::info, "service", "TRIGGER",
             message(current_ ? "service.log.trigger_waits" : "service.log.trigger",
                     {arg("trigger", to_string(trigger.kind))}));
  queue_.push(trigger);
  start_next_run();
}

void Service::start_next_run() {
  if (current_ || stopping_ || queue_.empty()) return;
  const auto next = *queue_.pop();
  current_ = CurrentRun{next, format_utc(std::chrono::system_clock::now()), {}};
  current_->progress.stage = "inbox";
  tell_systemd();
  auto config = std::make_shared<const config::Config>(config_);
  // What the watch saw settle, so that the run does not wait for the same files again.
  std::shared_ptr<const run::InboxStamps> settled;
  if (watch_ && watch_->watching()) settled = watch_->settled();
  boost::asio::post(work_, [this, next, config, settled] { execute(next, config, settled); });
}

// On the worker thread: the run itself, then the latest runs of the state, both handed back to
// the event loop. Nothing of the Service is touched here but the targets (only runs use them,
// one at a time; a reload waits for the run's end to replace them).
void Service::execute(const Trigger& trigger, const std::shared_ptr<const config::Config>& config,
                      const std::shared_ptr<const run::InboxStamps>& settled_inbox) {
  run::RunOptions options;
  options.from_service = true;
  options.targets = targets_.get();
  options.stop = stop_.get_token();
  options.settle_time = options_.settle_time;
  options.settled_inbox = settled_inbox;
  options.today = options_.today;
  options.recompute = trigger.recompute;
  options.only = trigger.only;
  options.confirm = trigger.kind == TriggerKind::confirm;
  options.progress = [this](const run::Progress& progress) {
    boost::asio::post(io_, [this, progress] { on_progress(progress); });
  };
  FinishedRun finished;
  try {
    finished = finished_run(run::run_sync(*config, options), trigger);
  } catch (const std::exception& error) {
    finished.trigger = to_string(trigger.kind);
    finished.status = "failed";
    finished.error = error.what();
  }
  std::vector<FinishedRun> history;
  try {
    history = read_history(config->state_dir, kHistory);
  } catch (const std::exception& error) {
    log::event(log::Level::warn, "service", "HISTORY_UNREADABLE",
               message("service.log.history_unreadable", {arg("error", error.what())}));
  }
  boost::asio::post(io_, [this, finished = std::move(finished), history = std::move(history)] {
    on_run_finished(finished, history);
  });
}

void Service::on_progress(const run::Progress& progress) {
  if (!current_) return;
  current_->progress = progress;
  tell_systemd();
}

void Service::on_run_finished(FinishedRun finished, std::vector<FinishedRun> history) {
  log::event(finished.status == "ok" ? log::Level::info : log::Level::warn, "service",
             "RUN_FINISHED",
             message(finished.error.empty() ? "service.log.run_finished"
                                            : "service.log.run_finished_error",
                     {arg("run", finished.id), arg("trigger", finished.trigger),
                      arg("status", finished.status), arg("error", finished.error)}),
             {{"run", finished.id}, {"status", finished.status}, {"trigger", finished.trigger}});
  for (const auto& connector : finished.connectors) {
    std::erase_if(connectors_, [&](const auto& known) { return known.name == connector.name; });
    connectors_.push_back(connector);
  }
  // The state's records, with what only this service knows (trigger, changes) for its runs; a
  // refused run has no record in the state and is kept first.
  bool recorded = false;
  for (auto& run : history) {
    if (run.id == finished.id) {
      run = finished;
      recorded = true;
      continue;
    }
    const auto known = std::find_if(history_.begin(), history_.end(),
                                    [&](const FinishedRun& k) { return k.id == run.id; });
    if (known != history_.end()) run = *known;
  }
  if (!recorded) history.insert(history.begin(), finished);
  history_ = std::move(history);
  current_.reset();
  if (pending_config_) {
    use(std::move(*pending_config_));
    pending_config_.reset();
  }
  if (stopping_) {
    finish_stop();
    return;
  }
  tell_systemd();
  start_next_run();
}

// SIGHUP and `ctl reload` alike: systemd sees the reload, its refusal is logged once.
ReloadOutcome Service::reload() {
  notify::reloading();
  auto outcome = load_new_config();
  for (const auto& problem : outcome.problems) {
    log::event(log::Level::error, "service", "RELOAD_REFUSED", problem);
  }
  notify::ready();
  tell_systemd();
  return outcome;
}

ReloadOutcome Service::load_new_config() {
  ReloadOutcome outcome;
  auto loaded = config::load_config(options_.config_path.string(),
                                    connectors::builtin_registry().key_tables());
  // Refused, the configuration in force (and its language) stays.
  for (const auto& problem : loaded.problems) {
    outcome.problems.push_back(config::format_problem(problem, language_));
  }
  if (!loaded.ok()) return outcome;
  if (loaded.config->state_dir != config_.state_dir) {
    outcome.problems.push_back(
        say("service.state_dir_changed",
            {arg("path", options_.config_path.string()), arg("old", config_.state_dir.string()),
             arg("new", loaded.config->state_dir.string())}));
    return outcome;
  }
  outcome.applied = true;
  if (current_) {
    outcome.deferred = true;
    pending_config_ = std::move(*loaded.config);
    return outcome;
  }
  use(std::move(*loaded.config));
  return outcome;
}

}  // namespace edusync::service
