#include "service/control_protocol.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/message.hpp"

namespace edusync::service {
namespace {

using nlohmann::json;

struct CommandSpec {
  Command command;
  std::string_view name;
  std::string_view fields;  // the fields it takes besides "command", for messages
};

constexpr std::array<CommandSpec, 8> kCommands{{
    {Command::status, "status", ""},
    {Command::runs, "runs", "count"},
    {Command::resync, "resync", "recompute, only"},
    {Command::confirm, "confirm", "run"},
    {Command::reload, "reload", ""},
    {Command::pause, "pause", ""},
    {Command::resume, "resume", ""},
    {Command::stop, "stop", ""},
}};

constexpr std::string_view kCommandList =
    "status, runs, resync, confirm, reload, pause, resume, stop";

// A client's text quoted in a message: at most 64 bytes (to_line() mends a cut character).
std::string shortened(std::string_view text) {
  constexpr std::size_t kMax = 64;
  std::string shown(text.substr(0, kMax));
  if (text.size() > kMax) shown += "…";
  return shown;
}

constexpr char kExample[] = R"({"command":"status"})";

using text::arg;
using text::message;

const CommandSpec* find_command(std::string_view name) {
  const auto found = std::find_if(kCommands.begin(), kCommands.end(),
                                  [&](const CommandSpec& spec) { return spec.name == name; });
  return found == kCommands.end() ? nullptr : &*found;
}

bool is_connector_name(const std::string& text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// YYYYMMDDTHHMMSSZ-xxxx, x a lower-case hexadecimal digit.
bool is_run_id(const std::string& text) {
  constexpr std::string_view kShape = "99999999T999999Z-ffff";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool digit = c >= '0' && c <= '9';
    switch (kShape[i]) {
      case '9':
        if (!digit) return false;
        break;
      case 'f':
        if (!digit && !(c >= 'a' && c <= 'f')) return false;
        break;
      default:
        if (c != kShape[i]) return false;
    }
  }
  return true;
}

// Reads the fields of `object` other than "command" into `request`; returns the reason of the
// first one that is unknown to the command or of the wrong type, empty when all are fine.
text::Message read_fields(const json& object, const CommandSpec& spec, Request& request) {
  for (const auto& [key, value] : object.items()) {
    if (key == "command") continue;
    if (spec.command == Command::runs && key == "count") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
          value.get<std::int64_t>() > kMaxRunsCount)
        return message("service.request.bad_count", {arg("max", std::to_string(kMaxRunsCount))});
      request.count = value.get<int>();
    } else if (spec.command == Command::resync && key == "recompute") {
      if (!value.is_boolean()) return message("service.request.bad_recompute");
      request.recompute = value.get<bool>();
    } else if (spec.command == Command::resync && key == "only") {
      if (!value.is_string() || !is_connector_name(value.get<std::string>()))
        return message("service.request.bad_only");
      request.only = value.get<std::string>();
    } else if (spec.command == Command::confirm && key == "run") {
      if (!value.is_string() || !is_run_id(value.get<std::string>()))
        return message("service.request.bad_run");
      request.run = value.get<std::string>();
    } else {
      return message(
          "service.request.unknown_field",
          {arg("field", shortened(key)), arg("command", std::string(spec.name)),
           text::nested("fields", spec.fields.empty()
                                      ? message("service.request.no_other_field")
                                      : message("service.request.possible_fields",
                                                {arg("fields", std::string(spec.fields))}))});
    }
  }
  if (spec.command == Command::confirm && request.run.empty())
    return message("service.request.confirm_needs_run");
  return text::verbatim("");
}

ParseResult refused(const text::Message& reason, std::string_view language) {
  return {
      std::nullopt,
      text::render(message("service.request.refused", {text::nested("reason", reason)}), language)};
}

ParseResult parse_object(const json& object, std::string_view language) {
  if (!object.is_object())
    return refused(message("service.request.not_object", {arg("example", kExample)}), language);
  const auto command = object.find("command");
  if (command == object.end()) return refused(message("service.request.no_command"), language);
  if (!command->is_string())
    return refused(message("service.request.command_not_string"), language);
  const auto* spec = find_command(command->get_ref<const std::string&>());
  if (spec == nullptr)
    return refused(message("service.request.unknown_command",
                           {arg("command", shortened(command->get_ref<const std::string&>())),
                            arg("commands", std::string(kCommandList))}),
                   language);
  Request request;
  request.command = spec->command;
  if (auto problem = read_fields(object, *spec, request); !problem.empty())
    return refused(problem, language);
  return {std::move(request), {}};
}

}  // namespace

std::string_view command_name(Command command) {
  for (const auto& spec : kCommands)
    if (spec.command == command) return spec.name;
  return "status";
}

ParseResult parse_request(std::string_view line, std::string_view language) noexcept {
  try {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxRequestLine)
      return refused(
          message("service.request.too_long", {arg("max", std::to_string(kMaxRequestLine))}),
          language);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
      return refused(message("service.request.empty", {arg("example", kExample)}), language);
    json object;
    try {
      object = json::parse(line);
    } catch (const json::parse_error& error) {
      return refused(message("service.request.not_json", {arg("byte", std::to_string(error.byte))}),
                     language);
    }
    return parse_object(object, language);
  } catch (...) {  // memory exhausted: the line is refused, the service goes on
    try {
      return refused(message("service.request.internal"), language);
    } catch (...) {
      return {std::nullopt, "requête refusée : erreur interne en la lisant"};
    }
  }
}

json request_json(const Request& request) {
  json out = {{"command", std::string(command_name(request.command))}};
  switch (request.command) {
    case Command::runs:
      if (request.count != kDefaultRunsCount) out["count"] = request.count;
      break;
    case Command::resync:
      if (request.recompute) out["recompute"] = true;
      if (request.only) out["only"] = *request.only;
      break;
    case Command::confirm: out["run"] = request.run; break;
    default: break;
  }
  return out;
}

json ok_response(const json& payload) {
  json out = {{"ok", true}};
  if (payload.is_object()) {
    for (const auto& [key, value] : payload.items())
      if (key != "ok") out[key] = value;
  }
  return out;
}

json error_response(std::string_view message) {
  return {{"ok", false}, {"error", std::string(message)}};
}

std::string to_line(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace edusync::service
