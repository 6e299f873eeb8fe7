// The help of the configuration keys (check-config --help) in both languages: every key of every
// table has its catalogue entry key.<table>.<path> whose English is the key's own `help` (the
// catalogue cannot drift from the tables), the French help holds no English help, and the
// English one is what it always was.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "config/keys.hpp"
#include "connectors/registry.hpp"
#include "support/catalogue_evidence.hpp"
#include "text/catalogue.hpp"

namespace edusync::config {
namespace {

const ConnectorTables& builtin_tables() {
  static const ConnectorTables tables = connectors::builtin_registry().key_tables();
  return tables;
}

// Every table by the name its ids take: core, connector, then each connector type.
std::vector<std::pair<std::string, const std::vector<KeySpec>*>> every_table() {
  std::vector<std::pair<std::string, const std::vector<KeySpec>*>> all = {
      {"core", &core_keys()}, {"connector", &connector_common_keys()}};
  for (const auto& [type, keys] : builtin_tables()) all.emplace_back(type, &keys);
  return all;
}

// The help with its wrapping undone: each key's description on one line, below its path.
std::string unwrapped(const std::string& help) {
  std::string out;
  bool in_description = false;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    const bool description = line.starts_with("      ");
    if (description && in_description) {
      out.back() = ' ';
      line.erase(0, 6);
    }
    out += line + "\n";
    in_description = description;
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ConfigKeyHelp, EveryKeyOfEveryTableHasItsEntryWithItsOwnEnglishHelp) {
  std::size_t keys = 0;
  for (const auto& [table, specs] : every_table()) {
    for (const auto& key : *specs) {
      ++keys;
      const auto id = "key." + table + "." + key.path;
      const auto* entry = text::find_entry(id);
      ASSERT_NE(entry, nullptr) << "no catalogue entry " << id << " for \"" << key.help << "\"";
      EXPECT_EQ(std::string(entry->english), key.help) << id;
      EXPECT_NE(std::string(entry->french), key.help) << id << " is not translated";
    }
  }
  EXPECT_GT(keys, 50u);
  // And no entry outlives its key.
  for (const auto& entry : text::key_entries()) {
    const std::string id = entry.id;
    if (id.starts_with("key.heading.") || id.starts_with("key.type.")) continue;
    bool found = false;
    for (const auto& [table, specs] : every_table()) {
      for (const auto& key : *specs) found = found || id == "key." + table + "." + key.path;
    }
    EXPECT_TRUE(found) << id << " names no key";
  }
}

TEST(ConfigKeyHelp, FrenchHelpIsFrenchDownToTheHeadingsAndTypes) {
  const auto help = describe_all_keys(builtin_tables(), "fr");
  const auto flat = unwrapped(help);
  EXPECT_TRUE(contains(help, "Clés de configuration (YAML ; ")) << help;
  EXPECT_TRUE(contains(help, "\nClés d'un connecteur de type journal :\n  path\n")) << help;
  EXPECT_TRUE(
      contains(flat,
               "  safety.grace_days\n      Nombre de jours pendant lesquels un compte parti "
               "est conservé, désactivé, avant d'être supprimé (un entier de 0 à 3650 ; "
               "par défaut : 30)\n"))
      << flat;
  EXPECT_TRUE(
      contains(flat,
               "  school.name\n      Nom de l'établissement, imprimé sur les rapports et les "
               "fiches de comptes (un texte non vide ; obligatoire)\n"))
      << flat;
  EXPECT_TRUE(contains(flat, "Adresse du serveur LDAP : ldap://hôte:389")) << flat;
  // Every key is still there.
  for (const auto& [table, specs] : every_table()) {
    for (const auto& key : *specs) EXPECT_TRUE(contains(help, "  " + key.path + "\n")) << key.path;
  }
  // No English help, heading or type description reaches it.
  std::size_t checked = 0;
  for (const auto& entry : text::key_entries()) {
    for (const auto& fragment : test::language_evidence(entry, false)) {
      ++checked;
      EXPECT_FALSE(contains(flat, fragment)) << entry.id << ": \"" << fragment << "\"";
    }
  }
  EXPECT_GT(checked, 50u);
  for (const char* english : {"required)", "; default: ", "non-empty text", "absolute path"})
    EXPECT_FALSE(contains(help, english)) << english;
}

// Copied from the output of `edusync check-config --help` before the help was translated.
TEST(ConfigKeyHelp, EnglishHelpIsUnchanged) {
  const auto help = describe_all_keys(builtin_tables(), "en");
  EXPECT_TRUE(
      help.starts_with("Configuration keys (YAML; dotted paths are nested maps):\n"
                       "  school.uai\n"
                       "      UAI of the school, 7 digits and a capital letter, or a list "
                       "of them for a cité scolaire\n"
                       "      (UAI or list of UAIs; required)\n"
                       "  school.name\n"
                       "      Name of the school, printed on reports and account sheets "
                       "(non-empty text; required)\n"
                       "  state_dir\n"
                       "      Directory of the state database, reports and account "
                       "sheets, kept at mode 0700 (absolute\n"
                       "      path; default: /var/lib/edusync)\n"))
      << help;
  EXPECT_TRUE(contains(help,
                       "  safety.grace_days\n"
                       "      Days an account that left is kept, disabled, before it is removed "
                       "(integer from 0 to 3650;\n"
                       "      default: 30)\n"))
      << help;
  EXPECT_TRUE(contains(help,
                       "\nKeys of every item of connectors (registered types: elea-csv, ent-csv, "
                       "journal, koxo-csv, ldap-sambaedu, pix-orga):\n"
                       "  name\n"
                       "      Name of this connector, unique, used in logs, reports and the state "
                       "(name of lower-case\n"
                       "      letters, digits, _ and -; required)\n"))
      << help;
  EXPECT_TRUE(contains(help,
                       "\nKeys of a connector of type journal:\n"
                       "  path\n"
                       "      The JSON-lines audit file, one line per change pushed (absolute "
                       "path; required)\n"
                       "  rotate_bytes\n"
                       "      Size from which the file is rotated before a run appends to it: "
                       "path becomes path.1,\n"
                       "      path.1 becomes path.2...; 0: never rotated (integer from 0 to "
                       "999999999999; default:\n"
                       "      67108864)\n"))
      << help;
  EXPECT_TRUE(contains(help,
                       "  group_style\n"
                       "      Equipe_ and Matiere_ groups as posixGroup with memberUid, or "
                       "groupOfNames with member DNs\n"
                       "      (one of posix, groupofnames; default: posix)\n"))
      << help;
  // Each key's description is still describe_key(), as the example file writes it.
  EXPECT_TRUE(contains(unwrapped(help), describe_key(core_keys().front())));
}

}  // namespace
}  // namespace edusync::config
