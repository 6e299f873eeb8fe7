#include "service/control_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <optional>

#include "service/control_protocol.hpp"
#include "text/message.hpp"

namespace edusync::service {
namespace {

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;
using boost::system::error_code;
namespace errc = boost::system::errc;

using text::arg;

std::string say(std::string_view language, const char* id, std::vector<text::Arg> args = {}) {
  return text::render(text::message(id, std::move(args)), language);
}

text::Message where(const std::filesystem::path& path) {
  return text::message("service.client.service_on", {arg("path", path.string())});
}

[[noreturn]] void connect_failed(const std::filesystem::path& path, const error_code& error,
                                 std::string_view language) {
  if (error == errc::no_such_file_or_directory)
    throw ControlUnavailable(
        say(language, "service.client.no_socket", {arg("path", path.string())}));
  if (error == errc::connection_refused)
    throw ControlUnavailable(say(language, "service.client.refused", {arg("path", path.string())}));
  if (error == errc::permission_denied)
    throw ControlError(say(language, "service.client.access_denied", {arg("path", path.string())}));
  throw ControlError(say(language, "service.client.cannot_reach",
                         {text::nested("service", where(path)), arg("error", error.message())}));
}

// One exchange on its own event loop, so that the deadline bounds connect, write and read.
class Exchange {
 public:
  Exchange(const std::filesystem::path& path, std::string line, std::string_view language)
      : path_(path), socket_(io_), out_(std::move(line)), language_(language) {}

  nlohmann::json run(std::chrono::milliseconds timeout) {
    socket_.async_connect(stream::endpoint(path_.string()),
                          [this](const error_code& error) { on_connect(error); });
    io_.run_for(timeout);
    if (error_) connect_failed(path_, *error_, language_);
    if (!failure_.empty()) throw ControlError(failure_);
    if (!answered_)
      throw ControlError(
          say(language_, "service.client.timeout",
              {text::nested("service", where(path_)),
               arg("seconds",
                   std::to_string(std::chrono::ceil<std::chrono::seconds>(timeout).count()))}));
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
      failure_ = say(language_, "service.client.too_long", {text::nested("service", where(path_))});
    } else if (error) {
      failure_ = say(language_, "service.client.closed", {text::nested("service", where(path_))});
    } else {
      in_.resize(size - 1);
      answered_ = true;
    }
  }

  nlohmann::json parse_answer() const {
    auto answer = nlohmann::json::parse(in_, nullptr, false);
    if (!answer.is_object() || !answer.contains("ok") || !answer["ok"].is_boolean())
      throw ControlError(
          say(language_, "service.client.unreadable", {text::nested("service", where(path_))}));
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
  std::string_view language_;
};

}  // namespace

nlohmann::json send_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                            std::chrono::milliseconds timeout) {
  return send_request(socket_path, request, "fr", timeout);
}

nlohmann::json send_request(const std::filesystem::path& socket_path, const nlohmann::json& request,
                            std::string_view language, std::chrono::milliseconds timeout) {
  try {
    return Exchange(socket_path, to_line(request), language).run(timeout);
  } catch (const ControlError&) {
    throw;
  } catch (const std::exception& failure) {  // a path too long for a socket address...
    throw ControlError(
        say(language, "service.client.cannot_reach",
            {text::nested("service", where(socket_path)), arg("error", failure.what())}));
  }
}

}  // namespace edusync::service
