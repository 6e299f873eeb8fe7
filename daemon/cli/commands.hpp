#pragma once
// Subcommands of the edusync binary. Each registers its options on the CLI11 application and
// sets `action`, which main() runs after parsing and whose result is the exit code.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace edusync::cli {

struct Command {
  std::function<int()> action;
};

void register_inspect(CLI::App& app, Command& command);
// `inspect --json` whose command line CLI11 refused (an unknown option, say): prints the JSON
// error object on stdout, as every other inspect failure does, and the message on stderr.
// Returns false, printing nothing, for any other command line.
bool print_inspect_usage_error(int argc, char** argv, const std::string& message);
// `config_path` is read when the command runs (after --config is parsed).
void register_check_config(CLI::App& app, Command& command, const std::string& config_path);
void register_run_commands(CLI::App& app, Command& command, const std::string& config_path);
void register_service_commands(CLI::App& app, Command& command, const std::string& config_path);

}  // namespace edusync::cli
