#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "config/config.hpp"
#include "connectors/registry.hpp"

namespace edusync::cli {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

void print_summary(const std::string& path, const config::Config& config) {
  std::cout << path << ": valid\n"
            << "  school      " << config.school_name << " (UAI " << join(config.uais) << ")\n"
            << "  connectors  ";
  std::vector<std::string> connectors;
  for (const auto& connector : config.connectors) {
    connectors.push_back(connector.name + " (" + connector.type + ")");
  }
  std::cout << (connectors.empty() ? "none" : join(connectors)) << '\n';
}

// Exit 0 with a summary when the file is valid; else every problem on stderr and exit 2.
int run_check_config(const std::string& path) {
  const auto result = config::load_config(path, connectors::builtin_registry().key_tables());
  if (!result.config) {
    for (const auto& problem : result.problems)
      std::cerr << config::format_problem(problem) << '\n';
    const auto count = result.problems.size();
    std::cerr << "edusync check-config: " << count << (count == 1 ? " problem" : " problems")
              << " in " << path << '\n';
    return kUsageError;
  }
  print_summary(path, *result.config);
  return kDone;
}

}  // namespace

void register_check_config(CLI::App& app, Command& command, const std::string& config_path) {
  auto file = std::make_shared<std::string>();
  auto* sub = app.add_subcommand(
      "check-config", "Checks the configuration file and prints every problem with its place");
  sub->add_option("file", *file, "File to check instead of the --config one");
  sub->footer(
      [] { return "\n" + config::describe_all_keys(connectors::builtin_registry().key_tables()); });
  // config_path is main()'s --config value: read when the command runs, after parsing.
  sub->callback([file, &command, &config_path] {
    command.action = [file, &config_path] {
      return run_check_config(file->empty() ? config_path : *file);
    };
  });
}

}  // namespace edusync::cli
