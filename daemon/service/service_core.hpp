#pragma once
// The service's internals (service/service.hpp says what it does): the Service object lives on
// the event loop's thread; everything it holds is read and changed there only, except what a
// run's job copies to the worker thread. The worker posts progress and the finished run back
// to the event loop.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/system_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "config/config.hpp"
#include "run/run_lock.hpp"
#include "run/runner.hpp"
#include "run/targets.hpp"
#include "service/run_queue.hpp"
#include "service/run_record.hpp"
#include "service/schedule.hpp"
#include "service/service.hpp"
#include "text/message.hpp"

namespace edusync::service {

class ControlServer;
class InboxWatch;
struct Request;
struct Peer;

// The run in progress, as the status shows it.
struct CurrentRun {
  Trigger trigger;
  std::string started;  // ISO 8601 UTC
  run::Progress progress;
};

// The answer to `reload`: empty problems when the new configuration is in force (or will be,
// at the end of the run in progress).
struct ReloadOutcome {
  bool applied = false;
  bool deferred = false;  // a run is in progress: it takes effect when the run ends
  std::vector<std::string> problems;
};

constexpr std::size_t kHistory = 50;  // runs kept for `ctl runs` and the status

class Service {
 public:
  Service(ServiceOptions options, config::Config config);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Takes the state, opens the socket and the watch, arms the schedule, then runs the loop
  // until stopped. Returns the exit code (service/service.hpp).
  int run();

 private:
  // Start and stop.
  int start();
  void watch_signals();
  void on_signal(int signal);
  void begin_stop(const std::string& why);
  void finish_stop();

  // Triggers and runs.
  void trigger(const Trigger& trigger);
  void start_next_run();
  void execute(const Trigger& trigger, const std::shared_ptr<const config::Config>& config,
               const std::shared_ptr<const run::InboxStamps>& settled_inbox);
  void on_progress(const run::Progress& progress);
  void on_run_finished(FinishedRun finished, std::vector<FinishedRun> history);

  // The schedule.
  void arm_schedule();
  bool catch_up_missed_slot();  // whether a run was queued
  void run_if_inbox_holds_files();
  void on_schedule_timer();

  // Reload.
  ReloadOutcome reload();
  ReloadOutcome load_new_config();  // checks the file; uses it now or at the end of the run
  void use(config::Config config);
  // The language of the service's texts, answers and events: --language, else report.language.
  std::string language_of(const config::Config& config) const;
  std::string say(const char* id, std::vector<text::Arg> args = {}) const;

  // The control socket (service_control.cpp) and the status (service_status.cpp).
  nlohmann::json handle(const Request& request, const Peer& peer);
  nlohmann::json status() const;
  nlohmann::json runs(std::size_t count) const;
  std::string status_line() const;  // systemd STATUS=
  // Sends status_line() when it changed, at most once per kStatusInterval: a later line waits on
  // status_timer_. sd_notify blocks when the manager's queue is full (10 datagrams by default),
  // so a run's progress, told at each percent, must not reach it one message per change.
  void tell_systemd();
  static constexpr std::chrono::milliseconds kStatusInterval{1000};

  void arm_watchdog();

  ServiceOptions options_;
  config::Config config_;
  std::string language_ = "fr";                   // of config_ (language_of), set by use()
  std::optional<config::Config> pending_config_;  // reloaded during a run
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();

  boost::asio::io_context io_;
  boost::asio::signal_set signals_{io_};
  boost::asio::system_timer schedule_timer_{io_};
  boost::asio::steady_timer watchdog_timer_{io_};
  boost::asio::steady_timer status_timer_{io_};
  bool status_pending_ = false;  // status_timer_ is armed
  std::string told_status_;      // the last STATUS= line sent
  std::chrono::steady_clock::time_point told_status_at_{};
  std::optional<std::chrono::system_clock::time_point> next_slot_;
  std::optional<std::chrono::system_clock::time_point> last_slot_;  // the last slot run

  boost::asio::io_context work_;  // the worker's loop: one run at a time
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_;
  std::thread worker_;
  std::stop_source stop_;

  std::optional<run::ServiceLock> lock_;
  std::unique_ptr<run::Targets> targets_;
  std::unique_ptr<ControlServer> control_;
  std::unique_ptr<InboxWatch> watch_;

  RunQueue queue_;
  std::optional<CurrentRun> current_;
  std::vector<FinishedRun> history_;  // newest first, from the state and this service's runs
  std::vector<ConnectorStatus> connectors_;
  bool paused_ = false;
  bool drop_while_paused_ = false;
  bool stopping_ = false;
  int exit_code_ = 0;
};

}  // namespace edusync::service
