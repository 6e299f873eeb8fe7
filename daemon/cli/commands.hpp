#pragma once
// Subcommands of the edusync binary. Each registers its options on the CLI11 application and
// sets `action`, which main() runs after parsing and whose result is the exit code.
#include <CLI/CLI.hpp>

#include <functional>

namespace edusync::cli {

struct Command {
  std::function<int()> action;
};

void register_inspect(CLI::App& app, Command& command);

}  // namespace edusync::cli
