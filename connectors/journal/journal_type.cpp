#include "connectors/journal/journal_type.hpp"

#include "connectors/journal/journal_connector.hpp"

namespace edusync::connectors {

ConnectorType journal_type() {
  return {"journal",
          {
              {"path", config::path_type(), config::kRequired,
               "The JSON-lines audit file, one line per change pushed"},
          },
          {},
          [](const config::ConnectorConfig& settings) {
            return std::make_unique<JournalConnector>(settings);
          }};
}

}  // namespace edusync::connectors
