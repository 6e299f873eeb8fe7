#include "connectors/files/koxo/koxo_type.hpp"

#include "connectors/files/koxo/koxo_target.hpp"

namespace edusync::connectors::files {

ConnectorType koxo_type() {
  return {
      "koxo-csv",
      file_target_keys({
          {"columns", config::string_type(),
           "Civilite;Nom;Prenom;DateNaissance;IdentifiantUnique;GroupeSecondaire;Email;Telephone;"
           "TelephoneMobile;Fax;"
           "PageWeb;ChampLibre;Fonction;MotDePasse",
           "Columns of the KOXO Synchro CSV in the order of the KOXO profile, separated by ;"},
          {"encoding", config::choice_type({"utf-8-bom", "utf-8", "latin1"}), "utf-8-bom",
           "Encoding of the CSV; latin1 transliterates the characters it lacks, with a warning"},
          {"staff_group", config::string_type(), "Profs",
           "GroupeSecondaire of staff members (pupils get their division)"},
          {"delta", config::boolean_type(), "true",
           "Also write a delta file holding only new and changed rows"},
      }),
      {},
      [](const config::ConnectorConfig& settings) {
        return std::make_unique<KoxoTarget>(settings);
      }};
}

}  // namespace edusync::connectors::files
