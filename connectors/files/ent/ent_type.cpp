#include "connectors/files/ent/ent_type.hpp"

#include "connectors/files/ent/ent_target.hpp"

namespace edusync::connectors::files {

ConnectorType ent_type() {
  return {"ent-csv",
          file_target_keys({
              {"encoding", config::choice_type({"latin1", "utf-8-bom"}), "latin1",
               "Encoding of the ENT CSV files"},
              {"zip", config::boolean_type(), "false",
               "Also put the four CSV files in one zip named with the UAI"},
          }),
          {},
          [](const config::ConnectorConfig& settings) {
            return std::make_unique<EntTarget>(settings);
          }};
}

}  // namespace edusync::connectors::files
