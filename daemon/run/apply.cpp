#include "run/apply.hpp"

#include <map>
#include <optional>

#include "common/crash_point.hpp"
#include "connectors/error.hpp"
#include "diff/diff.hpp"
#include "state/password_files.hpp"

namespace edusync::run {
namespace {

// Keys of the accounts this plan creates, whose initial passwords the connector may need.
std::vector<std::string> created_keys(const plan::Plan& plan) {
  std::vector<std::string> keys;
  for (const auto& item : plan.items) {
    if (item.op == plan::Op::add &&
        (item.entity == plan::Entity::pupil || item.entity == plan::Entity::staff)) {
      keys.push_back(item.key);
    }
  }
  return keys;
}

// The connector's answer in the report's terms.
void describe(const connectors::ApplyResult& result, report::ConnectorOutcome& outcome) {
  outcome.applied = result.applied;
  outcome.failed = result.failures.size();
  outcome.error = result.error;
  for (const auto& failure : result.failures) outcome.failures.push_back(failure.message);
  outcome.warnings = result.warnings;
}

class Applier {
 public:
  Applier(state::StateStore& store, const config::Diff& diff, const ApplyRequest& request)
      : store_(store), diff_(diff), request_(request) {}

  report::ConnectorOutcome apply(Target& target);
  report::ConnectorPreview preview(const Target& target);

 private:
  // The plan a target gets and the state it starts from. `plan()` is the run's plan or the
  // target's own, computed here (no pointer into `own`: the struct may be moved).
  struct TargetPlan {
    const model::Directory& before;
    const plan::Plan* run_plan;     // the run's plan, when it fits the target
    std::optional<plan::Plan> own;  // otherwise
    const plan::Plan& plan() const { return own ? *own : *run_plan; }
  };
  TargetPlan plan_for(std::optional<std::int64_t> acknowledged);
  void preview_files(connectors::Connector& connector, const TargetPlan& target_plan,
                     report::ConnectorPreview& preview);

  connectors::ApplyResult apply_changes(connectors::Connector& target,
                                        std::optional<std::int64_t> acknowledged);
  connectors::ApplyResult reconcile(connectors::Connector& target);
  void record_password_files(const connectors::ApplyResult& result,
                             const std::map<std::string, std::string>& passwords);

  const model::Directory& snapshot(std::int64_t id) {
    auto [found, inserted] = snapshots_.try_emplace(id);
    if (inserted) found->second = store_.load_snapshot(id);
    return found->second;
  }

  state::StateStore& store_;
  const config::Diff& diff_;
  const ApplyRequest& request_;
  std::map<std::int64_t, model::Directory> snapshots_;
  const model::Directory empty_;
  const plan::Plan nothing_;
  const std::map<std::string, std::string> no_passwords_;
};

// The plan from the snapshot the target acknowledged (none: from nothing) to the desired state:
// the run's own plan when the target acknowledged the snapshot it was computed from.
Applier::TargetPlan Applier::plan_for(std::optional<std::int64_t> acknowledged) {
  const bool planned = request_.plan != nullptr && request_.planned_from != nullptr &&
                       acknowledged && *acknowledged == request_.planned_from_id;
  TargetPlan target_plan{planned        ? *request_.planned_from
                         : acknowledged ? snapshot(*acknowledged)
                                        : empty_,
                         request_.plan,
                         {}};
  if (!planned) {
    target_plan.own =
        diff::diff(target_plan.before, request_.desired, diff::Rules{diff_.rename_similarity});
  }
  return target_plan;
}

report::ConnectorPreview Applier::preview(const Target& target) {
  report::ConnectorPreview preview{
      target.config.name, target.config.type, false, false, {}, {}, {}};
  if (!target.connector) {  // nothing would be sent: zero counts, and why
    preview.changes = plan::count_changes(plan::Plan{});
    preview.error = target.error;
    return preview;
  }
  const auto capabilities = target.connector->capabilities();
  preview.live_target = capabilities.live_target;
  preview.disables_accounts = capabilities.can_disable_accounts;
  const auto target_plan = plan_for(store_.acknowledged(target.config.name));
  preview.changes = plan::count_changes(target_plan.plan());
  if (!capabilities.live_target) preview_files(*target.connector, target_plan, preview);
  return preview;
}

// A file target's files, built as apply would build them (without initial passwords: a preview
// holds none) and counted, never written.
void Applier::preview_files(connectors::Connector& connector, const TargetPlan& target_plan,
                            report::ConnectorPreview& preview) {
  const std::map<std::string, std::string> no_passwords;
  connectors::ApplyContext context{target_plan.plan(), target_plan.before, request_.desired,
                                   no_passwords,       request_.run_id,    request_.today};
  try {
    for (auto& file : connector.preview_files(context))
      preview.files.push_back({std::move(file.name), file.rows, file.bytes});
  } catch (const std::exception& error) {
    preview.error = connectors::message_of(error);
  }
}

connectors::ApplyResult Applier::apply_changes(connectors::Connector& target,
                                               std::optional<std::int64_t> acknowledged) {
  const auto target_plan = plan_for(acknowledged);
  const model::Directory& before = target_plan.before;
  const plan::Plan& plan = target_plan.plan();
  const auto passwords = store_.passwords(created_keys(plan), request_.today);
  connectors::ApplyContext context{plan,      before,          request_.desired,
                                   passwords, request_.run_id, request_.today};
  context.stop = request_.stop;
  context.progress = request_.connector_items;
  auto result = target.apply(context);
  record_password_files(result, passwords);
  return result;
}

// Files that hold the passwords handed to the target expire with the earliest of them.
void Applier::record_password_files(const connectors::ApplyResult& result,
                                    const std::map<std::string, std::string>& passwords) {
  if (result.password_files.empty()) return;
  std::vector<std::string> keys;
  keys.reserve(passwords.size());
  for (const auto& [key, password] : passwords) keys.push_back(key);
  std::string expires = state::earliest_password_expiry(store_.database(), keys);
  if (expires.empty()) expires = request_.today;
  std::vector<state::PasswordFileRecord> records;
  for (const auto& f : result.password_files)
    records.push_back({f.path, request_.run_id, expires, "csv", f.separator, f.column});
  state::record_password_files(store_.database(), records);
}

// A reconcile-only pass: the target already holds the desired state as far as edusync knows, so
// it gets an empty plan with before = after = that state; whatever it finds different in itself
// is hand-made drift, which it repairs and reports (warnings). Nothing drifted: nothing written.
// No initial password is given (no account is created by the plan).
connectors::ApplyResult Applier::reconcile(connectors::Connector& target) {
  connectors::ApplyContext context{nothing_,      request_.desired, request_.desired,
                                   no_passwords_, request_.run_id,  request_.today};
  context.stop = request_.stop;
  context.progress = request_.connector_items;
  return target.apply(context);
}

// Status "ok" also for a reconcile-only pass: `applied` then counts the repairs (0 when nothing
// drifted) and the drift is in the warnings. A failed pass leaves the acknowledgement as it was.
report::ConnectorOutcome Applier::apply(Target& target) {
  const auto& connector = target.config;
  report::ConnectorOutcome outcome{connector.name, connector.type, "ok", 0, 0, {}, {}, {}};
  if (request_.only && *request_.only != connector.name) {
    outcome.status = "skipped";
    return outcome;
  }
  const auto acknowledged = store_.acknowledged(connector.name);
  const bool holds = acknowledged == request_.snapshot_id;
  if (holds && target.connector && !target.reconciles()) return outcome;  // holds this state
  if (!target.connector) {
    outcome.status = "failed";
    outcome.error = target.error;
    return outcome;
  }
  try {
    auto& made = *target.connector;
    const auto result = holds ? reconcile(made) : apply_changes(made, acknowledged);
    crash_point("after-connector-apply");
    describe(result, outcome);
    if (!result.complete()) {
      outcome.status = "failed";
      return outcome;
    }
    state::Transaction transaction(store_.database());
    store_.acknowledge(connector.name, request_.snapshot_id, request_.today);
    transaction.commit();
    crash_point("after-acknowledge");
  } catch (const std::exception& error) {
    outcome.status = "failed";
    // A connector's error in the reader's language; another part's what() as it is.
    outcome.error = connectors::message_of(error);
  }
  return outcome;
}

}  // namespace

std::vector<report::ConnectorOutcome> apply_connectors(state::StateStore& store, Targets& targets,
                                                       const config::Diff& diff,
                                                       const ApplyRequest& request) {
  Applier applier(store, diff, request);
  std::vector<report::ConnectorOutcome> outcomes;
  const auto total = targets.all().size();
  for (auto& target : targets.all()) {
    if (request.progress) request.progress(outcomes.size(), total, target.config.name);
    outcomes.push_back(applier.apply(target));
  }
  if (request.progress) request.progress(total, total, {});
  return outcomes;
}

std::vector<report::ConnectorPreview> preview_connectors(state::StateStore& store,
                                                         const Targets& targets,
                                                         const config::Diff& diff,
                                                         const ApplyRequest& request) {
  Applier applier(store, diff, request);
  std::vector<report::ConnectorPreview> previews;
  for (const auto& target : targets.all()) {
    if (request.only && *request.only != target.config.name) continue;
    previews.push_back(applier.preview(target));
  }
  return previews;
}

}  // namespace edusync::run
