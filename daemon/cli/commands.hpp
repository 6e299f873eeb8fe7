#pragma once
// Subcommands of the edusync binary. Each registers its options on the CLI11 application and
// sets `action`, which main() runs after parsing and whose result is the exit code.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>

#include "text/message.hpp"

namespace edusync::cli {

struct Command {
  std::function<int()> action;
};

// The options every command shares, set by main() before the command runs.
struct Globals {
  std::string config_path = "/etc/edusync/edusync.yaml";
  // --language: "fr" or "en"; empty when the command line does not say. Read from argv before
  // the commands are registered (language_argument), so that --help speaks it too.
  std::string language;

  // The language a command speaks: --language, else `configured` (the configuration's
  // report.language, for a command that read it, even a broken one), else French.
  std::string speaks(std::string_view configured = {}) const {
    if (!language.empty()) return language;
    if (configured == "en" || configured == "fr") return std::string(configured);
    return "fr";
  }
};

// The value of --language (or --language=) on the command line when it is fr or en, else empty.
std::string language_argument(int argc, char** argv);

// `message` in `language`: the texts of the command line (text/catalogue_clis.cpp).
inline std::string say(std::string_view language, const text::Message& message) {
  return text::render(message, language);
}
inline std::string say(std::string_view language, std::string id,
                       std::vector<text::Arg> args = {}) {
  return text::render(text::message(std::move(id), std::move(args)), language);
}

void register_inspect(CLI::App& app, Command& command, const Globals& globals);
// `inspect --json` whose command line CLI11 refused (an unknown option, say): prints the JSON
// error object on stdout, as every other inspect failure does, and the message on stderr.
// Returns false, printing nothing, for any other command line.
bool print_inspect_usage_error(int argc, char** argv, const std::string& message,
                               const std::string& language);
// `globals` is read when the command runs (after --config and --language are parsed).
void register_check_config(CLI::App& app, Command& command, const Globals& globals);
void register_run_commands(CLI::App& app, Command& command, const Globals& globals);
void register_service_commands(CLI::App& app, Command& command, const Globals& globals);

}  // namespace edusync::cli
