#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "inspect/inspection.hpp"

namespace edusync::cli {
namespace {

struct InspectOptions {
  inspect::Request request;
  bool json = false;
};

// With --json, a failure still prints one JSON document on stdout, so that a program reading
// it never has to guess from an empty output: {"error": {"code", "message", "file", ...}}.
int fail(const InspectOptions& options, int exit_code, const std::string& code,
         const std::string& message, const SourceLocation* where = nullptr) {
  std::cerr << say(options.request.language, "cli.command_error",
                   {text::arg("command", "inspect"),
                    text::nested("message", text::verbatim(message))})
            << '\n';
  if (options.json) {
    nlohmann::ordered_json error = {{"code", code}, {"message", message}};
    if (where != nullptr && !where->file.empty()) error["file"] = where->file;
    if (where != nullptr && where->line > 0) error["line"] = where->line;
    if (where != nullptr && where->column > 0) error["column"] = where->column;
    std::cout << nlohmann::ordered_json{{"error", error}}.dump(2) << '\n';
  }
  return exit_code;
}

// "0140065t" is accepted as 0140065T; anything else that is not 7 digits and a letter is
// refused before a file is read (a file name given to --uai by mistake, for instance).
bool normalise_uais(InspectOptions& options, std::string& problem) {
  for (auto& uai : options.request.uais) {
    if (!is_uai(uai)) {
      problem = say(options.request.language, "cli.inspect.bad_uai", {text::arg("uai", uai)});
      return false;
    }
    uai.back() = static_cast<char>(std::toupper(static_cast<unsigned char>(uai.back())));
  }
  return true;
}

int run_inspect(InspectOptions& options) {
  std::string problem;
  if (options.request.files.empty()) {
    return fail(options, kUsageError, "USAGE_ERROR",
                say(options.request.language, "cli.inspect.no_file"));
  }
  if (!normalise_uais(options, problem)) return fail(options, kUsageError, "USAGE_ERROR", problem);
  try {
    const auto inspection = inspect::inspect_files(options.request);
    if (options.json) {
      std::cout << inspect::to_json(inspection).dump(2) << '\n';
    } else {
      inspect::print_text(inspection, std::cout);
    }
    return kDone;
  } catch (const InputError& error) {
    return fail(options, kInputError, "INPUT_ERROR",
                format_location(error.where()) + error.reason(options.request.language),
                &error.where());
  } catch (const std::exception& error) {
    return fail(options, kInputError, "RUNTIME_ERROR", error.what());
  }
}

bool is_inspect_json(int argc, char** argv) {
  bool inspect = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "inspect") inspect = true;
    if (inspect && word == "--json") return true;
  }
  return false;
}

}  // namespace

bool print_inspect_usage_error(int argc, char** argv, const std::string& message,
                               const std::string& language) {
  if (!is_inspect_json(argc, argv)) return false;
  InspectOptions options;
  options.json = true;
  options.request.language = language;
  fail(options, kUsageError, "USAGE_ERROR",
       say(language, "cli.inspect.refused", {text::arg("reason", message)}));
  return true;
}

// inspect reads no configuration: it speaks --language, else French.
void register_inspect(CLI::App& app, Command& command, const Globals& globals) {
  const auto language = globals.speaks();
  auto options = std::make_shared<InspectOptions>();
  options->request.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* sub = app.add_subcommand("inspect", say(language, "cli.inspect.help"));
  // Not required() for CLI11: a missing file list is reported by run_inspect, as JSON too.
  sub->add_option("files", options->request.files, say(language, "cli.inspect.files_help"));
  // One value per occurrence: `--uai 0140065T Eleves.xml sts.xml` must leave both files to
  // `files` (a vector option would otherwise take every following word as a UAI).
  sub->add_option("--uai", options->request.uais, say(language, "cli.inspect.uai_help"))
      ->allow_extra_args(false)
      ->type_name("UAI");
  sub->add_flag("--json", options->json, say(language, "cli.inspect.json_help"));
  sub->add_option("--edt-key", options->request.edt_key_file,
                  say(language, "cli.inspect.edt_key_help"))
      ->type_name(say(language, "cli.inspect.edt_key_type"));
  sub->add_option("--today", options->request.today, say(language, "cli.inspect.today_help"))
      ->group("");
  sub->callback([options, &command, &globals] {
    options->request.language = globals.speaks();
    command.action = [options] { return run_inspect(*options); };
  });
}

}  // namespace edusync::cli
