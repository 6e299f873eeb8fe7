#pragma once
// The client side of the control socket, for `edusync ctl`: one request line, one answer line.
// Failures are typed so that the command prints the message on one line and exits 1.
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace edusync::service {

inline constexpr std::chrono::seconds kControlTimeout{30};
// The longest answer line read (a `runs` answer of 1000 runs is far below).
inline constexpr std::size_t kMaxAnswerLine = std::size_t{16} * 1024 * 1024;

// Something went wrong talking to the service; what() names the socket (French by default).
class ControlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Nothing listens on the socket (no such file, or connection refused: a service that died):
// "aucun service edusync ne répond sur /run/edusync/control.sock : le socket n'existe pas".
class ControlUnavailable : public ControlError {
 public:
  using ControlError::ControlError;
};

// Connects to `socket_path`, sends `request` (control_protocol.hpp's request_json()) as one
// line and returns the answer line parsed, whatever its "ok". Throws ControlUnavailable when
// nothing listens, ControlError on anything else: access refused by the socket's mode, no
// complete answer within `timeout`, connection closed without an answer, an answer that is not
// a JSON object or is longer than kMaxAnswerLine.
nlohmann::json send_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                            std::chrono::milliseconds timeout = kControlTimeout);
// The same, the failures said in `language` (fr or en) rather than French.
nlohmann::json send_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                            std::string_view language,
                            std::chrono::milliseconds timeout = kControlTimeout);

}  // namespace edusync::service
