#include "service/control_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <optional>

#include "service/control_protocol.hpp"

namespace edusync::service {
namespace {

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;
using boost::system::error_code;
namespace errc = boost::system::errc;

std::string where(const std::filesystem::path& path) {
  return "le service edusync sur " + path.string();
}

[[noreturn]] void connect_failed(const std::filesystem::path& path, const error_code& error) {
  if (error == errc::no_such_file_or_directory)
    throw ControlUnavailable("aucun service edusync ne répond sur " + path.string() +
                             " : le socket n'existe pas (le service est-il démarré ?)");
  if (error == errc::connection_refused)
    throw ControlUnavailable("aucun service edusync ne répond sur " + path.string() +
                             " : connexion refusée (socket laissé par un service arrêté)");
  if (error == errc::permission_denied)
    throw ControlError("accès refusé au socket " + path.string() +
                       " : il faut être root, l'utilisateur du service ou membre du groupe "
                       "control_group");
  throw ControlError("impossible de joindre " + where(path) + " : " + error.message());
}

// One exchange on its own event loop, so that the deadline bounds connect, write and read.
class Exchange {
 public:
  Exchange(const std::filesystem::path& path, std::string line)
      : path_(path), socket_(io_), out_(std::move(line)) {}

  nlohmann::json run(std::chrono::milliseconds timeout) {
    socket_.async_connect(stream::endpoint(path_.string()),
                          [this](const error_code& error) { on_connect(error); });
    io_.run_for(timeout);
    if (error_) connect_failed(path_, *error_);
    if (!failure_.empty()) throw ControlError(failure_);
    if (!answered_)
      throw ControlError(where(path_) + " n'a pas répondu en " +
                         std::to_string(std::chrono::ceil<std::chrono::seconds>(timeout).count()) +
                         " s");
    return parse_answer();
  }

 private:
  void on_connect(const error_code& error) {
    if (error) {
      error_ = error;
      return;
    }
    // A write that fails still reads: a service that refuses the peer answers and closes
    // without reading the request, and that answer is what the operator must see.
    asio::async_write(socket_, asio::buffer(out_), [this](const error_code&, std::size_t) {
      asio::async_read_until(
          socket_, asio::dynamic_buffer(in_, kMaxAnswerLine), '\n',
          [this](const error_code& read, std::size_t size) { on_read(read, size); });
    });
  }

  void on_read(const error_code& error, std::size_t size) {
    if (error == asio::error::not_found) {
      failure_ = where(path_) + " a envoyé une réponse trop longue";
    } else if (error) {
      failure_ = where(path_) + " a fermé la connexion sans répondre";
    } else {
      in_.resize(size - 1);
      answered_ = true;
    }
  }

  nlohmann::json parse_answer() const {
    auto answer = nlohmann::json::parse(in_, nullptr, false);
    if (!answer.is_object() || !answer.contains("ok") || !answer["ok"].is_boolean())
      throw ControlError(where(path_) + " a envoyé une réponse illisible");
    return answer;
  }

  std::filesystem::path path_;
  asio::io_context io_;
  stream::socket socket_;
  std::string out_;
  std::string in_;
  std::optional<error_code> error_;
  std::string failure_;
  bool answered_ = false;
};

}  // namespace

nlohmann::json send_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                            std::chrono::milliseconds timeout) {
  try {
    return Exchange(socket_path, to_line(request)).run(timeout);
  } catch (const ControlError&) {
    throw;
  } catch (const std::exception& failure) {  // a path too long for a socket address...
    throw ControlError("impossible de joindre " + where(socket_path) + " : " + failure.what());
  }
}

}  // namespace edusync::service
