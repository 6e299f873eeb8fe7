#include "connectors/journal/journal_type.hpp"

#include "connectors/journal/journal_connector.hpp"

namespace edusync::connectors {

ConnectorType journal_type() {
  return {"journal",
          {
              {"path", config::path_type(), config::kRequired,
               "The JSON-lines audit file, one line per change pushed"},
              {"rotate_bytes", config::integer_type(0, 999999999999), "67108864",
               "Size from which the file is rotated before a run appends to it: path becomes "
               "path.1, path.1 becomes path.2...; 0: never rotated"},
              {"keep", config::integer_type(1, 1000), "5",
               "Rotated files kept (path.1 to path.<keep>); the oldest is removed"},
          },
          {},
          [](const config::ConnectorConfig& settings) {
            return std::make_unique<JournalConnector>(settings);
          }};
}

}  // namespace edusync::connectors
