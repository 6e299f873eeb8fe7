// The service's answers on its control socket (schemas/control.schema.json) and its systemd
// status line. Runs on the event loop: it only reads and changes the Service's own fields.
#include <boost/asio/post.hpp>

#include "common/log.hpp"
#include "service/control_protocol.hpp"
#include "service/control_server.hpp"
#include "service/last_slot.hpp"
#include "service/notify.hpp"
#include "service/peer_access.hpp"
#include "service/service_core.hpp"
#include "service/status_text.hpp"

#ifndef EDUSYNC_VERSION
#define EDUSYNC_VERSION "0.0.0"
#endif

namespace edusync::service {
namespace {

nlohmann::json or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json last_run_json(const FinishedRun& run) {
  nlohmann::json json{
      {"id", run.id},         {"trigger", or_null(run.trigger)},
      {"status", run.status}, {"finished", run.finished.empty() ? run.started : run.finished},
      {"changes", nullptr},   {"report", or_null(run.report_dir)}};
  if (!run.trigger.empty()) json["changes"] = run.changes;
  if (!run.error.empty()) json["error"] = run.error;
  return json;
}

nlohmann::json queued_json(const Trigger& trigger) {
  nlohmann::json json{{"trigger", to_string(trigger.kind)}, {"requested", format_utc(trigger.at)}};
  if (trigger.recompute) json["recompute"] = true;
  if (trigger.only) json["only"] = *trigger.only;
  if (trigger.kind == TriggerKind::confirm) json["run"] = trigger.confirm_run;
  return json;
}

std::string origin_of(const Peer& peer) {
  return "uid " + std::to_string(peer.uid) + ", pid " + std::to_string(peer.pid);
}

}  // namespace

nlohmann::json Service::status() const {
  nlohmann::json json = ok_response();
  const bool held = !history_.empty() && history_.front().status == "held";
  json["state"] = current_ ? "running" : paused_ ? "paused" : held ? "held" : "idle";
  json["run"] = nullptr;
  if (current_) {
    const auto& progress = current_->progress;
    json["run"] = {{"id", or_null(progress.run_id)},
                   {"trigger", to_string(current_->trigger.kind)},
                   {"stage", progress.stage},
                   {"connector", or_null(progress.connector)},
                   {"progress",
                    {{"done", progress.done},
                     {"total", progress.total == 0 ? nlohmann::json(nullptr)
                                                   : nlohmann::json(progress.total)}}},
                   {"connector_progress", progress.items_total == 0
                                              ? nlohmann::json(nullptr)
                                              : nlohmann::json{{"done", progress.items_done},
                                                               {"total", progress.items_total}}},
                   {"started", current_->started}};
  }
  json["last_run"] = history_.empty() ? nlohmann::json(nullptr) : last_run_json(history_.front());
  json["next_scheduled"] = next_slot_ ? nlohmann::json(format_utc(*next_slot_)) : nullptr;
  json["queued"] = nlohmann::json::array();
  for (const auto& trigger : queue_.merged()) json["queued"].push_back(queued_json(trigger));
  json["held"] = nlohmann::json::array();
  if (held) {
    const auto& run = history_.front();
    std::string reason = run.gates.empty() ? "retenu par une garde de sécurité" : run.gates[0];
    json["held"].push_back({{"id", run.id}, {"reason", reason}, {"finished", run.finished}});
  }
  json["connectors"] = nlohmann::json::array();
  for (const auto& configured : config_.connectors) {
    nlohmann::json connector{
        {"name", configured.name}, {"type", configured.type}, {"last_status", nullptr}};
    for (const auto& known : connectors_) {
      if (known.name != configured.name) continue;
      connector["last_status"] = known.status;
      connector["last_run"] = known.run;
      if (!known.error.empty()) connector["error"] = known.error;
    }
    json["connectors"].push_back(std::move(connector));
  }
  json["uptime_seconds"] =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_)
          .count();
  json["version"] = EDUSYNC_VERSION;
  return json;
}

nlohmann::json Service::runs(std::size_t count) const {
  nlohmann::json list = nlohmann::json::array();
  if (current_ && !current_->progress.run_id.empty()) {  // no id yet: not listable
    list.push_back({{"id", current_->progress.run_id},
                    {"trigger", to_string(current_->trigger.kind)},
                    {"status", "running"},
                    {"started", current_->started},
                    {"finished", nullptr},
                    {"report", nullptr}});
  }
  for (const auto& run : history_) {
    if (list.size() >= count) break;
    list.push_back({{"id", run.id},
                    {"trigger", or_null(run.trigger)},
                    {"status", run.status},
                    {"started", run.started},
                    {"finished", or_null(run.finished)},
                    {"report", or_null(run.report_dir)}});
  }
  return ok_response({{"runs", list}});
}

nlohmann::json Service::handle(const Request& request, const Peer& peer) {
  const auto ack = [](const std::string& message) { return ok_response({{"message", message}}); };
  Trigger trigger;
  trigger.at = std::chrono::system_clock::now();
  trigger.origin = origin_of(peer);
  switch (request.command) {
    case Command::status: return status();
    case Command::runs: return runs(static_cast<std::size_t>(request.count));
    case Command::resync:
      if (stopping_) return error_response(say("service.answer.stopping"));
      if (request.only && std::none_of(config_.connectors.begin(), config_.connectors.end(),
                                       [&](const auto& c) { return c.name == *request.only; })) {
        return error_response(
            say("service.answer.no_such_connector", {text::arg("name", *request.only)}));
      }
      trigger.kind = TriggerKind::resync;
      trigger.recompute = request.recompute;
      trigger.only = request.only;
      this->trigger(trigger);
      return ack(say(current_ && current_->trigger.at != trigger.at
                         ? "service.answer.resync_queued"
                         : "service.answer.resync_started"));
    case Command::confirm: {
      const bool held = !history_.empty() && history_.front().status == "held";
      if (!held || history_.front().id != request.run) {
        return error_response(say("service.answer.not_held", {text::arg("run", request.run)}));
      }
      trigger.kind = TriggerKind::confirm;
      trigger.confirm_run = request.run;
      this->trigger(trigger);
      return ack(say("service.answer.confirm_queued", {text::arg("run", request.run)}));
    }
    case Command::reload: {
      const auto outcome = reload();
      if (!outcome.applied) {
        const auto separator = say("service.answer.problems_separator");
        std::string problems;
        for (const auto& problem : outcome.problems) {
          if (!problems.empty()) problems += separator;
          problems += problem;
        }
        return error_response(
            say("service.answer.reload_refused", {text::arg("problems", problems)}));
      }
      // In the language of the configuration now in force.
      return ack(
          say(outcome.deferred ? "service.answer.reloaded_deferred" : "service.answer.reloaded"));
    }
    case Command::pause:
      paused_ = true;
      tell_systemd();
      return ack(say("service.answer.paused"));
    case Command::resume: {
      paused_ = false;
      tell_systemd();
      if (drop_while_paused_) {
        drop_while_paused_ = false;
        trigger.kind = TriggerKind::inbox;
        this->trigger(trigger);
        return ack(say("service.answer.resumed_with_drop"));
      }
      return ack(say("service.answer.resumed"));
    }
    case Command::stop:
      boost::asio::post(io_,
                        [this, origin = trigger.origin] { begin_stop("ctl stop, " + origin); });
      return ack(say("service.answer.stop"));
  }
  return error_response(say("service.answer.unknown_command"));
}

std::string Service::status_line() const {
  if (stopping_) return say("service.line.stopping");
  if (current_) {
    const auto& progress = current_->progress;
    // "passage 20261203T013000Z-1a2b : application au connecteur sambaedu (1/2), 40 %"
    std::string line =
        say("service.line.run",
            {text::arg("id", progress.run_id.empty() ? std::string("…") : progress.run_id),
             text::arg("stage", stage_text(progress.stage, progress.connector, language_))});
    if (!progress.connector.empty()) {
      line += " (" + std::to_string(progress.done + 1) + "/" + std::to_string(progress.total) + ")";
      if (progress.items_total > 0)
        line += say("service.line.percent",
                    {text::arg("percent",
                               std::to_string(progress.items_done * 100 / progress.items_total))});
    }
    return line;
  }
  std::string line = say(paused_ ? "service.line.paused" : "service.line.idle");
  if (next_slot_) line += say("service.line.next", {text::arg("when", format_utc(*next_slot_))});
  return line;
}

void Service::tell_systemd() {
  if (status_pending_) return;  // the timer sends the line current when it fires
  auto line = status_line();
  if (line == told_status_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - told_status_at_ >= kStatusInterval) {
    notify::status(line);
    told_status_ = std::move(line);
    told_status_at_ = now;
    return;
  }
  status_pending_ = true;
  status_timer_.expires_at(told_status_at_ + kStatusInterval);
  status_timer_.async_wait([this](const boost::system::error_code& error) {
    status_pending_ = false;
    if (!error) tell_systemd();
  });
}

}  // namespace edusync::service
