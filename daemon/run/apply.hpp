#pragma once
// The apply step: each configured connector gets the plan from the snapshot it last
// acknowledged to the new desired state, applies it, and is acknowledged only if every item
// went through. One connector failing does not stop the others.
// A connector that already acknowledged the new desired state is not called, unless its
// capabilities say it `reconciles` (the SambaEdu directory): it is then called on every run
// with an empty plan and before = after = the desired state, reads the target and repairs what
// was changed by hand there (its LDAP_DRIFT warnings go under the connector in the report). So a
// nightly run without a new export still repairs the directory, and writes nothing when
// nothing drifted.
#include <cstddef>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "model/directory.hpp"
#include "report/run_report.hpp"
#include "run/targets.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

struct ApplyRequest {
  const model::Directory& desired;
  std::int64_t snapshot_id;
  std::string run_id;
  std::string today;
  std::optional<std::string> only;  // --only NAME
  // The run's own plan and the snapshot it was computed from: a connector that acknowledged
  // that snapshot (the usual case) gets this plan as it is, without decoding the snapshot again
  // or diffing again. Both null on a first run.
  const model::Directory* planned_from = nullptr;
  std::int64_t planned_from_id = 0;
  const plan::Plan* plan = nullptr;
  std::stop_token stop{};  // handed to every connector (connectors/connector.hpp, ApplyContext)
  // Called before each connector (done connectors of total, the next one's name) and once at the
  // end (done == total, no name). Default: nobody listens.
  std::function<void(std::size_t done, std::size_t total, const std::string& name)> progress{};
  // Handed to each connector as ApplyContext::progress: its own work done out of total.
  std::function<void(std::size_t done, std::size_t total)> connector_items{};
};

// One outcome per target, in order, each applied through its own connector (run/targets.hpp);
// `diff` is how a connector's own plan is computed when it did not acknowledge the snapshot the
// run planned from.
std::vector<report::ConnectorOutcome> apply_connectors(state::StateStore& store, Targets& targets,
                                                       const config::Diff& diff,
                                                       const ApplyRequest& request);

// What each target (but those left out by --only) would be sent, for a dry run or a held run:
// the plan apply would give it, counted; no target is called and nothing is written (the
// desired state is not stored: `request.snapshot_id` is unused).
std::vector<report::ConnectorPreview> preview_connectors(state::StateStore& store,
                                                         const Targets& targets,
                                                         const config::Diff& diff,
                                                         const ApplyRequest& request);

}  // namespace edusync::run
