#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "config/config.hpp"
#include "connectors/registry.hpp"

namespace edusync::cli {
namespace {

using text::arg;

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

void print_summary(const std::string& path, const config::Config& config,
                   const std::string& language) {
  std::vector<std::string> connectors;
  for (const auto& connector : config.connectors) {
    connectors.push_back(connector.name + " (" + connector.type + ")");
  }
  std::cout << say(language, "config.check.valid", {arg("path", path)}) << '\n'
            << say(language, "config.check.school",
                   {arg("name", config.school_name), arg("uais", join(config.uais))})
            << '\n'
            << say(language, "config.check.connectors",
                   {arg("connectors", connectors.empty() ? say(language, "config.check.none")
                                                         : join(connectors))})
            << '\n';
}

// Exit 0 with a summary when the file is valid; else every problem on stderr and exit 2. In
// the file's report.language, read first, even when the file has other problems.
int run_check_config(const std::string& path, const Globals& globals) {
  const auto result = config::load_config(path, connectors::builtin_registry().key_tables());
  const auto language = globals.speaks(result.language);
  if (!result.config) {
    for (const auto& problem : result.problems)
      std::cerr << config::format_problem(problem, language) << '\n';
    std::cerr << say(language, "config.check.problems",
                     {text::count("count", result.problems.size()), arg("path", path)})
              << '\n';
    return kUsageError;
  }
  print_summary(path, *result.config, language);
  return kDone;
}

}  // namespace

void register_check_config(CLI::App& app, Command& command, const Globals& globals) {
  auto file = std::make_shared<std::string>();
  const auto language = globals.speaks();
  auto* sub = app.add_subcommand("check-config", say(language, "config.check.help"));
  sub->add_option("file", *file, say(language, "config.check.file_help"));
  // The keys' help in the language of the command (text/catalogue_keys.cpp); the example file
  // stays English (config/keys.hpp).
  sub->footer([language] {
    return "\n" + config::describe_all_keys(connectors::builtin_registry().key_tables(), language);
  });
  // globals are main()'s --config and --language: read when the command runs, after parsing.
  sub->callback([file, &command, &globals] {
    command.action = [file, &globals] {
      return run_check_config(file->empty() ? globals.config_path : *file, globals);
    };
  });
}

}  // namespace edusync::cli
