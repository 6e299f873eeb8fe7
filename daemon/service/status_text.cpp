#include "service/status_text.hpp"

#include <array>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "text/catalogue.hpp"
#include "text/message.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;

// A member as text or as a count; empty / nullopt when absent or of another type.
std::string text_of(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<long long> count_in(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<long long>();
}

const json& member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

// The words of one answer's text, in one language.
class Words {
 public:
  explicit Words(std::string_view language) : language_(language) {}
  std::string operator()(const char* id, std::vector<text::Arg> args = {}) const {
    return text::render(text::message(id, std::move(args)), language_);
  }
  // The entry "<prefix>.<key>" when the catalogue has it, else `key` as it is (a value of a
  // service of another version).
  std::string label(const char* prefix, const std::string& key) const {
    std::string id = prefix;
    id += '.';
    id += key;
    if (key.empty() || text::find_entry(id) == nullptr) return key;
    return text::render(text::message(id), language_);
  }
  std::string_view language() const { return language_; }

 private:
  std::string_view language_;
};

text::Arg count_arg(const char* name, long long value) {
  return text::count(name, value < 0 ? 0 : static_cast<std::uint64_t>(value));
}

std::string progress_text(const json& progress, const Words& say) {
  const auto done = count_in(progress, "done");
  if (!done) return {};
  const auto total = count_in(progress, "total");
  if (!total) return say("service.status.items_done", {count_arg("count", *done)});
  return say("service.status.items_of",
             {text::arg("done", std::to_string(*done)), count_arg("total", *total)});
}

// "40 % (400 sur 1000 opérations)": how far the connector being applied is, when it tells.
std::string connector_progress_text(const json& progress, const Words& say) {
  const auto done = count_in(progress, "done");
  const auto total = count_in(progress, "total");
  if (!done || !total || *total <= 0) return {};
  return say("service.status.operations_of",
             {text::arg("percent", std::to_string(*done * 100 / *total)),
              text::arg("done", std::to_string(*done)), count_arg("total", *total)});
}

void append_current_run(const json& run, const Words& say, std::string& out) {
  if (!run.is_object()) {
    out += say("service.status.no_current_run") + "\n";
    return;
  }
  const auto id = text_of(run, "id");
  std::string line = say("service.status.current_run",
                         {text::arg("id", id.empty() ? say("service.status.no_id_yet") : id)});
  if (const auto trigger = text_of(run, "trigger"); !trigger.empty())
    line += say("service.status.triggered_by",
                {text::arg("trigger", say.label("service.trigger", trigger))});
  out += line + "\n";
  if (const auto started = text_of(run, "started"); !started.empty())
    out += say("service.status.started", {text::arg("when", started)}) + "\n";
  std::string stage = say(
      "service.status.stage",
      {text::arg("stage",
                 stage_text(text_of(run, "stage"), text_of(run, "connector"), say.language()))});
  if (const auto progress = progress_text(member(run, "progress"), say); !progress.empty())
    stage += ", " + progress;
  if (const auto own = connector_progress_text(member(run, "connector_progress"), say);
      !own.empty())
    stage += say("service.status.connector_progress", {text::arg("progress", own)});
  out += stage + "\n";
}

// "élèves : 3 ajouts, 1 modification" for one population of the report's changes.
std::string population_changes(const json& counts, const Words& say) {
  static constexpr std::array<std::pair<const char*, const char*>, 6> kKinds{{
      {"added", "service.change.added"},
      {"updated", "service.change.updated"},
      {"departed", "service.change.departed"},
      {"returned", "service.change.returned"},
      {"renamed", "service.change.renamed"},
      {"removed", "service.change.removed"},
  }};
  std::string text;
  for (const auto& [key, id] : kKinds) {
    const auto count = count_in(counts, key);
    if (!count || *count == 0) continue;
    if (!text.empty()) text += ", ";
    text += say(id, {count_arg("count", *count)});
  }
  return text;
}

std::string changes_text(const json& changes, const Words& say) {
  static constexpr std::array<const char*, 5> kPopulations{
      {"pupils", "guardians", "staff", "divisions", "groups"}};
  const auto separator = say("service.status.changes_separator");
  std::string text;
  for (const auto* key : kPopulations) {
    const auto part = population_changes(member(changes, key), say);
    if (part.empty()) continue;
    if (!text.empty()) text += separator;
    text += say("service.status.population_changes",
                {text::arg("population", say.label("service.population", key)),
                 text::arg("changes", part)});
  }
  const auto& memberships = member(changes, "memberships");
  const auto added = count_in(memberships, "added").value_or(0);
  const auto removed = count_in(memberships, "removed").value_or(0);
  if (added + removed > 0) {
    if (!text.empty()) text += separator;
    text += say("service.status.memberships",
                {count_arg("added", added), count_arg("removed", removed)});
  }
  return text.empty() ? say("service.status.none") : text;
}

void append_last_run(const json& run, const Words& say, std::string& out) {
  if (!run.is_object()) {
    out += say("service.status.no_last_run") + "\n";
    return;
  }
  std::string line =
      say("service.status.last_run",
          {text::arg("id", text_of(run, "id")),
           text::arg("status", say.label("service.run_status", text_of(run, "status")))});
  if (const auto finished = text_of(run, "finished"); !finished.empty())
    line += say("service.status.finished", {text::arg("when", finished)});
  out += line + "\n";
  if (const auto error = text_of(run, "error"); !error.empty())
    out += say("service.status.error", {text::arg("error", error)}) + "\n";
  if (member(run, "changes").is_object())
    out += say("service.status.changes",
               {text::arg("changes", changes_text(member(run, "changes"), say))}) +
           "\n";
  if (const auto report = text_of(run, "report"); !report.empty())
    out += say("service.status.report", {text::arg("report", report)}) + "\n";
}

std::string queued_entry(const json& queued, const Words& say) {
  std::string text = say.label("service.trigger", text_of(queued, "trigger"));
  if (const auto run = text_of(queued, "run"); !run.empty()) text += " " + run;
  if (const auto only = text_of(queued, "only"); !only.empty())
    text += say("service.status.queued_only", {text::arg("name", only)});
  if (member(queued, "recompute").is_boolean() && member(queued, "recompute").get<bool>())
    text += say("service.status.queued_recompute");
  if (const auto requested = text_of(queued, "requested"); !requested.empty())
    text += say("service.status.requested", {text::arg("when", requested)});
  return text;
}

void append_queued(const json& queued, const Words& say, std::string& out) {
  if (!queued.is_array() || queued.empty()) {
    out += say("service.status.nothing_queued") + "\n";
    return;
  }
  out += say("service.status.queued", {count_arg("count", static_cast<long long>(queued.size()))}) +
         "\n";
  for (const auto& entry : queued) out += "  " + queued_entry(entry, say) + "\n";
}

void append_held(const json& held, const Words& say, std::string& out) {
  if (!held.is_array() || held.empty()) {
    out += say("service.status.no_held") + "\n";
    return;
  }
  out += say("service.status.held", {text::arg("count", std::to_string(held.size()))}) + "\n";
  for (const auto& run : held) {
    const auto id = text_of(run, "id");
    out += say("service.status.held_run",
               {text::arg("id", id), text::arg("reason", text_of(run, "reason"))}) +
           "\n";
    out += say("service.status.held_confirm", {text::arg("id", id)}) + "\n";
  }
}

std::string connector_line(const json& connector, const Words& say) {
  std::string name = text_of(connector, "name");
  if (const auto type = text_of(connector, "type"); !type.empty()) name += " (" + type + ")";
  const auto status = text_of(connector, "last_status");
  if (status.empty())
    return say("service.status.connector_not_applied", {text::arg("connector", name)});
  std::string text = say("service.status.connector",
                         {text::arg("connector", name),
                          text::arg("status", say.label("service.connector_status", status))});
  if (const auto run = text_of(connector, "last_run"); !run.empty())
    text += say("service.status.connector_run", {text::arg("run", run)});
  if (const auto error = text_of(connector, "error"); !error.empty())
    text += say("service.status.connector_error", {text::arg("error", error)});
  return text;
}

void append_connectors(const json& connectors, const Words& say, std::string& out) {
  if (!connectors.is_array() || connectors.empty()) {
    out += say("service.status.no_connectors") + "\n";
    return;
  }
  out += say("service.status.connectors", {text::arg("count", std::to_string(connectors.size()))}) +
         "\n";
  for (const auto& connector : connectors) out += "  " + connector_line(connector, say) + "\n";
}

std::string run_line(const json& run, const Words& say) {
  std::string text =
      text_of(run, "id") + "  " + say.label("service.run_status", text_of(run, "status"));
  if (const auto trigger = text_of(run, "trigger"); !trigger.empty())
    text += "  (" + say.label("service.trigger", trigger) + ")";
  if (const auto started = text_of(run, "started"); !started.empty())
    text += say("service.runs.started", {text::arg("when", started)});
  if (const auto finished = text_of(run, "finished"); !finished.empty())
    text += say("service.runs.finished", {text::arg("when", finished)});
  if (const auto report = text_of(run, "report"); !report.empty())
    text += say("service.runs.report", {text::arg("report", report)});
  return text;
}

}  // namespace

std::string stage_text(const std::string& stage, const std::string& connector,
                       std::string_view language) {
  const Words say(language);
  if (stage == "applying") {
    return connector.empty()
               ? say("service.stage.applying")
               : say("service.stage.applying_to", {text::arg("connector", connector)});
  }
  return say.label("service.stage", stage);
}

std::string count_of(long long count, const std::string& singular, const std::string& plural) {
  return std::to_string(count) + " " + (count >= 2 || count <= -2 ? plural : singular);
}

std::string duration_text(long long seconds, std::string_view language) {
  static constexpr std::array<std::pair<long long, const char*>, 4> kUnits{{
      {86400, "service.duration.days"},
      {3600, "service.duration.hours"},
      {60, "service.duration.minutes"},
      {1, "service.duration.seconds"},
  }};
  const Words say(language);
  if (seconds <= 0) return say("service.duration.seconds", {text::count("count", 0)});
  std::string text;
  int shown = 0;
  for (const auto& [size, id] : kUnits) {
    const auto amount = seconds / size;
    seconds %= size;
    if (amount == 0) {
      if (shown > 0) break;  // "2 jours 5 minutes" would skip the hours: stop at the gap
      continue;
    }
    if (!text.empty()) text += ' ';
    text += say(id, {count_arg("count", amount)});
    if (++shown == 2) break;
  }
  return text;
}

std::string status_text(const json& status, std::string_view language) {
  const Words say(language);
  std::string version;
  if (const auto given = text_of(status, "version"); !given.empty()) version = " " + given;
  std::string uptime;
  if (const auto seconds = count_in(status, "uptime_seconds"))
    uptime =
        say("service.status.uptime", {text::arg("duration", duration_text(*seconds, language))});
  std::string out =
      say("service.status.title", {text::arg("version", version), text::arg("uptime", uptime)}) +
      "\n";
  out += say("service.status.state",
             {text::arg("state", say.label("service.state", text_of(status, "state")))}) +
         "\n";
  append_current_run(member(status, "run"), say, out);
  append_last_run(member(status, "last_run"), say, out);
  const auto next = text_of(status, "next_scheduled");
  out += say("service.status.next",
             {text::arg("when", next.empty() ? say("service.status.none") : next)}) +
         "\n";
  append_queued(member(status, "queued"), say, out);
  append_held(member(status, "held"), say, out);
  append_connectors(member(status, "connectors"), say, out);
  return out;
}

std::string runs_text(const json& runs, std::string_view language) {
  const Words say(language);
  const auto& list = member(runs, "runs");
  if (!list.is_array() || list.empty()) return say("service.runs.none") + "\n";
  std::string out =
      say("service.runs.title", {count_arg("count", static_cast<long long>(list.size()))}) + "\n";
  for (const auto& run : list) out += "  " + run_line(run, say) + "\n";
  return out;
}

}  // namespace edusync::service
