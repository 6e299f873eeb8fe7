// `edusync daemon` (the service) and `edusync ctl ...` (a client of its control socket).
#include <iostream>
#include <tuple>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "config/config.hpp"
#include "service/control_client.hpp"
#include "service/control_protocol.hpp"
#include "service/service.hpp"
#include "service/status_text.hpp"

namespace edusync::cli {
namespace {

using text::arg;

struct CtlFlags {
  std::string socket;  // empty: the configuration's control_socket
  bool json = false;
  service::Request request;
};

// The socket to talk to: --socket, else the configuration's control_socket (read alone, so that
// a mistake elsewhere in the file does not hide the service), else the default one.
std::filesystem::path socket_of(const std::string& config_path, const CtlFlags& flags) {
  if (!flags.socket.empty()) return flags.socket;
  return config::read_control_socket(config_path).value_or("/run/edusync/control.sock");
}

// The texts of status and runs are made here, in the command's language; a message comes from
// the service, in its own (the same report.language, unless --language says otherwise).
void print_answer(const nlohmann::json& answer, const CtlFlags& flags,
                  const std::string& language) {
  if (flags.json) {
    std::cout << answer.dump() << '\n';
  } else if (flags.request.command == service::Command::status) {
    std::cout << service::status_text(answer, language);
  } else if (flags.request.command == service::Command::runs) {
    std::cout << service::runs_text(answer, language);
  } else if (answer.contains("message")) {
    std::cout << answer["message"].get<std::string>() << '\n';
  }
}

// The configuration is read for its control_socket and report.language alone, best effort.
int ctl_command(const Globals& globals, const CtlFlags& flags) {
  const auto socket = socket_of(globals.config_path, flags);
  const auto language =
      globals.speaks(config::read_report_language(globals.config_path).value_or(""));
  const auto error_line = [&language](const std::string& message) {
    return say(language, "cli.command_error",
               {arg("command", "ctl"), text::nested("message", text::verbatim(message))});
  };
  try {
    const auto answer =
        service::send_request(socket, service::request_json(flags.request), language);
    if (!answer.value("ok", false)) {
      if (flags.json) std::cout << answer.dump() << '\n';
      std::cerr << error_line(answer.value("error", say(language, "cli.ctl.refused"))) << '\n';
      return 1;
    }
    print_answer(answer, flags, language);
    return 0;
  } catch (const service::ControlError& error) {
    std::cerr << error_line(error.what()) << '\n';
    return 1;
  }
}

void add_ctl(CLI::App& ctl, const std::shared_ptr<CtlFlags>& flags, const std::string& name,
             service::Command command, const std::string& help, const std::string& language) {
  auto* sub = ctl.add_subcommand(name, help);
  sub->callback([flags, command] { flags->request.command = command; });
  if (command == service::Command::runs) {
    sub->add_option("N", flags->request.count, say(language, "cli.ctl.count_help"))
        ->check(CLI::Range(1, service::kMaxRunsCount));
  }
  if (command == service::Command::resync) {
    sub->add_flag("--recompute", flags->request.recompute, say(language, "cli.ctl.recompute_help"));
    sub->add_option_function<std::string>(
        "--only", [flags](const std::string& only) { flags->request.only = only; },
        say(language, "cli.ctl.only_help"));
  }
  if (command == service::Command::confirm) {
    sub->add_option("RUN", flags->request.run, say(language, "cli.ctl.run_help"))->required();
  }
}

}  // namespace

void register_service_commands(CLI::App& app, Command& command, const Globals& globals) {
  const auto language = globals.speaks();
  const auto help = [&language](const char* id) { return say(language, id); };
  auto options = std::make_shared<service::ServiceOptions>();
  auto settle_ms = std::make_shared<int>(2000);
  auto* daemon = app.add_subcommand("daemon", help("cli.daemon.help"));
  daemon->add_option("--settle-ms", *settle_ms, help("cli.settle_help"))
      ->check(CLI::Range(0, 600000));
  daemon->add_option("--today", options->today, help("cli.daemon.today_help"));
  daemon->callback([&command, &globals, options, settle_ms] {
    command.action = [&globals, options, settle_ms] {
      options->config_path = globals.config_path;
      options->language = globals.language;
      options->settle_time = std::chrono::milliseconds(*settle_ms);
      return service::run_service(*options);
    };
  });

  auto flags = std::make_shared<CtlFlags>();
  auto* ctl = app.add_subcommand("ctl", help("cli.ctl.help"));
  ctl->require_subcommand(1);
  ctl->add_option("--socket", flags->socket, help("cli.ctl.socket_help"));
  ctl->add_flag("--json", flags->json, help("cli.ctl.json_help"));
  using service::Command;
  for (const auto& [name, kind, id] : {std::tuple{"status", Command::status, "cli.ctl.status_help"},
                                       {"runs", Command::runs, "cli.ctl.runs_help"},
                                       {"resync", Command::resync, "cli.ctl.resync_help"},
                                       {"confirm", Command::confirm, "cli.ctl.confirm_help"},
                                       {"reload", Command::reload, "cli.ctl.reload_help"},
                                       {"pause", Command::pause, "cli.ctl.pause_help"},
                                       {"resume", Command::resume, "cli.ctl.resume_help"},
                                       {"stop", Command::stop, "cli.ctl.stop_help"}})
    add_ctl(*ctl, flags, name, kind, help(id), language);
  ctl->callback([&command, &globals, flags] {
    command.action = [&globals, flags] { return ctl_command(globals, *flags); };
  });
}

}  // namespace edusync::cli
