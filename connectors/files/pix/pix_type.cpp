#include "connectors/files/pix/pix_type.hpp"

#include "connectors/files/pix/pix_target.hpp"

namespace edusync::connectors::files {

ConnectorType pix_type() {
  return {"pix-orga",
          file_target_keys({
              {"format", config::choice_type({"siecle", "csv"}), "siecle",
               "siecle: a SIECLE-shaped BEE_ELEVES XML (collèges, lycées); csv: the 15-column CSV"},
              {"zip", config::boolean_type(), "false",
               "format siecle: put the XML in a zip, as SIECLE delivers it"},
          }),
          {},
          [](const config::ConnectorConfig& settings) {
            return std::make_unique<PixTarget>(settings);
          }};
}

}  // namespace edusync::connectors::files
