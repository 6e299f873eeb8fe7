#include "connectors/files/elea/elea_type.hpp"

#include "connectors/files/elea/elea_target.hpp"

namespace edusync::connectors::files {

ConnectorType elea_type() {
  return {
      "elea-csv",
      file_target_keys({
          {"format", config::choice_type({"moodle", "ent-export"}), "moodle",
           "moodle: Moodle upload-users CSV; ent-export: the ENT \"export classique\" file"},
          {"auth", config::string_type(), "cas",
           "format moodle: the auth column of every account (cas, shibboleth, manual...)"},
          {"email_domain", config::string_type(), "none",
           "format moodle: domain of the e-mail given to accounts without one (login@domain); none "
           "leaves it empty"},
          {"profile_field_division", config::string_type(), "none",
           "format moodle: short name of a profile field receiving the division (pupils); none for "
           "no "
           "such column"},
          {"delta", config::boolean_type(), "true",
           "format moodle: also write a delta file of new and changed rows"},
      }),
      {},
      [](const config::ConnectorConfig& settings) {
        return std::make_unique<EleaTarget>(settings);
      }};
}

}  // namespace edusync::connectors::files
