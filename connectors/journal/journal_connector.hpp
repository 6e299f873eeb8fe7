#pragma once
#include "connectors/connector.hpp"

namespace edusync::connectors {

// `type: journal`, key `path`: appends every applied plan to a JSON-lines file, one line per
// item ({"run", "date", "connector", "item": {...}}), for audit. Nothing is written for an
// empty plan. Passwords are never written. The file is flushed and fsynced before the
// connector reports success, so an acknowledged plan is on disk.
// Rotation (keys rotate_bytes, keep): before a run appends, a file of rotate_bytes or more is
// renamed path.1 (path.1 to path.2, and so on; path.<keep> is removed), so a file outgrows
// rotate_bytes by one run's plan at most. Renames only: a crash between two leaves every line
// in some file.
class JournalConnector final : public Connector {
 public:
  explicit JournalConnector(config::ConnectorConfig settings) : settings_(std::move(settings)) {}
  const config::ConnectorConfig& settings() const override { return settings_; }
  Capabilities capabilities() const override { return {}; }
  ApplyResult apply(const ApplyContext& context) override;

 private:
  config::ConnectorConfig settings_;
};

}  // namespace edusync::connectors
