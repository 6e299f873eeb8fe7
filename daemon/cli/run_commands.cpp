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

std::optional<config::Config> load(const std::string& path) {
  auto result = config::load_config(path, connectors::builtin_registry().key_tables());
  for (const auto& problem : result.problems) std::cerr << config::format_problem(problem) << '\n';
  return std::move(result.config);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_private(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 ||
      ::write(fd, content.data(), content.size()) != static_cast<ssize_t>(content.size())) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("impossible d'écrire " + path);
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

// The stage in English; French is the service's own words (service/status_text.hpp).
std::string english_stage(const std::string& stage) {
  static const std::map<std::string, std::string> kStages = {
      {"inbox", "inbox (waiting for the files, reading their headers)"},
      {"reading", "reading the exports"},
      {"planning", "computing the changes and the safety checks"},
      {"applying", "applying to the targets"},
      {"reporting", "writing the report"}};
  const auto found = kStages.find(stage);
  return found == kStages.end() ? stage : found->second;
}

// "[1,2 s] lecture des exports : 151 élèves, 288 responsables, 25 personnels" (English:
// "[1.2 s] reading the exports: 151 pupils, ...").
void print_stage(const std::string& language, const run::StageDone& stage) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", stage.seconds);
  std::string when = seconds;
  const bool en = language == "en";
  if (!en) std::replace(when.begin(), when.end(), '.', ',');
  std::cerr << "[" << when << " s] "
            << (en ? english_stage(stage.stage) : service::stage_text(stage.stage, ""));
  if (!stage.detail.empty()) std::cerr << (en ? ": " : " : ") << stage.detail;
  std::cerr << std::endl;
}

int run_command(const std::string& config_path, const RunFlags& flags) {
  const auto config = load(config_path);
  if (!config) return kUsageError;
  if (!flags.only.empty() && std::none_of(config->connectors.begin(), config->connectors.end(),
                                          [&](const auto& c) { return c.name == flags.only; })) {
    std::cerr << "edusync run : aucun connecteur nommé « " << flags.only << " » dans "
              << config_path << '\n';
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
    options.stage_done = [language = config->report.language](const run::StageDone& stage) {
      print_stage(language, stage);
    };
  }
  const auto outcome = run::run_sync(*config, options);
  if (outcome.status == run::Status::refused) {  // another run holds the state: only the reason
    std::cerr << "edusync " << (flags.dry_run ? "diff" : "run") << " : " << outcome.report.error
              << '\n';
    return exit_code_of(outcome.status);
  }
  std::cout << report::to_text(outcome.report);
  if (!outcome.report_dir.empty())
    std::cout << (config->report.language == "en" ? "\nReports: " : "\nRapports : ")
              << outcome.report_dir << "/report.{txt,json,html}\n";
  return exit_code_of(outcome.status);
}

std::optional<state::RunRecord> find_run(state::StateStore& store, const std::string& id) {
  auto run = id.empty() ? store.last_run() : store.run(id);
  if (!run)
    std::cerr << "edusync : "
              << (id.empty() ? "aucun passage enregistré" : "passage inconnu : " + id) << '\n';
  // A run killed before its end (running, interrupted) or whose report could not be written.
  if (run && run->report_dir.empty()) {
    std::cerr << "edusync : le passage " << run->id << " (" << run->status
              << ") n'a pas écrit de rapport ; « edusync report » sans argument montre le dernier "
                 "passage, un identifiant un autre\n";
    return std::nullopt;
  }
  if (run && !std::filesystem::exists(run->report_dir)) {
    std::cerr << "edusync : le rapport du passage " << run->id << " (" << run->report_dir
              << ") a été supprimé par la rétention des rapports (report.keep_runs, "
                 "report.keep_days)\n";
    return std::nullopt;
  }
  return run;
}

int report_command(const std::string& config_path, const std::string& id,
                   const std::string& format) {
  const auto config = load(config_path);
  if (!config) return kUsageError;
  auto store = state::StateStore::for_reading(config->state_dir.string());
  const auto run = find_run(store, id);
  if (!run) return kInputError;
  const std::string extension = format == "text" ? "txt" : format;
  std::cout << read_text(run->report_dir + "/report." + extension);
  return kDone;
}

int accounts_command(const std::string& config_path, const std::string& id,
                     const std::string& format, const std::string& today) {
  const auto config = load(config_path);
  if (!config) return kUsageError;
  auto store = state::StateStore::for_reading(config->state_dir.string());
  // Without a run: the last one that created accounts, not merely the last one.
  auto chosen = id;
  if (chosen.empty()) {
    const auto with_accounts = state::last_run_with_accounts(store.database());
    if (!with_accounts) {
      std::cerr << "edusync : aucun passage n'a créé de compte ; « edusync runs » liste les "
                   "passages\n";
      return kInputError;
    }
    chosen = *with_accounts;
  }
  const auto run = find_run(store, chosen);
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
  write_private(path, format == "csv" ? report::account_sheets_csv(lines)
                                      : report::account_sheets_html(heading, lines));
  std::cout << lines.size() << " comptes du passage " << run->id << " → " << path
            << " (mode 0600)\n";
  if (passwords.size() < lines.size()) {
    std::cout << lines.size() - passwords.size()
              << " mots de passe initiaux ont expiré (identity.password_retention_days)\n";
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
int runs_command(const std::string& config_path, std::size_t count) {
  const auto config = load(config_path);
  if (!config) return kUsageError;
  auto store = state::StateStore::for_reading(config->state_dir.string());
  const auto runs = store.recent_runs(count);
  const auto& language = config->report.language;
  const bool en = language == "en";
  if (runs.empty()) {
    std::cout << (en ? "No run recorded yet\n" : "Aucun passage enregistré\n");
    return kDone;
  }
  std::cout << (en ? "run                     started               status      accounts\n"
                   : "passage                 début                 état        comptes créés\n");
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
      line += en ? "  (no report: never written or removed by retention)"
                 : "  (pas de rapport : jamais écrit ou supprimé par la rétention)";
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
int guarded(const char* command, Body body) {
  try {
    return body();
  } catch (const std::exception& error) {
    std::cerr << "edusync " << command << " : " << error.what() << '\n';
    return kInputError;
  }
}

void register_run_commands(CLI::App& app, Command& command, const std::string& config_path) {
  auto flags = std::make_shared<RunFlags>();
  auto* run = app.add_subcommand("run", "Synchronise depuis la boîte de dépôt");
  run->add_flag("--dry-run", flags->dry_run,
                "Calcule et affiche le plan sans rien modifier (état compris)");
  run->add_flag("--confirm", flags->confirm,
                "Applique le passage retenu si les exports n'ont pas changé");
  run->add_option("--only", flags->only, "N'applique que ce connecteur");
  run->add_flag("--recompute", flags->recompute,
                "Recalcule tout même si les exports sont ceux du dernier passage appliqué");
  run->add_option("--today", flags->today, "Date du jour AAAA-MM-JJ (tests)")->group("");
  run->add_option("--settle-ms", flags->settle_ms, "Délai de stabilité des fichiers déposés (ms)")
      ->group("");
  run->callback([flags, &command, &config_path] {
    command.action = [flags, &config_path] { return run_command(config_path, *flags); };
  });

  auto* diff = app.add_subcommand("diff", "Comme run --dry-run");
  diff->add_option("--today", flags->today, "Date du jour AAAA-MM-JJ (tests)")->group("");
  diff->add_option("--settle-ms", flags->settle_ms, "Délai de stabilité des fichiers déposés (ms)")
      ->group("");
  diff->callback([flags, &command, &config_path] {
    flags->dry_run = true;
    command.action = [flags, &config_path] { return run_command(config_path, *flags); };
  });

  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto* report =
      app.add_subcommand("report", "Affiche le rapport d'un passage (le dernier par défaut)");
  report->add_option("run", *id, "Identifiant du passage");
  report->add_option("--format", *format, "text, json ou html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  report->callback([id, format, &command, &config_path] {
    command.action = [id, format, &config_path] {
      return guarded("report", [&] { return report_command(config_path, *id, *format); });
    };
  });

  auto count = std::make_shared<std::size_t>(20);
  auto* runs = app.add_subcommand("runs", "Liste les derniers passages (état, comptes créés)");
  runs->add_option("count", *count, "Nombre de passages (20 par défaut)");
  runs->callback([count, &command, &config_path] {
    command.action = [count, &config_path] {
      return guarded("runs", [&] { return runs_command(config_path, *count); });
    };
  });

  auto sheet_format = std::make_shared<std::string>("html");
  auto* accounts = app.add_subcommand(
      "accounts", "Fiches des comptes créés par un passage (le dernier qui en a créé, par défaut)");
  accounts->add_option("run", *id, "Identifiant du passage");
  accounts->add_option("--format", *sheet_format, "html ou csv")
      ->check(CLI::IsMember({"html", "csv"}));
  accounts->add_option("--today", flags->today, "Date du jour AAAA-MM-JJ (tests)")->group("");
  accounts->callback([id, sheet_format, flags, &command, &config_path] {
    command.action = [id, sheet_format, flags, &config_path] {
      return guarded("accounts", [&] {
        return accounts_command(config_path, *id, *sheet_format, flags->today);
      });
    };
  });
}

}  // namespace edusync::cli
