// edusync: one binary, several subcommands. main() only parses the command line and hands
// over to the command; everything else lives in libraries that tests drive directly.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/suggest.hpp"

namespace {

using edusync::cli::say;

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* command : app.get_subcommands([](CLI::App*) { return true; }))
    names.push_back(command->get_name());
  return names;
}

// An unknown command, said with the closest known one; false when the command line names a
// known command (the parse error is then CLI11's to tell).
bool print_unknown_command(CLI::App& app, int argc, char** argv, const std::string& language) {
  const auto typed =
      edusync::cli::typed_command({argv + 1, argv + argc}, {"--config", "--language"});
  if (!typed) return false;
  const auto known = command_names(app);
  if (std::find(known.begin(), known.end(), *typed) != known.end()) return false;
  std::cerr << say(language, "cli.error",
                   {edusync::text::nested("message",
                                          edusync::cli::unknown_command_message(*typed, known))})
            << "\n";
  return true;
}

// CLI11's own words in `--help` (its labels, the help flag, the groups' headings) in the
// language of the command. Before the commands are added: they inherit the help flag and the
// option group.
void speak_cli11(CLI::App& app, const std::string& language) {
  app.set_help_flag("-h,--help", say(language, "cli.label.help_flag"));
  app.option_defaults()->group(say(language, "cli.label.options"));
  auto& formatter = *app.get_formatter();
  const std::pair<const char*, const char*> labels[] = {
      {"Usage", "cli.label.usage"},           {"Positionals", "cli.label.positionals"},
      {"OPTIONS", "cli.label.options_upper"}, {"REQUIRED", "cli.label.required"},
      {"Needs", "cli.label.needs"},           {"Excludes", "cli.label.excludes"},
      {"SUBCOMMAND", "cli.label.subcommand"}, {"SUBCOMMANDS", "cli.label.subcommands_upper"}};
  for (const auto& [label, id] : labels) formatter.label(label, say(language, id));
}

// The heading under which `app` lists its commands, and theirs, in the command's language.
void name_command_groups(CLI::App& app, const std::string& language) {
  for (auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
    command->group(say(language, "cli.label.subcommands"));
    name_command_groups(*command, language);
  }
}

}  // namespace

int main(int argc, char** argv) {
  edusync::cli::Globals globals;
  // Known before the commands are registered: their --help speaks it.
  globals.language = edusync::cli::language_argument(argc, argv);
  const auto language = globals.speaks();
  CLI::App app{say(language, "cli.app")};
  app.require_subcommand(1);
  speak_cli11(app, language);
  app.set_version_flag("--version", "edusync " EDUSYNC_VERSION, say(language, "cli.version_help"));
  app.add_option("--config", globals.config_path, say(language, "cli.config_help"));
  app.add_option("--language", globals.language, say(language, "cli.language_help"))
      ->check(CLI::IsMember({"fr", "en"}));
  edusync::cli::Command command;
  edusync::cli::register_inspect(app, command, globals);
  edusync::cli::register_check_config(app, command, globals);
  edusync::cli::register_run_commands(app, command, globals);
  edusync::cli::register_service_commands(app, command, globals);
  name_command_groups(app, language);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() != 0 &&
        edusync::cli::print_inspect_usage_error(argc, argv, error.what(), language)) {
      return edusync::cli::kUsageError;
    }
    if (error.get_exit_code() != 0 && print_unknown_command(app, argc, argv, language))
      return edusync::cli::kUsageError;
    const int code = app.exit(error);
    return code == 0 ? 0 : edusync::cli::kUsageError;
  }
  return command.action ? command.action() : edusync::cli::kUsageError;
}
