// The registry of connector types and their key tables. The built-in types are registered here,
// in one place; the connectors of later issues register theirs at start-up.
#include <map>
#include <stdexcept>

#include "config/convert.hpp"
#include "config/keys.hpp"
#include "config/table_check.hpp"

namespace edusync::config {
namespace {

using Registry = std::map<std::string, std::vector<KeySpec>, std::less<>>;

std::vector<KeySpec> journal_keys() {
  return {
      {"path", path_type(), kRequired, "The JSON-lines audit file, one line per change pushed"},
  };
}

std::vector<KeySpec> ldap_sambaedu_keys() {
  return {
      {"uri", string_type(), kRequired,
       "LDAP server address: ldap://host:389, ldaps://host:636 or ldapi:///"},
      {"base_dn", string_type(), kRequired,
       "Base DN of the SambaEdu directory, above ou=People, ou=Groups and ou=Trash"},
      {"bind_dn", string_type(), "none",
       "DN edusync binds as; none for SASL EXTERNAL over ldapi:// (the process's own identity)"},
      {"bind_password_file", path_type(), "/etc/edusync/ldap.secret",
       "File holding the password of bind_dn (read at each run, never logged)"},
      {"starttls", boolean_type(), "false",
       "Upgrade an ldap:// connection with StartTLS; the certificate is verified"},
      {"ca_file", path_type(), "/etc/ssl/certs/ca-certificates.crt",
       "CA certificates that verify the server's certificate (StartTLS and ldaps://)"},
      {"domain_sid", string_type(), "auto",
       "Samba domain SID (S-1-5-21-...); auto reads it from the sambaDomain entry under base_dn"},
      {"mail_domain", string_type(), "none",
       "Domain of the mail attribute (login@domain); none writes no mail"},
      {"group_style", choice_type({"posix", "groupofnames"}), "posix",
       "Equipe_ and Matiere_ groups as posixGroup with memberUid, or groupOfNames with member DNs"},
      {"prefix", string_type(), "none",
       "SambaEdu class prefix for a cite scolaire (CLG_, LYC_...), put after Classe_, Equipe_...; "
       "none for no prefix"},
      {"password_hash", choice_type({"ssha", "md5"}), "ssha",
       "Hash of userPassword for new accounts: ssha, or md5 as SambaEdu 3 writes it"},
      {"timeout", integer_type(1, 3600), "30",
       "Seconds to wait for the server to connect or answer one operation"},
  };
}

// Keys every file target has: where its files go and how many runs are kept.
std::vector<KeySpec> file_target_keys(std::vector<KeySpec> own) {
  std::vector<KeySpec> keys = {
      {"dir", path_type(), kRequired, "Directory the files are written to, created when missing"},
      {"keep", integer_type(1, 1000), "10",
       "How many runs' files are kept in dir, older ones are removed"},
  };
  for (auto& key : own) keys.push_back(std::move(key));
  return keys;
}

std::vector<KeySpec> koxo_keys() {
  return file_target_keys({
      {"columns", string_type(),
       "Civilite;Nom;Prenom;DateNaissance;IdentifiantUnique;GroupeSecondaire;Email;Telephone;"
       "TelephoneMobile;Fax;"
       "PageWeb;ChampLibre;Fonction;MotDePasse",
       "Columns of the KOXO Synchro CSV in the order of the KOXO profile, separated by ;"},
      {"encoding", choice_type({"utf-8-bom", "utf-8", "latin1"}), "utf-8-bom",
       "Encoding of the CSV; latin1 transliterates the characters it lacks, with a warning"},
      {"staff_group", string_type(), "Profs",
       "GroupeSecondaire of staff members (pupils get their division)"},
      {"delta", boolean_type(), "true",
       "Also write a delta file holding only new and changed rows"},
  });
}

std::vector<KeySpec> ent_keys() {
  return file_target_keys({
      {"encoding", choice_type({"latin1", "utf-8-bom"}), "latin1", "Encoding of the ENT CSV files"},
      {"zip", boolean_type(), "false", "Also put the four CSV files in one zip named with the UAI"},
  });
}

std::vector<KeySpec> pix_keys() {
  return file_target_keys({
      {"format", choice_type({"siecle", "csv"}), "siecle",
       "siecle: a SIECLE-shaped BEE_ELEVES XML (collèges, lycées); csv: the 15-column CSV"},
      {"zip", boolean_type(), "false",
       "format siecle: put the XML in a zip, as SIECLE delivers it"},
  });
}

std::vector<KeySpec> elea_keys() {
  return file_target_keys({
      {"format", choice_type({"moodle", "ent-export"}), "moodle",
       "moodle: Moodle upload-users CSV; ent-export: the ENT \"export classique\" file"},
      {"auth", string_type(), "cas",
       "format moodle: the auth column of every account (cas, shibboleth, manual...)"},
      {"email_domain", string_type(), "none",
       "format moodle: domain of the e-mail given to accounts without one (login@domain); none "
       "leaves it empty"},
      {"profile_field_division", string_type(), "none",
       "format moodle: short name of a profile field receiving the division (pupils); none for no "
       "such column"},
      {"delta", boolean_type(), "true",
       "format moodle: also write a delta file of new and changed rows"},
  });
}

Registry& registry() {
  static Registry types = [] {
    Registry builtins;
    builtins.emplace("journal", journal_keys());
    builtins.emplace("ldap-sambaedu", ldap_sambaedu_keys());
    builtins.emplace("koxo-csv", koxo_keys());
    builtins.emplace("ent-csv", ent_keys());
    builtins.emplace("pix-orga", pix_keys());
    builtins.emplace("elea-csv", elea_keys());
    for (const auto& [type, keys] : builtins) check_table(keys, "connector type " + type);
    return builtins;
  }();
  return types;
}

bool is_reserved(const KeySpec& key) {
  return key.path == "name" || key.path == "type" || key.path.starts_with("name.") ||
         key.path.starts_with("type.");
}

}  // namespace

const std::vector<KeySpec>& connector_common_keys() {
  static const std::vector<KeySpec> keys = {
      {"name", name_type(), kRequired,
       "Name of this connector, unique, used in logs, reports and the state"},
      {"type",
       {Kind::kConnectorType},
       kRequired,
       "Type of the connector, which decides its other keys"},
  };
  return keys;
}

void register_connector_keys(const std::string& type, std::vector<KeySpec> keys) {
  const auto what = "connector type " + type;
  std::vector<NodeError> errors;
  if (!convert(YAML::Node(type), name_type(), errors)) {
    throw std::logic_error(what + ": not a valid type name");
  }
  if (registry().contains(type)) throw std::logic_error(what + " is already registered");
  for (const auto& key : keys) {
    if (is_reserved(key)) throw std::logic_error(what + ": key " + key.path + " is reserved");
  }
  check_table(keys, what);
  registry().emplace(type, std::move(keys));
}

const std::vector<KeySpec>* connector_keys(std::string_view type) {
  const auto found = registry().find(type);
  return found == registry().end() ? nullptr : &found->second;
}

std::vector<std::string> connector_types() {
  std::vector<std::string> types;
  for (const auto& entry : registry()) types.push_back(entry.first);
  return types;
}

}  // namespace edusync::config
