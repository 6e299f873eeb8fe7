// `edusync daemon` (the service) and `edusync ctl ...` (a client of its control socket).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "config/config.hpp"
#include "service/control_client.hpp"
#include "service/control_protocol.hpp"
#include "service/service.hpp"
#include "service/status_text.hpp"

namespace edusync::cli {
namespace {

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

void print_answer(const nlohmann::json& answer, const CtlFlags& flags) {
  if (flags.json) {
    std::cout << answer.dump() << '\n';
  } else if (flags.request.command == service::Command::status) {
    std::cout << service::status_text(answer);
  } else if (flags.request.command == service::Command::runs) {
    std::cout << service::runs_text(answer);
  } else if (answer.contains("message")) {
    std::cout << answer["message"].get<std::string>() << '\n';
  }
}

int ctl_command(const std::string& config_path, const CtlFlags& flags) {
  const auto socket = socket_of(config_path, flags);
  try {
    const auto answer = service::send_request(socket, service::request_json(flags.request));
    if (!answer.value("ok", false)) {
      if (flags.json) std::cout << answer.dump() << '\n';
      std::cerr << "edusync ctl : " << answer.value("error", std::string("refusé")) << '\n';
      return 1;
    }
    print_answer(answer, flags);
    return 0;
  } catch (const service::ControlError& error) {
    std::cerr << "edusync ctl : " << error.what() << '\n';
    return 1;
  }
}

void add_ctl(CLI::App& ctl, const std::shared_ptr<CtlFlags>& flags, const std::string& name,
             service::Command command, const std::string& help) {
  auto* sub = ctl.add_subcommand(name, help);
  sub->callback([flags, command] { flags->request.command = command; });
  if (command == service::Command::runs) {
    sub->add_option("N", flags->request.count, "Nombre de passages (10 par défaut)")
        ->check(CLI::Range(1, service::kMaxRunsCount));
  }
  if (command == service::Command::resync) {
    sub->add_flag("--recompute", flags->request.recompute, "Recalcule même si rien n'a changé");
    sub->add_option_function<std::string>(
        "--only", [flags](const std::string& only) { flags->request.only = only; },
        "Un seul connecteur");
  }
  if (command == service::Command::confirm) {
    sub->add_option("RUN", flags->request.run, "Le passage retenu à appliquer")->required();
  }
}

}  // namespace

void register_service_commands(CLI::App& app, Command& command, const std::string& config_path) {
  auto options = std::make_shared<service::ServiceOptions>();
  auto settle_ms = std::make_shared<int>(2000);
  auto* daemon =
      app.add_subcommand("daemon", "Le service : horaires, boîte de dépôt, socket de contrôle");
  daemon->add_option("--settle-ms", *settle_ms, "Délai de stabilité des fichiers déposés (ms)")
      ->check(CLI::Range(0, 600000));
  daemon->add_option("--today", options->today, "Date des passages (AAAA-MM-JJ), pour les essais");
  daemon->callback([&command, &config_path, options, settle_ms] {
    command.action = [&config_path, options, settle_ms] {
      options->config_path = config_path;
      options->settle_time = std::chrono::milliseconds(*settle_ms);
      return service::run_service(*options);
    };
  });

  auto flags = std::make_shared<CtlFlags>();
  auto* ctl = app.add_subcommand("ctl", "Parle au service en marche par son socket de contrôle");
  ctl->require_subcommand(1);
  ctl->add_option("--socket", flags->socket, "Socket de contrôle (par défaut : control_socket)");
  ctl->add_flag("--json", flags->json, "Réponse JSON (schemas/control.schema.json)");
  using service::Command;
  add_ctl(*ctl, flags, "status", Command::status, "État du service");
  add_ctl(*ctl, flags, "runs", Command::runs, "Derniers passages");
  add_ctl(*ctl, flags, "resync", Command::resync, "Lance un passage maintenant");
  add_ctl(*ctl, flags, "confirm", Command::confirm, "Applique un passage retenu");
  add_ctl(*ctl, flags, "reload", Command::reload, "Recharge la configuration");
  add_ctl(*ctl, flags, "pause", Command::pause, "Suspend les passages programmés et sur dépôt");
  add_ctl(*ctl, flags, "resume", Command::resume, "Reprend après une pause");
  add_ctl(*ctl, flags, "stop", Command::stop, "Arrête le service");
  ctl->callback([&command, &config_path, flags] {
    command.action = [&config_path, flags] { return ctl_command(config_path, *flags); };
  });
}

}  // namespace edusync::cli
