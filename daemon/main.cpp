// edusync: one binary, several subcommands. main() only parses the command line and hands
// over to the command; everything else lives in libraries that tests drive directly.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  CLI::App app{"edusync : synchronisation des annuaires des établissements scolaires"};
  app.require_subcommand(1);
  std::string config_path = "/etc/edusync/edusync.yaml";
  app.add_option("--config", config_path, "Fichier de configuration");
  edusync::cli::Command command;
  edusync::cli::register_inspect(app, command);
  edusync::cli::register_check_config(app, command, config_path);
  edusync::cli::register_run_commands(app, command, config_path);
  edusync::cli::register_service_commands(app, command, config_path);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() != 0 &&
        edusync::cli::print_inspect_usage_error(argc, argv, error.what())) {
      return edusync::cli::kUsageError;
    }
    const int code = app.exit(error);
    return code == 0 ? 0 : edusync::cli::kUsageError;
  }
  return command.action ? command.action() : edusync::cli::kUsageError;
}
