// The service's start, stop, reload, schedule and watchdog (service/service_core.hpp).
#include <boost/asio/post.hpp>
#include <csignal>

#include "common/errors.hpp"
#include "common/log.hpp"
#include "connectors/registry.hpp"
#include "run/inbox.hpp"
#include "service/control_server.hpp"
#include "service/inbox_watch.hpp"
#include "service/last_slot.hpp"
#include "service/notify.hpp"
#include "service/service_core.hpp"

namespace edusync::service {
namespace {

using text::arg;
using text::message;

Trigger now_trigger(TriggerKind kind) {
  Trigger trigger;
  trigger.kind = kind;
  trigger.at = std::chrono::system_clock::now();
  return trigger;
}

}  // namespace

// Everything that can refuse the start comes first (the state, the socket, the inbox); then the
// loop's sources are armed and systemd is told the service is ready.
int Service::start() {
  log::use_journald_if_stderr_is_journal();
  language_ = language_of(config_);
  log::set_language(language_);
  try {
    lock_.emplace(
        run::ServiceLock::acquire(config_.state_dir, format_utc(std::chrono::system_clock::now())));
    use(config_);
    auto control = control_options(config_);
    control.language = language_;
    control_ = std::make_unique<ControlServer>(
        io_, std::move(control),
        [this](const Request& request, const Peer& peer) { return handle(request, peer); });
  } catch (const std::exception& error) {
    log::event(log::Level::error, "service", "SERVICE_START_FAILED", error.what());
    return 1;
  }
  guard_.emplace(boost::asio::make_work_guard(work_));
  worker_ = std::thread([this] { work_.run(); });
  signals_.add(SIGHUP);
  signals_.add(SIGTERM);
  signals_.add(SIGINT);
  watch_signals();
  if (!catch_up_missed_slot()) run_if_inbox_holds_files();
  arm_watchdog();
  log::event(log::Level::info, "service", "SERVICE_READY",
             message("service.log.ready", {arg("path", config_.control_socket.string())}));
  notify::ready();
  tell_systemd();
  return 0;
}

// The configuration in force from now on: its connectors, its inbox watch and its schedule.
// Called at start and when a reload takes effect (never during a run).
void Service::use(config::Config config) {
  config_ = std::move(config);
  language_ = language_of(config_);
  log::set_language(language_);
  if (control_) control_->set_language(language_);
  targets_ = std::make_unique<run::Targets>(config_.connectors, connectors::builtin_registry());
  if (watch_) watch_->stop();
  watch_ = std::make_unique<InboxWatch>(io_, InboxWatchOptions{config_.inbox, options_.settle_time},
                                        [this] { trigger(now_trigger(TriggerKind::inbox)); });
  try {
    watch_->start();
  } catch (const InputError& error) {
    log::event(log::Level::warn, "service", "INBOX_UNWATCHED",
               message("service.log.inbox_unwatched",
                       {arg("error", format_location(error.where()) + error.reason(language_))}));
  }
  if (history_.empty()) {
    try {
      history_ = read_history(config_.state_dir, kHistory);
    } catch (const std::exception& error) {
      log::event(log::Level::warn, "service", "HISTORY_UNREADABLE",
                 message("service.log.history_unreadable", {arg("error", error.what())}));
    }
  }
  arm_schedule();
}

void Service::finish_stop() {
  if (control_) control_->close();
  if (watch_) watch_->stop();
  schedule_timer_.cancel();
  watchdog_timer_.cancel();
  status_timer_.cancel();
  signals_.cancel();
  notify::stopping();
  guard_.reset();
  log::event(log::Level::info, "service", "SERVICE_STOPPED", message("service.log.stopped"));
  io_.stop();
}

// A slot missed while the service was down runs once now (like systemd's Persistent=true);
// never when no slot was ever run here (a first start is not a missed night).
bool Service::catch_up_missed_slot() {
  last_slot_ = read_last_slot(config_.state_dir);
  if (!last_slot_) return false;
  const Schedule schedule(config_.schedule);
  const auto now = std::chrono::system_clock::now();
  if (const auto missed = schedule.missed_slot(*last_slot_, now)) {
    log::event(log::Level::info, "service", "SCHEDULE_MISSED",
               message("service.log.schedule_missed", {arg("when", format_utc(*missed))}));
    last_slot_ = missed;
    try {
      write_last_slot(config_.state_dir, *missed);
    } catch (const std::exception& error) {
      log::event(log::Level::warn, "schedule", "SCHEDULE_LAST_UNWRITABLE", error.what());
    }
    auto trigger = now_trigger(TriggerKind::schedule);
    trigger.origin = "startup";
    this->trigger(trigger);
    return true;
  }
  return false;
}

// Exports dropped while the service was down are read at start: the watch only sees what
// arrives later. When they are those of the last applied run, the run stops after hashing them.
void Service::run_if_inbox_holds_files() {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(config_.inbox, error)) {
    if (entry.is_regular_file(error) &&
        !run::has_temporary_name(entry.path().filename().string())) {
      trigger(now_trigger(TriggerKind::inbox));
      return;
    }
  }
}

void Service::arm_schedule() {
  schedule_timer_.cancel();
  const Schedule schedule(config_.schedule);
  next_slot_ = schedule.next_slot(std::chrono::system_clock::now());
  if (!next_slot_) return;
  schedule_timer_.expires_at(*next_slot_);
  schedule_timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error) on_schedule_timer();
  });
}

// The slot that came is recorded when its run is queued: at most one run per slot, even if the
// service is killed during it (the next run converges anyway).
void Service::on_schedule_timer() {
  const Schedule schedule(config_.schedule);
  const auto now = std::chrono::system_clock::now();
  const auto since = last_slot_.value_or(now - std::chrono::hours(24));
  if (const auto due = schedule.missed_slot(since, now)) {
    last_slot_ = due;
    try {
      write_last_slot(config_.state_dir, *due);
    } catch (const std::exception& error) {
      log::event(log::Level::warn, "schedule", "SCHEDULE_LAST_UNWRITABLE", error.what());
    }
    trigger(now_trigger(TriggerKind::schedule));
  }
  arm_schedule();
}

void Service::arm_watchdog() {
  const auto interval = notify::watchdog_interval();
  if (!interval) return;
  notify::watchdog();
  watchdog_timer_.expires_after(*interval);
  watchdog_timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error) arm_watchdog();
  });
}

int run_service(const ServiceOptions& options) {
  auto loaded = config::load_config(options.config_path.string(),
                                    connectors::builtin_registry().key_tables());
  // Told in --language, else in the file's report.language (read even when it has problems).
  log::set_language(options.language.empty() ? loaded.language : options.language);
  for (const auto& problem : loaded.problems) {
    log::event(log::Level::error, "service", "CONFIG_PROBLEM",
               config::format_problem(problem, log::language()));
  }
  if (!loaded.ok()) return 2;
  Service service(options, std::move(*loaded.config));
  return service.run();
}

}  // namespace edusync::service
