// run, diff, report and accounts: the commands that use the configuration and the state.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "common/dates.hpp"
#include "common/text.hpp"
#include "config/config.hpp"
#include "connectors/registry.hpp"
#include "report/account_sheets.hpp"
#include "report/labels.hpp"
#include "report/run_report.hpp"
#include "run/password_expiry.hpp"
#include "run/run_result.hpp"
#include "run/runner.hpp"
#include "service/status_text.hpp"
#include "state/password_files.hpp"
#include "state/run_details.hpp"
#include "state/state_store.hpp"

namespace edusync::cli {
namespace {

using text::arg;

// The configuration, its problems printed in the command's language.
std::optional<config::Config> load(const Globals& globals) {
  auto result =
      config::load_config(globals.config_path, connectors::builtin_registry().key_tables());
  const auto language = globals.speaks(result.language);
  for (const auto& problem : result.problems)
    std::cerr << config::format_problem(problem, language) << '\n';
  return std::move(result.config);
}

// "edusync : message" / "edusync: message".
std::string error_line(const std::string& language, const text::Message& message) {
  return say(language, "cli.error", {text::nested("message", message)});
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_private(const std::string& path, const std::string& content,
                   const std::string& language) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 ||
      ::write(fd, content.data(), content.size()) != static_cast<ssize_t>(content.size())) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(say(language, "cli.cannot_write", {arg("path", path)}));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
}

struct RunFlags {
  bool dry_run = false;
  bool confirm = false;
  bool recompute = false;
  std::string only;
  std::string today;
  int settle_ms = 1000;
};

// On a terminal, and not as a systemd service (whose status line carries the stage), each stage
// is told as it ends.
bool prints_progress() {
  return ::isatty(STDERR_FILENO) == 1 && std::getenv("INVOCATION_ID") == nullptr;
}

// "[1,2 s] lecture des exports : 151 élèves, 288 responsables, 25 personnels" (English:
// "[1.2 s] reading the exports: 151 pupils, ...").
void print_stage(const std::string& language, const run::StageDone& stage) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", stage.seconds);
  std::string when = seconds;
  if (language != "en") std::replace(when.begin(), when.end(), '.', ',');
  const auto what = service::stage_text(stage.stage, "", language);
  std::cerr << (stage.detail.empty()
                    ? say(language, "cli.stage", {arg("seconds", when), arg("stage", what)})
                    : say(language, "cli.stage_detail",
                          {arg("seconds", when), arg("stage", what), arg("detail", stage.detail)}))
            << std::endl;
}

// The run's own report (its text) is in report.language; what the command says around it is in
// the command's language.
int run_command(const Globals& globals, const RunFlags& flags) {
  const auto config = load(globals);
  if (!config) return kUsageError;
  const auto language = globals.speaks(config->report.language);
  if (!flags.only.empty() && std::none_of(config->connectors.begin(), config->connectors.end(),
                                          [&](const auto& c) { return c.name == flags.only; })) {
    std::cerr << say(language, "cli.command_error",
                     {arg("command", "run"),
                      text::nested("message", text::message("cli.no_such_connector",
                                                            {arg("name", flags.only),
                                                             arg("path", globals.config_path)}))})
              << '\n';
    return kUsageError;
  }
  run::RunOptions options;
  options.dry_run = flags.dry_run;
  options.confirm = flags.confirm;
  options.recompute = flags.recompute;
  if (!flags.only.empty()) options.only = flags.only;
  options.today = flags.today;
  options.settle_time = std::chrono::milliseconds(flags.settle_ms);
  if (prints_progress()) {
    options.stage_done = [language](const run::StageDone& stage) { print_stage(language, stage); };
  }
  const auto outcome = run::run_sync(*config, options);
  if (outcome.status == run::Status::refused) {  // another run holds the state: only the reason
    std::cerr << say(language, "cli.command_error",
                     {arg("command", flags.dry_run ? "diff" : "run"),
                      text::nested("message", text::verbatim(outcome.report.error))})
              << '\n';
    return exit_code_of(outcome.status);
  }
  std::cout << report::to_text(outcome.report);
  if (!outcome.report_dir.empty())
    std::cout << '\n'
              << say(language, "cli.reports",
                     {arg("path", outcome.report_dir + "/report.{txt,json,html}")})
              << '\n';
  return exit_code_of(outcome.status);
}

std::optional<state::RunRecord> find_run(state::StateStore& store, const std::string& id,
                                         const std::string& language) {
  auto run = id.empty() ? store.last_run() : store.run(id);
  if (!run)
    std::cerr << error_line(language, id.empty()
                                          ? text::message("cli.no_run")
                                          : text::message("cli.unknown_run", {arg("id", id)}))
              << '\n';
  // A run killed before its end (running, interrupted) or whose report could not be written.
  if (run && run->report_dir.empty()) {
    std::cerr << error_line(language,
                            text::message("cli.run_without_report",
                                          {arg("id", run->id), arg("status", run->status)}))
              << '\n';
    return std::nullopt;
  }
  if (run && !std::filesystem::exists(run->report_dir)) {
    std::cerr << error_line(language,
                            text::message("cli.report_removed",
                                          {arg("id", run->id), arg("dir", run->report_dir)}))
              << '\n';
    return std::nullopt;
  }
  return run;
}

int report_command(const Globals& globals, const std::string& id, const std::string& format) {
  const auto config = load(globals);
  if (!config) return kUsageError;
  auto store = state::StateStore::for_reading(config->state_dir.string());
  const auto run = find_run(store, id, globals.speaks(config->report.language));
  if (!run) return kInputError;
  const std::string extension = format == "text" ? "txt" : format;
  std::cout << read_text(run->report_dir + "/report." + extension);
  return kDone;
}

int accounts_command(const Globals& globals, const std::string& id, const std::string& format,
                     const std::string& today) {
  const auto config = load(globals);
  if (!config) return kUsageError;
  const auto language = globals.speaks(config->report.language);
  auto store = state::StateStore::for_reading(config->state_dir.string());
  // Without a run: the last one that created accounts, not merely the last one.
  auto chosen = id;
  if (chosen.empty()) {
    const auto with_accounts = state::last_run_with_accounts(store.database());
    if (!with_accounts) {
      std::cerr << error_line(language, text::message("cli.no_accounts")) << '\n';
      return kInputError;
    }
    chosen = *with_accounts;
  }
  const auto run = find_run(store, chosen, language);
  if (!run) return kInputError;
  // Every account the run created, as the state recorded it (the report lists the first ones).
  const auto accounts = state::created_accounts(store.database(), run->id);
  std::vector<std::string> keys;
  keys.reserve(accounts.size());
  for (const auto& account : accounts) keys.push_back(account.key);
  const auto passwords = store.passwords(keys, today.empty() ? today_local() : today);
  std::vector<report::SheetLine> lines;
  for (const auto& account : accounts) {
    const auto password = passwords.find(account.key);
    lines.push_back({account.division, account.surname, account.given_name, account.login,
                     password == passwords.end() ? "" : password->second});
  }
  const std::string path = run->report_dir + "/accounts." + format;
  const auto heading =
      run::sheet_heading(*config, run->id, state::earliest_password_expiry(store.database(), keys));
  write_private(path,
                format == "csv" ? report::account_sheets_csv(lines)
                                : report::account_sheets_html(heading, lines),
                language);
  std::cout << say(language, "cli.accounts_written",
                   {text::count("count", lines.size()), arg("id", run->id), arg("path", path)})
            << '\n';
  if (passwords.size() < lines.size()) {
    std::cout << say(language, "cli.passwords_expired",
                     {text::count("count", lines.size() - passwords.size())})
              << '\n';
  }
  return kDone;
}

// Spaces up to `column` characters (code points: "réussi" is six), two at least.
void pad_to(std::string& line, std::size_t column) {
  const auto width = count_code_points(line);
  line.append(width + 2 > column ? 2 : column - width, ' ');
}

// "2026-01-16T02:30:05Z" -> "16/01/2026 02:30 UTC" (French), as it is otherwise.
std::string when_label(const std::string& language, const std::string& started) {
  if (started.size() < 16) return started;
  return report::date_label(language, started.substr(0, 10)) + " " + started.substr(11, 5) + " UTC";
}

// The latest runs that wrote the state, newest first: id, start, status, accounts created and
// whether the report is still there (retention).
int runs_command(const Globals& globals, std::size_t count) {
  const auto config = load(globals);
  if (!config) return kUsageError;
  auto store = state::StateStore::for_reading(config->state_dir.string());
  const auto runs = store.recent_runs(count);
  const auto language = globals.speaks(config->report.language);
  if (runs.empty()) {
    std::cout << say(language, "cli.runs.none") << '\n';
    return kDone;
  }
  std::cout << say(language, "cli.runs.header") << '\n';
  for (const auto& run : runs) {
    const auto created = state::created_account_count(store.database(), run.id);
    std::string line = run.id;
    pad_to(line, 24);
    line += when_label(language, run.started);
    pad_to(line, 46);
    line += report::status_label(language, run.status);
    pad_to(line, 58);
    line += std::to_string(created);
    if (run.report_dir.empty() || !std::filesystem::exists(run.report_dir))
      line += say(language, "cli.runs.no_report");
    std::cout << line << "\n";
  }
  return kDone;
}

}  // namespace

ExitCode exit_code_of(run::Status status) {
  switch (status) {
    case run::Status::done: return kDone;
    case run::Status::held: return kHeld;
    case run::Status::partial: return kPartial;
    case run::Status::failed:
    case run::Status::refused: return kInputError;
  }
  return kInputError;
}

// Commands reading the state report problems instead of aborting.
template <typename Body>
int guarded(const char* command, const Globals& globals, Body body) {
  try {
    return body();
  } catch (const std::exception& error) {
    // Before or without the configuration: --language, else French.
    std::cerr << say(globals.speaks(config::read_report_language(globals.config_path).value_or("")),
                     "cli.command_error",
                     {arg("command", command),
                      text::nested("message", text::verbatim(error.what()))})
              << '\n';
    return kInputError;
  }
}

void register_run_commands(CLI::App& app, Command& command, const Globals& globals) {
  const auto language = globals.speaks();
  const auto help = [&language](const char* id) { return say(language, id); };
  auto flags = std::make_shared<RunFlags>();
  auto* run = app.add_subcommand("run", help("cli.run.help"));
  run->add_flag("--dry-run", flags->dry_run, help("cli.run.dry_run_help"));
  run->add_flag("--confirm", flags->confirm, help("cli.run.confirm_help"));
  run->add_option("--only", flags->only, help("cli.run.only_help"));
  run->add_flag("--recompute", flags->recompute, help("cli.run.recompute_help"));
  run->add_option("--today", flags->today, help("cli.today_help"))->group("");
  run->add_option("--settle-ms", flags->settle_ms, help("cli.settle_help"))->group("");
  run->callback([flags, &command, &globals] {
    command.action = [flags, &globals] { return run_command(globals, *flags); };
  });

  auto* diff = app.add_subcommand("diff", help("cli.diff.help"));
  diff->add_option("--today", flags->today, help("cli.today_help"))->group("");
  diff->add_option("--settle-ms", flags->settle_ms, help("cli.settle_help"))->group("");
  diff->callback([flags, &command, &globals] {
    flags->dry_run = true;
    command.action = [flags, &globals] { return run_command(globals, *flags); };
  });

  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto* report = app.add_subcommand("report", help("cli.report.help"));
  report->add_option("run", *id, help("cli.run_id_help"));
  report->add_option("--format", *format, help("cli.report.format_help"))
      ->check(CLI::IsMember({"text", "json", "html"}));
  report->callback([id, format, &command, &globals] {
    command.action = [id, format, &globals] {
      return guarded("report", globals, [&] { return report_command(globals, *id, *format); });
    };
  });

  auto count = std::make_shared<std::size_t>(20);
  auto* runs = app.add_subcommand("runs", help("cli.runs.help"));
  runs->add_option("count", *count, help("cli.runs.count_help"));
  runs->callback([count, &command, &globals] {
    command.action = [count, &globals] {
      return guarded("runs", globals, [&] { return runs_command(globals, *count); });
    };
  });

  auto sheet_format = std::make_shared<std::string>("html");
  auto* accounts = app.add_subcommand("accounts", help("cli.accounts.help"));
  accounts->add_option("run", *id, help("cli.run_id_help"));
  accounts->add_option("--format", *sheet_format, help("cli.accounts.format_help"))
      ->check(CLI::IsMember({"html", "csv"}));
  accounts->add_option("--today", flags->today, help("cli.today_help"))->group("");
  accounts->callback([id, sheet_format, flags, &command, &globals] {
    command.action = [id, sheet_format, flags, &globals] {
      return guarded("accounts", globals,
                     [&] { return accounts_command(globals, *id, *sheet_format, flags->today); });
    };
  });
}

}  // namespace edusync::cli
