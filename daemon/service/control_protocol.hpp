#pragma once
// The control protocol of `edusync daemon` (schemas/control.schema.json): one JSON object per
// line each way. A request line comes from a local client and is untrusted: it is bounded
// (kMaxRequestLine), parsed and checked field by field, and anything wrong becomes an error
// message in the service's language, never an exception.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace edusync::service {

// The longest request line accepted, newline excluded.
inline constexpr std::size_t kMaxRequestLine = std::size_t{64} * 1024;
// `runs`: how many runs when the request does not say, and the most it may ask.
inline constexpr int kDefaultRunsCount = 10;
inline constexpr int kMaxRunsCount = 1000;

enum class Command { status, runs, resync, confirm, reload, pause, resume, stop };

// "status", "runs"... as written on the wire.
std::string_view command_name(Command command);

// One checked request. Fields a command does not take keep their defaults.
struct Request {
  Command command = Command::status;
  int count = kDefaultRunsCount;    // runs: 1 to kMaxRunsCount
  bool recompute = false;           // resync
  std::optional<std::string> only;  // resync: a connector name ([a-z0-9_-]{1,64})
  std::string run;                  // confirm: a run id (YYYYMMDDTHHMMSSZ-xxxx)
};

// Either a request or the reason it was refused (French or English).
struct ParseResult {
  std::optional<Request> request;
  std::string error;  // set when `request` is not
};

// Parses one line (without its newline; a trailing '\r' is tolerated); the reason of a refusal
// is in `language` (fr or en). Never throws.
ParseResult parse_request(std::string_view line, std::string_view language = "fr") noexcept;

// The request as a JSON object (what `edusync ctl` sends); only the fields of its command,
// and optional fields only when they differ from their default.
nlohmann::json request_json(const Request& request);

// {"ok": true} merged with the members of `payload` (an object; its own "ok" is ignored).
nlohmann::json ok_response(const nlohmann::json& payload = nlohmann::json::object());
// {"ok": false, "error": message}.
nlohmann::json error_response(std::string_view message);

// The compact JSON text of `message` followed by '\n'. Invalid UTF-8 in a string (a client's
// bytes quoted in an error) is replaced by U+FFFD rather than thrown about.
std::string to_line(const nlohmann::json& message);

}  // namespace edusync::service
