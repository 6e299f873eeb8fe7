#include "service/control_protocol.hpp"

#include <algorithm>
#include <array>
#include <utility>

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
std::string in_guillemets(std::string_view text) {
  constexpr std::size_t kMax = 64;
  std::string shown(text.substr(0, kMax));
  if (text.size() > kMax) shown += "…";
  return "« " + shown + " »";
}

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

// Reads the fields of `object` other than "command" into `request`; returns the French reason
// of the first one that is unknown to the command or of the wrong type, empty when all are fine.
std::string read_fields(const json& object, const CommandSpec& spec, Request& request) {
  for (const auto& [key, value] : object.items()) {
    if (key == "command") continue;
    if (spec.command == Command::runs && key == "count") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
          value.get<std::int64_t>() > kMaxRunsCount)
        return "« count » doit être un entier de 1 à " + std::to_string(kMaxRunsCount);
      request.count = value.get<int>();
    } else if (spec.command == Command::resync && key == "recompute") {
      if (!value.is_boolean()) return "« recompute » doit valoir true ou false";
      request.recompute = value.get<bool>();
    } else if (spec.command == Command::resync && key == "only") {
      if (!value.is_string() || !is_connector_name(value.get<std::string>()))
        return "« only » doit être un nom de connecteur (lettres minuscules, chiffres, _ et -, "
               "64 caractères au plus)";
      request.only = value.get<std::string>();
    } else if (spec.command == Command::confirm && key == "run") {
      if (!value.is_string() || !is_run_id(value.get<std::string>()))
        return "« run » doit être un identifiant de passage, par exemple 20261203T013000Z-1a2b";
      request.run = value.get<std::string>();
    } else {
      return "champ inconnu " + in_guillemets(key) + " pour la commande « " +
             std::string(spec.name) + " » (" +
             (spec.fields.empty() ? std::string("elle n'en prend aucun autre")
                                  : "champs possibles : " + std::string(spec.fields)) +
             ")";
    }
  }
  if (spec.command == Command::confirm && request.run.empty())
    return "la commande « confirm » demande le champ « run » : l'identifiant du passage "
           "retenu à appliquer";
  return {};
}

ParseResult refused(std::string message) {
  return {std::nullopt, "requête refusée : " + std::move(message)};
}

ParseResult parse_object(const json& object) {
  if (!object.is_object())
    return refused("un objet JSON était attendu, par exemple {\"command\":\"status\"}");
  const auto command = object.find("command");
  if (command == object.end()) return refused("le champ « command » manque");
  if (!command->is_string()) return refused("« command » doit être une chaîne");
  const auto* spec = find_command(command->get_ref<const std::string&>());
  if (spec == nullptr)
    return refused("commande inconnue " + in_guillemets(command->get_ref<const std::string&>()) +
                   " ; commandes possibles : " + std::string(kCommandList));
  Request request;
  request.command = spec->command;
  if (auto problem = read_fields(object, *spec, request); !problem.empty())
    return refused(std::move(problem));
  return {std::move(request), {}};
}

}  // namespace

std::string_view command_name(Command command) {
  for (const auto& spec : kCommands)
    if (spec.command == command) return spec.name;
  return "status";
}

ParseResult parse_request(std::string_view line) noexcept {
  try {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxRequestLine)
      return refused("ligne trop longue (plus de " + std::to_string(kMaxRequestLine) + " octets)");
    if (line.find_first_not_of(" \t") == std::string_view::npos)
      return refused(
          "ligne vide ; un objet JSON était attendu, par exemple {\"command\":\"status\"}");
    json object;
    try {
      object = json::parse(line);
    } catch (const json::parse_error& error) {
      return refused("ce n'est pas du JSON valide (erreur à l'octet " + std::to_string(error.byte) +
                     ")");
    }
    return parse_object(object);
  } catch (...) {  // memory exhausted: the line is refused, the service goes on
    return {std::nullopt, "requête refusée : erreur interne en la lisant"};
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
