#include "run/runner.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "assemble/assemble.hpp"
#include "common/crash_point.hpp"
#include "common/dates.hpp"
#include "common/errors.hpp"
#include "common/log.hpp"
#include "common/memory_trace.hpp"
#include "common/sha256.hpp"
#include "diff/diff.hpp"
#include "inspect/inspection.hpp"
#include "report/labels.hpp"
#include "run/accounts.hpp"
#include "run/adoption.hpp"
#include "run/apply.hpp"
#include "run/gates.hpp"
#include "run/inbox.hpp"
#include "run/make_report.hpp"
#include "run/orphans.hpp"
#include "run/password_expiry.hpp"
#include "run/person_changes.hpp"
#include "run/retention.hpp"
#include "run/run_lock.hpp"
#include "run/school_parts.hpp"
#include "run/unchanged.hpp"
#include "sources/parsers/export_parser.hpp"
#include "state/state_store.hpp"

namespace edusync::run {
namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string new_run_id() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  std::random_device random;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", random() & 0xFFFFu);
  return std::string(stamp) + "-" + suffix;
}

AccountSettings account_settings(const config::Config& config) {
  AccountSettings settings;
  settings.login_policy = identity::parse_login_policy(config.identity.login_policy)
                              .value_or(identity::kDefaultLoginPolicy);
  settings.password_policy = identity::parse_password_policy(config.identity.password_policy)
                                 .value_or(identity::kDefaultPasswordPolicy);
  settings.uid_first = config.identity.uid_range.first;
  settings.uid_last = config.identity.uid_range.last;
  settings.grace_days = config.safety.grace_days;
  settings.login_reuse_days = config.safety.login_reuse_days;
  return settings;
}

sources::ParseOptions parse_options(const config::Config& config) {
  return {.edt_key_file = config.timetable.partner_key_file.string()};
}

assemble::Options assemble_options(const config::Config& config, const std::string& today) {
  assemble::Options options{config.uais, today};
  if (config.timetable.memberships == "siecle") {
    options.timetable_memberships = assemble::TimetableMemberships::siecle;
  } else if (config.timetable.memberships == "union") {
    options.timetable_memberships = assemble::TimetableMemberships::both;
  }
  options.timetable_stale_after_days = config.timetable.stale_after_days;
  return options;
}

class Runner {
 public:
  Runner(const config::Config& config, const RunOptions& options)
      : config_(config),
        options_(options),
        today_(options.today.empty() ? today_local() : options.today),
        targets_(options.targets != nullptr ? *options.targets : own_targets()) {
    result_.id = new_run_id();
    result_.started = utc_now();
    result_.dry_run = options.dry_run;
    result_.uais = config.uais;
  }

  RunOutcome run();

 private:
  InboxSelection scan();
  bool take_unchanged_shortcut(state::StateStore& store, const InboxSelection& selection);
  void reconcile_unchanged(state::StateStore& store);
  void read_inputs(const InboxSelection& selection, state::StateStore& store, bool save);
  void plan_changes(state::StateStore& store);
  bool held_by_gates(state::StateStore& store);
  std::int64_t commit_desired_state(state::StateStore& store);
  void describe_accounts();
  void preview_targets(state::StateStore& store);
  void prune_old_reports(state::StateStore& store, const std::string& run_id);
  Status status_from_connectors() const;
  void note_interrupted_runs(state::StateStore& store);
  RunOutcome finish(state::StateStore* store);
  void write_reports(state::StateStore& store, state::RunRecord run,
                     const std::vector<state::RunInput>& inputs, RunOutcome& outcome);

  void tell(const std::string& stage) {
    stage_ = stage;
    stage_started_ = std::chrono::steady_clock::now();
    if (options_.progress) options_.progress({result_.id, stage, 0, 0, {}});
  }
  // The end of the stage last told, with what it found or did.
  void done(const std::string& detail) const {
    if (!options_.stage_done) return;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - stage_started_;
    options_.stage_done({stage_, detail, took.count()});
  }
  std::string inbox_detail(const InboxSelection& selection) const;
  std::string reading_detail() const;
  std::string planning_detail() const;
  std::string applying_detail() const;
  // The applying stage's progress: which connector of how many, then how far that one is.
  void listen_to_connectors(ApplyRequest& request) {
    if (!options_.progress) return;
    request.progress = [this](std::size_t done, std::size_t total, const std::string& name) {
      applying_ = {result_.id, "applying", done, total, name, 0, 0};
      options_.progress(applying_);
    };
    request.connector_items = [this](std::size_t done, std::size_t total) {
      applying_.items_done = done;
      applying_.items_total = total;
      options_.progress(applying_);
    };
  }

  // The targets of this run only, made from the built-in types, when the caller brought none.
  Targets& own_targets() {
    own_targets_.emplace(config_.connectors, connectors::builtin_registry());
    return *own_targets_;
  }

  const config::Config& config_;
  const RunOptions& options_;
  std::string today_;
  std::optional<Targets> own_targets_;
  Targets& targets_;
  RunResult result_;   // what the run did so far; the report is built from it by finish()
  Progress applying_;  // the applying stage as last told (listen_to_connectors)
  std::string stage_;  // the stage last told, and when it began (done())
  std::chrono::steady_clock::time_point stage_started_ = std::chrono::steady_clock::now();
  std::vector<sources::ParsedExport> sources_;
  assemble::Result assembled_;
  std::optional<model::Directory> previous_;
  std::int64_t previous_id_ = 0;  // its snapshot id
  AccountOutcome accounts_;
  std::string digest_;
  std::int64_t unchanged_snapshot_ = 0;      // the snapshot still in force after the short cut
  std::vector<OrphanAccount> orphans_;       // ORPHAN_ACCOUNTS; leavers of the desired state
  std::vector<model::Warning> interrupted_;  // RUN_INTERRUPTED, added to the report at the end
};

std::string Runner::inbox_detail(const InboxSelection& selection) const {
  return text::render(
      text::message(selection.ignored.empty() ? "run.stage.inbox" : "run.stage.inbox_ignored",
                    {text::count("chosen", selection.chosen.size()),
                     text::count("ignored", selection.ignored.size())}),
      config_.report.language);
}

std::string Runner::reading_detail() const {
  auto total = [&](const char* key) -> std::uint64_t {
    return result_.totals.contains(key) ? result_.totals[key].get<std::uint64_t>() : 0;
  };
  return text::render(
      text::message(
          "run.stage.reading",
          {text::count("pupils", total("pupils")), text::count("guardians", total("guardians")),
           text::count("staff", total("staff")), text::count("warnings", result_.warnings.size())}),
      config_.report.language);
}

std::string Runner::planning_detail() const {
  return text::render(
      text::message(result_.gates.empty() ? "run.stage.planning" : "run.stage.planning_held",
                    {text::count("changes", result_.plan.items.size())}),
      config_.report.language);
}

std::string Runner::applying_detail() const {
  std::string detail;
  for (const auto& c : result_.connectors) {
    detail += (detail.empty() ? "" : " ; ") + c.name + " " +
              report::status_label(config_.report.language, c.status) + ", " +
              report::applied_words(config_.report.language, c.applied, c.failed);
  }
  return detail;
}

InboxSelection Runner::scan() {
  trace_memory("start");
  auto selection = scan_inbox(config_.inbox.string(), options_.settle_time, options_.stop,
                              options_.settled_inbox.get());
  result_.ignored_inputs = std::move(selection.ignored);
  if (selection.stopped) {
    throw InputError({config_.inbox.string()}, text::message("run.stopped_waiting"));
  }
  if (selection.chosen.empty()) {
    throw InputError({config_.inbox.string()}, text::message("run.empty_inbox"));
  }
  return selection;
}

// Inputs already applied and nothing due: the run records itself, points to the applied run,
// and changes nothing else (expired initial passwords are still erased: their retention is a
// promise made to the families, not a consequence of the inputs).
bool Runner::take_unchanged_shortcut(state::StateStore& store, const InboxSelection& selection) {
  if (options_.recompute || options_.confirm) return false;
  std::vector<std::string> names;
  for (const auto& connector : config_.connectors) {
    if (!options_.only || *options_.only == connector.name) names.push_back(connector.name);
  }
  auto unchanged = find_unchanged(store, selection, names, config_.safety.grace_days, today_);
  trace_memory("inputs hashed");
  if (!unchanged) return false;
  result_.unchanged_since = unchanged->since.id;
  result_.unchanged_report = unchanged->since.report_dir;
  unchanged_snapshot_ = unchanged->since.snapshot_id;
  result_.school_year = unchanged->sources.front().header.school_year;
  digest_ = unchanged->since.inputs_digest;
  result_.sources = std::move(unchanged->sources);
  for (const auto& connector : config_.connectors) {
    if (options_.only && *options_.only != connector.name) continue;
    report::ConnectorOutcome up_to_date;
    up_to_date.name = connector.name;
    up_to_date.type = connector.type;
    up_to_date.status = "ok";
    result_.connectors.push_back(std::move(up_to_date));
  }
  result_.status = Status::done;
  return true;
}

// The short cut skips parsing and diffing, not the targets that repair hand-made drift: the
// reconciling connectors (connectors/connector.hpp) are called with the snapshot still in force,
// loaded from the store (apply_connectors gives them an empty plan over it), so that a nightly
// run without a new export still repairs the SambaEdu directory, and reports what it repaired.
// Without a reconciling connector nothing is loaded or called, as before. Connectors left out
// by --only stay out of the report, as in the rest of the short cut.
void Runner::reconcile_unchanged(state::StateStore& store) {
  const bool any =
      std::any_of(targets_.all().begin(), targets_.all().end(), [&](const Target& target) {
        return (!options_.only || *options_.only == target.config.name) && target.reconciles();
      });
  if (!any) return;
  const auto desired = store.load_snapshot(unchanged_snapshot_);
  trace_memory("snapshot in force loaded");
  ApplyRequest request{desired, unchanged_snapshot_, result_.id, today_, options_.only};
  request.stop = options_.stop;
  listen_to_connectors(request);
  result_.connectors = apply_connectors(store, targets_, config_.diff, request);
  trace_memory("connectors applied");
  std::erase_if(result_.connectors,
                [&](const auto& c) { return options_.only && *options_.only != c.name; });
}

// School by school (run/school_parts.hpp): the schools whose exports did not change since their
// part was stored are not parsed again (unless --recompute); a dry run stores nothing.
void Runner::read_inputs(const InboxSelection& selection, state::StateStore& store, bool save) {
  ReadOptions read{assemble_options(config_, today_), parse_options(config_), !options_.recompute,
                   save};
  auto inputs = read_by_school(selection, &store, read);
  sources_ = std::move(inputs.sources);
  assembled_ = std::move(inputs.assembled);
  result_.schools_reread = std::move(inputs.reread);
  result_.schools_reused = std::move(inputs.reused);
  return_free_memory();
  result_.school_year = assembled_.directory.school_year;
  result_.totals = inspect::totals_json(assembled_.directory);
  result_.warnings = std::move(assembled_.warnings);
  trace_memory("assembled");
  digest_ = inputs_digest(sources_);
}

void Runner::plan_changes(state::StateStore& store) {
  if (const auto id = store.latest_snapshot_id()) {
    previous_ = store.load_snapshot(*id);
    previous_id_ = *id;
  }
  trace_memory("previous snapshot loaded");
  auto identities = store.load_identities();
  trace_memory("identities loaded");
  auto adoption = adopt_existing_accounts(targets_, store, assembled_.directory, identities, today_,
                                          result_.warnings);
  identities.insert(identities.end(), adoption.adopted.begin(), adoption.adopted.end());
  accounts_ = build_desired_state(std::move(assembled_.directory),
                                  previous_ ? &*previous_ : nullptr, std::move(identities),
                                  account_settings(config_), today_, adoption.reserved);
  // Adopted identities are stored with the snapshot.
  accounts_.changed.insert(accounts_.changed.begin(), adoption.adopted.begin(),
                           adoption.adopted.end());
  orphans_ = std::move(adoption.orphans);
  depart_orphans(orphans_, config_.uais.empty() ? std::string() : config_.uais.front(), today_,
                 accounts_);
  trace_memory("desired state built");
  for (auto& warning : accounts_.warnings) result_.warnings.push_back(std::move(warning));
  result_.plan = diff::diff(previous_ ? *previous_ : model::Directory{}, accounts_.desired,
                            diff::Rules{config_.diff.rename_similarity});
  trace_memory("diffed");
  result_.person_changes = name_person_changes(result_.plan, previous_ ? &*previous_ : nullptr,
                                               accounts_.desired, config_.safety.grace_days);
  describe_accounts();
}

// Gates hold the run unless it is the confirmation of a held run on the same inputs.
bool Runner::held_by_gates(state::StateStore& store) {
  const auto marks = store.export_marks();
  const auto applied = store.last_applied_run();
  const auto applied_inputs =
      applied ? state::run_inputs(store.database(), applied->id) : std::vector<state::RunInput>{};
  GateInputs inputs;
  inputs.previous = previous_ ? &*previous_ : nullptr;
  inputs.plan = &result_.plan;
  inputs.sources = &sources_;
  inputs.marks = &marks;
  inputs.max_departure_ratio = config_.safety.max_departure_ratio;
  inputs.orphans = &orphans_;
  inputs.last_applied_inputs = &applied_inputs;
  inputs.last_applied_run = applied ? applied->id : "";
  inputs.schools = &config_.uais;
  result_.gates = check_gates(inputs);
  if (result_.gates.empty()) return false;
  if (options_.confirm) {
    const auto held = store.last_held_run();
    if (held && held->inputs_digest == digest_) {
      result_.confirmed = true;
      return false;
    }
    result_.gates.push_back(
        {"CONFIRM_INPUTS_CHANGED", text::message("run.confirm_inputs_changed")});
  }
  return true;
}

std::int64_t Runner::commit_desired_state(state::StateStore& store) {
  state::Transaction transaction(store.database());
  store.save_identities(accounts_.changed);
  const auto expires = add_days(today_, config_.identity.password_retention_days);
  store.save_passwords(accounts_.new_passwords, today_, expires);
  if (!accounts_.new_passwords.empty()) {
    const auto sheets = (config_.state_dir / "reports" / result_.id).string();
    state::record_password_files(store.database(),
                                 account_sheet_files(sheets, result_.id, expires));
  }
  const auto snapshot = store.store_snapshot(accounts_.desired, today_);
  auto marks = store.export_marks();
  bool marks_changed = false;
  for (const auto& s : sources_) {
    state::ExportMark mark{s.header.export_date, s.records};
    auto& slot = marks[{std::string(sources::to_string(s.kind)), s.header.uai}];
    if (slot.export_date != mark.export_date || slot.records != mark.records) {
      slot = mark;
      marks_changed = true;
    }
  }
  if (marks_changed) store.save_export_marks(marks);
  store.save_run({result_.id, result_.started, "", "running", false, digest_, "", snapshot});
  // The accounts whose initial passwords were just saved, for the account sheets.
  state::save_created_accounts(store.database(), result_.id, result_.new_accounts);
  transaction.commit();
  crash_point("after-state-commit");
  return snapshot;
}

// A dry run or a held run applies nothing: the report says what each target would be sent.
void Runner::preview_targets(state::StateStore& store) {
  ApplyRequest request{accounts_.desired, 0, result_.id, today_, options_.only};
  request.planned_from = previous_ ? &*previous_ : nullptr;
  request.planned_from_id = previous_id_;
  request.plan = &result_.plan;
  result_.previews = preview_connectors(store, targets_, config_.diff, request);
}

void Runner::describe_accounts() {
  std::map<std::string, std::string> division;
  for (const auto& m : accounts_.desired.memberships) {
    if (m.structure_kind == model::StructureKind::division)
      division.emplace(m.pupil_key, m.structure_code);
  }
  std::set<std::string> created;
  for (const auto& [key, password] : accounts_.new_passwords) created.insert(key);
  for (const auto& p : accounts_.desired.pupils) {
    if (created.contains(p.key))
      result_.new_accounts.push_back(
          {p.key, "pupil", p.account.login, p.surname, p.given_name, division[p.key]});
    if (!p.departed_on.empty()) {
      result_.leavers.push_back({p.key, "pupil", p.surname + " " + p.given_name, p.account.login,
                                 p.departed_on,
                                 add_days(p.departed_on, config_.safety.grace_days)});
    }
  }
  for (const auto& s : accounts_.desired.staff) {
    if (created.contains(s.key))
      result_.new_accounts.push_back(
          {s.key, "staff", s.account.login, s.surname, s.given_name, ""});
    if (!s.departed_on.empty()) {
      result_.leavers.push_back({s.key, "staff", s.surname + " " + s.given_name, s.account.login,
                                 s.departed_on,
                                 add_days(s.departed_on, config_.safety.grace_days)});
    }
  }
}

// After the connectors: partial if one failed, else done (warnings, such as repaired drift, do
// not change it).
Status Runner::status_from_connectors() const {
  const bool all_ok = std::all_of(result_.connectors.begin(), result_.connectors.end(),
                                  [](const auto& c) { return c.status != "failed"; });
  return all_ok ? Status::done : Status::partial;
}

// A run record left `running` can only be a dead process's: this run holds the lock.
void Runner::note_interrupted_runs(state::StateStore& store) {
  for (const auto& run : store.mark_interrupted_runs(utc_now())) {
    interrupted_.push_back({"RUN_INTERRUPTED",
                            text::message("run.interrupted", {text::arg("run", run.id),
                                                              text::arg("started", run.started)}),
                            {},
                            {}});
  }
}

// The report files, then the run record (`run`: its times, digest, and the snapshot of an
// unchanged run) with its inputs. Never throws: a report that cannot be written (full disk,
// unwritable directory) makes the run failed, recorded as such when the state can still be
// written, and said on stderr when even that fails; what the connectors did is still in the
// text printed by the command.
void Runner::write_reports(state::StateStore& store, state::RunRecord run,
                           const std::vector<state::RunInput>& inputs, RunOutcome& outcome) {
  auto& report = outcome.report;
  const auto fail = [&](const std::string& error) {
    outcome.status = Status::failed;
    report.status = status_word(Status::failed);
    report.error = error;
  };
  const auto dir = (config_.state_dir / "reports" / run.id).string();
  try {
    outcome.report_dir = report::write_report_files(report, dir);
  } catch (const std::exception& error) {
    const bool applied = !report.connectors.empty();
    std::string text = report.error.empty() ? "" : report.error + "\n";
    text += text::render(
        text::message(applied ? "run.report_unwritten_applied" : "run.report_unwritten",
                      {text::arg("dir", dir), text::arg("error", error.what())}),
        config_.report.language);
    fail(text);
    outcome.report_dir.clear();
  }
  try {
    if (outcome.status == Status::held || outcome.status == Status::failed) {
      run.snapshot_id = 0;
    } else if (run.snapshot_id == 0) {  // the one its commit_desired_state recorded, if any
      const auto committed = store.run(run.id);
      run.snapshot_id = committed ? committed->snapshot_id : 0;
    }
    run.status = status_word(outcome.status);
    run.report_dir = outcome.report_dir;
    state::Transaction transaction(store.database());
    store.save_run(run);
    state::save_run_inputs(store.database(), run.id, inputs);
    transaction.commit();
  } catch (const std::exception& error) {
    log::event(log::Level::error, "run", "RUN_NOT_RECORDED",
               text::message("run.log.not_recorded",
                             {text::arg("run", run.id), text::arg("error", error.what())}),
               {{"run", run.id}, {"error", error.what()}});
    if (outcome.status != Status::failed)
      fail(text::render(text::message("run.state_unwritten", {text::arg("error", error.what())}),
                        config_.report.language));
  }
}

// The end of every run: the report is built from the result, then written with the run record
// (not for a dry run, nor for a run that never opened the store).
// Report directories past report.keep_runs and report.keep_days (run/retention.hpp). A directory
// that cannot be removed is said in the log and tried again by the next run.
void Runner::prune_old_reports(state::StateStore& store, const std::string& run_id) {
  try {
    const auto pruned = prune_reports(store.database(), config_.state_dir / "reports",
                                      config_.report, today_, run_id);
    for (const auto& failure : pruned.failures) {
      log::event(log::Level::warn, "run", "REPORT_NOT_PRUNED",
                 text::message("run.log.report_not_pruned", {text::arg("error", failure)}),
                 {{"error", failure}});
    }
  } catch (const std::exception& error) {
    log::event(log::Level::warn, "run", "REPORT_NOT_PRUNED",
               text::message("run.log.retention_failed", {text::arg("error", error.what())}),
               {{"error", error.what()}});
  }
}

RunOutcome Runner::finish(state::StateStore* store) {
  result_.finished = utc_now();
  result_.warnings.insert(result_.warnings.begin(), interrupted_.begin(), interrupted_.end());
  interrupted_.clear();
  // What the state records, taken from the result before it becomes the report.
  state::RunRecord run{result_.id, result_.started, result_.finished, "", false, digest_, "", 0};
  if (!result_.unchanged_since.empty()) run.snapshot_id = unchanged_snapshot_;
  const auto inputs = recorded_inputs(result_.sources);
  RunOutcome outcome;
  outcome.status = result_.status;
  const bool writes = store != nullptr && !options_.dry_run;
  if (writes) tell("reporting");  // before the result, and its run id, move into the report
  outcome.report = make_report(std::move(result_), config_.report.language);
  if (writes) {
    write_reports(*store, std::move(run), inputs, outcome);
    prune_old_reports(*store, outcome.report.id);
    done(outcome.report_dir);
  }
  return outcome;
}

RunOutcome Runner::run() {
  std::optional<RunLock> lock;  // declared first: released after the store is closed
  std::optional<state::StateStore> store;
  try {
    if (!options_.dry_run && !options_.from_service) ServiceLock::refuse_if_held(config_.state_dir);
    lock.emplace(options_.dry_run
                     ? RunLock::shared(config_.state_dir)
                     : RunLock::exclusive(config_.state_dir, result_.id, result_.started));
    tell("inbox");
    if (!options_.dry_run) {
      store.emplace(config_.state_dir.string());
      note_interrupted_runs(*store);
    }
    const auto selection = scan();
    done(inbox_detail(selection));
    if (options_.dry_run) {
      auto peek = state::StateStore::for_reading(config_.state_dir.string());
      if (take_unchanged_shortcut(peek, selection)) return finish(nullptr);
      tell("reading");
      read_inputs(selection, peek, false);
      done(reading_detail());
      tell("planning");
      plan_changes(peek);
      crash_point("after-plan");
      result_.status = held_by_gates(peek) ? Status::held : Status::done;
      done(planning_detail());
      preview_targets(peek);
      result_.sources = std::move(sources_);
      return finish(nullptr);
    }
    if (take_unchanged_shortcut(*store, selection)) {
      reconcile_unchanged(*store);
      result_.status = status_from_connectors();
      result_.expired_passwords =
          expire_initial_passwords(*store, today_, sheet_heading(config_, "", ""));
      return finish(&*store);
    }
    tell("reading");
    read_inputs(selection, *store, true);
    done(reading_detail());
    tell("planning");
    plan_changes(*store);
    crash_point("after-plan");
    const bool held = held_by_gates(*store);
    done(planning_detail());
    if (held) {
      result_.status = Status::held;
      preview_targets(*store);
      result_.sources = std::move(sources_);
      result_.expired_passwords = expire_initial_passwords(
          *store, today_, sheet_heading(config_, "", ""));  // a held run too
      return finish(&*store);
    }
    const auto snapshot = commit_desired_state(*store);
    trace_memory("state committed");
    result_.sources = std::move(sources_);
    ApplyRequest request{accounts_.desired, snapshot,
                         result_.id,        today_,
                         options_.only,     previous_ ? &*previous_ : nullptr,
                         previous_id_,      &result_.plan};
    request.stop = options_.stop;
    listen_to_connectors(request);
    tell("applying");
    result_.connectors = apply_connectors(*store, targets_, config_.diff, request);
    trace_memory("connectors applied");
    done(applying_detail());
    result_.status = status_from_connectors();
    store->prune_snapshots();
    result_.expired_passwords =
        expire_initial_passwords(*store, today_, sheet_heading(config_, "", ""));
    auto outcome = finish(&*store);
    trace_memory("reports written");
    return outcome;
  } catch (const RunLockBusy& busy) {
    result_.status = Status::refused;
    result_.error = text::render(busy.message(), config_.report.language);
    return finish(nullptr);
  } catch (const Failure& error) {  // the state base, a lock: said in the report's language
    result_.status = Status::failed;
    result_.error = text::render(error.message(), config_.report.language);
    result_.sources = std::move(sources_);
    return finish(store ? &*store : nullptr);
  } catch (const InputError& error) {  // an export that cannot be read, said in the language
    result_.status = Status::failed;
    result_.error = format_location(error.where()) + error.reason(config_.report.language);
    result_.sources = std::move(sources_);
    return finish(store ? &*store : nullptr);
  } catch (const std::exception& error) {
    result_.status = Status::failed;
    result_.error = error.what();
    result_.sources = std::move(sources_);
    return finish(store ? &*store : nullptr);
  }
}

}  // namespace

RunOutcome run_sync(const config::Config& config, const RunOptions& options) {
  return Runner(config, options).run();
}

}  // namespace edusync::run
