// edusync::config: defaults, every kind of problem with its exact line:column, connectors and
// their registry, and the example file checked against the key tables.
#include "config/config.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <stdexcept>

#include "common/text.hpp"
#include "connectors/registry.hpp"
#include "support/test_support.hpp"

namespace edusync::config {
namespace {

// tests/data/../../config: the repository root is not passed to the tests.
const std::string kExample = std::string(EDUSYNC_TEST_DATA) + "/../../config/edusync.example.yaml";

const std::string kMinimal = "school:\n  uai: 0140065T\n  name: Collège Exemple\n";

const ConnectorTables& builtin_tables() {
  static const ConnectorTables tables = connectors::builtin_registry().key_tables();
  return tables;
}

LoadResult load(const std::string& text, const ConnectorTables& tables = builtin_tables()) {
  return load_config_from_string(text, "test.yaml", tables);
}

// Every problem, one per line, for assertions and readable failures.
std::string problems_of(const LoadResult& result) {
  std::string text;
  for (const auto& problem : result.problems) text += format_problem(problem, "en") + "\n";
  return text;
}

// The only problem of `text`, formatted.
std::string only_problem(const std::string& text) {
  const auto result = load(text);
  EXPECT_FALSE(result.config.has_value());
  EXPECT_EQ(result.problems.size(), 1u) << problems_of(result);
  return result.problems.empty() ? std::string() : format_problem(result.problems.front(), "en");
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.starts_with(prefix);
}
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Config, DefaultsAppliedForAbsentKeys) {
  const auto result = load(kMinimal);
  ASSERT_TRUE(result.config) << problems_of(result);
  const Config& config = *result.config;
  EXPECT_EQ(config.uais, std::vector<std::string>{"0140065T"});
  EXPECT_EQ(config.school_name, "Collège Exemple");
  EXPECT_EQ(config.state_dir, "/var/lib/edusync");
  EXPECT_EQ(config.inbox, "/var/lib/edusync/inbox");
  EXPECT_EQ(
      config.schedule,
      (std::vector<ScheduleSlot>{{ScheduleSlot::kEveryDay, std::chrono::minutes(2 * 60 + 30)}}));
  EXPECT_DOUBLE_EQ(config.safety.max_departure_ratio, 0.10);
  EXPECT_EQ(config.safety.grace_days, 30);
  EXPECT_EQ(config.safety.login_reuse_days, 365);
  EXPECT_EQ(config.identity.login_policy, "nomp8");
  EXPECT_EQ(config.identity.password_policy, "random8");
  EXPECT_EQ(config.identity.password_retention_days, 7);
  EXPECT_EQ(config.identity.uid_range.first, 1001u);
  EXPECT_EQ(config.identity.uid_range.last, 4999u);
  EXPECT_DOUBLE_EQ(config.diff.rename_similarity, 0.80);
  EXPECT_EQ(config.report.language, "fr");
  EXPECT_TRUE(config.connectors.empty());
}

TEST(Config, EveryCoreKeyExceptConnectorsIsStoredInConfig) {
  for (const auto& key : core_keys()) {
    EXPECT_EQ(static_cast<bool>(key.store), key.type.kind != Kind::kConnectorList) << key.path;
  }
}

TEST(Config, GivenValuesReplaceDefaults) {
  const auto result =
      load(kMinimal +
           "schedule: \"23:05\"\nsafety: {grace_days: 0, max_departure_ratio: 1}\n"
           "identity:\n  login_policy: prenom.nom\n  uid_range: {first: 5000, last: 5000}\n"
           "report:\n  language: en\n");
  ASSERT_TRUE(result.config) << problems_of(result);
  EXPECT_EQ(
      result.config->schedule,
      (std::vector<ScheduleSlot>{{ScheduleSlot::kEveryDay, std::chrono::minutes(23 * 60 + 5)}}));
  EXPECT_EQ(result.config->safety.grace_days, 0);
  EXPECT_DOUBLE_EQ(result.config->safety.max_departure_ratio, 1.0);
  EXPECT_EQ(result.config->safety.login_reuse_days, 365);
  EXPECT_EQ(result.config->identity.login_policy, "prenom.nom");
  EXPECT_EQ(result.config->identity.uid_range.first, 5000u);
  EXPECT_EQ(result.config->report.language, "en");
}

TEST(Config, ControlSocketKeys) {
  auto result = load(kMinimal);
  ASSERT_TRUE(result.config) << problems_of(result);
  EXPECT_EQ(result.config->control_socket, "/run/edusync/control.sock");
  EXPECT_EQ(result.config->control_group, "");  // none
  result = load(kMinimal + "control_socket: /tmp/edusync.sock\ncontrol_group: edusync-admins\n");
  ASSERT_TRUE(result.config) << problems_of(result);
  EXPECT_EQ(result.config->control_socket, "/tmp/edusync.sock");
  EXPECT_EQ(result.config->control_group, "edusync-admins");
  EXPECT_EQ(only_problem(kMinimal + "control_socket: control.sock\n"),
            "test.yaml:4:17: control_socket: expected absolute path, got \"control.sock\"");
}

TEST(Config, SingleUaiOrListOfUais) {
  auto result = load("school: {uai: 0140065T, name: X}\n");
  ASSERT_TRUE(result.config) << problems_of(result);
  EXPECT_EQ(result.config->uais, std::vector<std::string>{"0140065T"});
  result = load("school:\n  uai: [0140065T, 0141234A]\n  name: X\n");
  ASSERT_TRUE(result.config) << problems_of(result);
  EXPECT_EQ(result.config->uais, (std::vector<std::string>{"0140065T", "0141234A"}));
}

TEST(Config, BadUaisAreReportedEachAtItsPlace) {
  const auto result = load("school:\n  uai: [0140065T, 014006T, 0140065T, 0140065t]\n  name: X\n");
  ASSERT_EQ(result.problems.size(), 3u) << problems_of(result);
  EXPECT_EQ(format_problem(result.problems[0], "en"),
            "test.yaml:2:19: school.uai: \"014006T\" is not a UAI: expected 7 digits and a capital "
            "letter, e.g. 0140065T");
  EXPECT_EQ(format_problem(result.problems[1], "en"),
            "test.yaml:2:28: school.uai: UAI 0140065T is listed twice");
  EXPECT_TRUE(starts_with(format_problem(result.problems[2], "en"),
                          "test.yaml:2:38: school.uai: \"0140065t\""));
  EXPECT_EQ(only_problem("school:\n  uai: []\n  name: X\n"),
            "test.yaml:2:8: school.uai: expected at least one UAI");
}

// The tests above read the problems in English (the text they always had); French is the
// default, and report.language is read first, even from a file with other problems.
TEST(Config, ProblemsAreFrenchByDefaultAndTheFileSaysItsLanguage) {
  const auto result = load(kMinimal + "safety:\n  grace_day: 10\n  grace_days: 4000\n");
  ASSERT_EQ(result.problems.size(), 2u) << problems_of(result);
  EXPECT_EQ(format_problem(result.problems[0]),
            "test.yaml:5:3: clé inconnue « grace_day » dans safety (vouliez-vous dire « grace_days "
            "» ?) ; clés possibles : max_departure_ratio, grace_days, login_reuse_days");
  EXPECT_EQ(format_problem(result.problems[1]),
            "test.yaml:6:15: safety.grace_days : 4000 est hors limites ; attendu : un entier de 0 "
            "à 3650");
  EXPECT_EQ(result.language, "");
  EXPECT_EQ(load(kMinimal + "report: {language: en}\nsafty: {}\n").language, "en");
  EXPECT_EQ(load(kMinimal + "report: {language: de}\n").language, "");
  EXPECT_EQ(only_problem("school:\n  uai: 0140065T\n").substr(0, 14), "test.yaml:2:3:");
  const auto missing = load("school:\n  uai: 0140065T\n");
  EXPECT_EQ(format_problem(missing.problems.at(0)),
            "test.yaml:2:3: clé obligatoire school.name absente : Name of the school, printed on "
            "reports and account sheets (un texte non vide ; obligatoire)");
}

TEST(Config, UnknownKeySuggestsTheNearestAndListsTheAllowedOnes) {
  EXPECT_EQ(
      only_problem(kMinimal + "safty:\n  grace_days: 10\n"),
      "test.yaml:4:1: unknown key \"safty\" (did you mean \"safety\"?); allowed keys: school, "
      "state_dir, inbox, schedule, safety, identity, diff, timetable, report, control_socket, "
      "control_group, "
      "connectors");
  EXPECT_EQ(only_problem(kMinimal + "safety:\n  grace_day: 10\n"),
            "test.yaml:5:3: unknown key \"grace_day\" in safety (did you mean \"grace_days\"?); "
            "allowed keys: max_departure_ratio, grace_days, login_reuse_days");
  // A key of a section written at the top level.
  EXPECT_TRUE(
      contains(only_problem(kMinimal + "grace_days: 10\n"), "(did you mean safety.grace_days?)"));
  // Nothing near: no suggestion.
  EXPECT_EQ(only_problem(kMinimal + "report: {colour: blue}\n"),
            "test.yaml:4:10: unknown key \"colour\" in report; allowed keys: language, keep_runs, "
            "keep_days");
}

TEST(Config, WrongTypeNamesTheKeyAndWhatWasExpected) {
  EXPECT_EQ(only_problem(kMinimal + "safety:\n  grace_days: thirty\n"),
            "test.yaml:5:15: safety.grace_days: expected integer from 0 to 3650, got \"thirty\"");
  EXPECT_EQ(only_problem(kMinimal + "safety: 3\n"),
            "test.yaml:4:9: safety: expected a map with keys max_departure_ratio, grace_days, "
            "login_reuse_days, got \"3\"");
  EXPECT_EQ(only_problem(kMinimal + "state_dir: [a, b]\n"),
            "test.yaml:4:12: state_dir: expected absolute path, got a list");
  EXPECT_EQ(only_problem(kMinimal + "inbox: inbox/\n"),
            "test.yaml:4:8: inbox: expected absolute path, got \"inbox/\"");
  EXPECT_EQ(only_problem(kMinimal + "schedule: \"25:00\"\n"),
            "test.yaml:4:11: schedule: expected time HH:MM, got \"25:00\"");
  EXPECT_EQ(
      only_problem(kMinimal + "safety:\n  grace_days:\n"),
      "test.yaml:5:3: safety.grace_days: no value given (leave the key out for the default, 30)");
}

TEST(Config, ValueOutOfRangeOrNotAmongTheChoices) {
  EXPECT_EQ(only_problem(kMinimal + "safety: {max_departure_ratio: 1.5}\n"),
            "test.yaml:4:31: safety.max_departure_ratio: 1.5 is out of range: expected number from "
            "0 to 1");
  EXPECT_EQ(
      only_problem(kMinimal + "identity:\n  uid_range:\n    first: 0\n"),
      "test.yaml:6:12: identity.uid_range.first: 0 is out of range: expected integer from 1 to "
      "4294967294");
  EXPECT_EQ(
      only_problem(kMinimal + "identity:\n  login_policy: nomp9\n"),
      "test.yaml:5:17: identity.login_policy: \"nomp9\" is not allowed: expected one of nomp8, "
      "prenom.nom, prenom.nom19, pnom19, pnom8, nomprenom18 (did you mean \"nomp8\"?)");
}

TEST(Config, UidRangeLastBelowFirst) {
  EXPECT_EQ(only_problem(kMinimal + "identity:\n  uid_range: {first: 3000, last: 2000}\n"),
            "test.yaml:5:34: identity.uid_range: last (2000) is below first (3000)");
}

TEST(Config, MissingRequiredKeyIsReportedAtItsSection) {
  EXPECT_EQ(
      only_problem("school:\n  uai: 0140065T\n"),
      "test.yaml:2:3: missing required key school.name: Name of the school, printed on reports "
      "and account sheets (non-empty text; required)");
  const auto result = load("# nothing yet\n");
  ASSERT_EQ(result.problems.size(), 2u) << problems_of(result);
  EXPECT_TRUE(starts_with(format_problem(result.problems[0], "en"),
                          "test.yaml:1:1: missing required key school.uai:"));
  EXPECT_TRUE(starts_with(format_problem(result.problems[1], "en"),
                          "test.yaml:1:1: missing required key school.name:"));
}

TEST(Config, RepeatedKeyIsAnError) {
  EXPECT_EQ(only_problem(kMinimal + "inbox: /a\ninbox: /b\n"),
            "test.yaml:5:1: key inbox is given twice (first on line 4)");
}

TEST(Config, YamlSyntaxErrorHasLineAndColumn) {
  EXPECT_EQ(only_problem(kMinimal + "safety: {grace_days: 3\nreport: {}\n"),
            "test.yaml:5:7: YAML syntax error: end of map flow not found");
  EXPECT_TRUE(starts_with(only_problem("school:\n  uai: 0140065T\n name: X\n"), "test.yaml:3:"));
}

TEST(Config, EveryProblemIsCollectedInFileOrder) {
  const auto result = load(
      "school:\n"
      "  uai: 123\n"
      "stat_dir: /x\n"
      "safety:\n"
      "  grace_days: -1\n"
      "  max_departure_ratio: lots\n"
      "report: {language: de}\n"
      "connectors:\n"
      "  - {name: Bad Name, type: journal, path: /j}\n");
  ASSERT_EQ(result.problems.size(), 7u) << problems_of(result);
  const std::vector<std::string> starts = {
      "test.yaml:2:3: missing required key school.name",
      "test.yaml:2:8: school.uai: \"123\" is not a UAI",
      "test.yaml:3:1: unknown key \"stat_dir\" (did you mean \"state_dir\"?)",
      "test.yaml:5:15: safety.grace_days: -1 is out of range",
      "test.yaml:6:24: safety.max_departure_ratio: expected number from 0 to 1, got \"lots\"",
      "test.yaml:7:20: report.language: \"de\" is not allowed: expected one of fr, en",
      "test.yaml:9:12: connectors[0].name: expected name of lower-case letters, digits, _ and -",
  };
  for (std::size_t i = 0; i < starts.size(); ++i) {
    EXPECT_TRUE(starts_with(format_problem(result.problems[i], "en"), starts[i]))
        << problems_of(result);
  }
}

TEST(Config, JournalConnectorAndItsAccessors) {
  const auto result = load(
      kMinimal + "connectors:\n  - name: audit\n    type: journal\n    path: /var/log/j.jsonl\n");
  ASSERT_TRUE(result.config) << problems_of(result);
  ASSERT_EQ(result.config->connectors.size(), 1u);
  const auto& journal = result.config->connectors.front();
  EXPECT_EQ(journal.name, "audit");
  EXPECT_EQ(journal.type, "journal");
  EXPECT_EQ(journal.string("path"), "/var/log/j.jsonl");
  EXPECT_EQ(journal.path("path"), "/var/log/j.jsonl");
  EXPECT_EQ(journal.where.line, 5);
  EXPECT_EQ(journal.where.column, 5);
  EXPECT_THROW(journal.string("dir"), std::logic_error);
  EXPECT_THROW(journal.integer("path"), std::logic_error);
}

TEST(Config, ConnectorKeysAreCheckedAgainstTheirType) {
  const auto result =
      load(kMinimal + "connectors:\n  - name: audit\n    type: journal\n    pth: /j\n");
  ASSERT_EQ(result.problems.size(), 2u) << problems_of(result);
  EXPECT_EQ(
      format_problem(result.problems[0], "en"),
      "test.yaml:5:5: missing required key connectors[0].path: The JSON-lines audit file, one "
      "line per change pushed (absolute path; required)");
  EXPECT_EQ(format_problem(result.problems[1], "en"),
            "test.yaml:7:5: unknown key \"pth\" in connectors[0] (did you mean \"path\"?); allowed "
            "keys: name, type, login_address, path, rotate_bytes, keep");
}

TEST(Config, UnknownConnectorTypeNamesTheKnownTypes) {
  EXPECT_EQ(
      only_problem(kMinimal + "connectors:\n  - {name: a, type: jurnal, dir: /x}\n"),
      "test.yaml:5:21: connectors[0].type: unknown connector type \"jurnal\"; known types: " +
          [] {
            std::string types;
            for (const auto& type : connectors::builtin_registry().types())
              types += (types.empty() ? "" : ", ") + type;
            return types;
          }() +
          " (did you mean \"journal\"?)");
  EXPECT_EQ(only_problem(kMinimal + "connectors:\n  - {name: a}\n"),
            "test.yaml:5:5: missing required key connectors[0].type: Type of the connector, which "
            "decides its other keys (registered connector type; required)");
  EXPECT_EQ(
      only_problem(kMinimal + "connectors:\n  - journal\n"),
      "test.yaml:5:5: connectors[0]: expected a map with a name, a type and the keys of that type");
}

TEST(Config, DuplicateConnectorNames) {
  EXPECT_EQ(only_problem(kMinimal + "connectors:\n"
                                    "  - {name: audit, type: journal, path: /a}\n"
                                    "  - {name: audit, type: journal, path: /b}\n"),
            "test.yaml:6:12: connectors[1].name: connector name \"audit\" is already used by the "
            "connector on line 5");
}

TEST(Config, RegisteredConnectorTypeGetsItsKeysCheckedAndDefaulted) {
  connectors::Registry registry = connectors::builtin_registry();
  registry.add(
      {"test-ldap",
       {
           {"uri", string_type(), kRequired, "Server"},
           {"bind_password_file", path_type(), kRequired, "File holding the bind password"},
           {"starttls", boolean_type(), "true", "Use StartTLS"},
           {"timeouts.network_seconds", integer_type(1, 600), "10", "Network timeout"},
       },
       {},
       [](const ConnectorConfig&) { return nullptr; }});
  const auto tables = registry.key_tables();
  auto result = load(kMinimal +
                         "connectors:\n"
                         "  - name: se3\n"
                         "    type: test-ldap\n"
                         "    uri: ldap://127.0.0.1\n"
                         "    bind_password_file: /etc/edusync/ldap.secret\n",
                     tables);
  ASSERT_TRUE(result.config) << problems_of(result);
  const auto& ldap = result.config->connectors.front();
  EXPECT_EQ(ldap.path("bind_password_file"), "/etc/edusync/ldap.secret");
  EXPECT_TRUE(ldap.boolean("starttls"));
  EXPECT_EQ(ldap.integer("timeouts.network_seconds"), 10);
  result =
      load(kMinimal +
               "connectors:\n"
               "  - {name: se3, type: test-ldap, uri: x, bind_password_file: /s, starttls: yes,\n"
               "     timeouts: {network_seconds: 0}}\n",
           tables);
  EXPECT_EQ(problems_of(result),
            "test.yaml:5:76: connectors[0].starttls: expected true or false, got \"yes\"\n"
            "test.yaml:6:34: connectors[0].timeouts.network_seconds: 0 is out of range: expected "
            "integer from 1 to 600\n");
}

TEST(Config, RegistrationRejectsInconsistentTables) {
  // The registry of connector types checks each table as it is added (connectors/registry.hpp).
  connectors::Registry registry = connectors::builtin_registry();
  const auto register_connector_keys = [&](const std::string& type, std::vector<KeySpec> keys) {
    registry.add({type, std::move(keys), {}, [](const ConnectorConfig&) { return nullptr; }});
  };
  EXPECT_THROW(register_connector_keys("journal", {}), std::logic_error);
  EXPECT_THROW(register_connector_keys("Bad Type", {}), std::logic_error);
  EXPECT_THROW(register_connector_keys("t1", {{"name", string_type(), kRequired, "x"}}),
               std::logic_error);
  EXPECT_THROW(register_connector_keys("t2", {{"secret_file", string_type(), kRequired, "x"}}),
               std::logic_error);
  EXPECT_THROW(register_connector_keys("t3", {{"port", integer_type(1, 10), "99", "x"}}),
               std::logic_error);
  EXPECT_THROW(register_connector_keys(
                   "t4", {{"a", string_type(), "x", "x"}, {"a.b", string_type(), "y", "y"}}),
               std::logic_error);
  EXPECT_EQ(registry.find("t3"), nullptr);
}

TEST(Config, MissingFileIsAClearError) {
  test::TempDir dir;
  const auto missing = (dir.path() / "edusync.yaml").string();
  auto result = load_config(missing, builtin_tables());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(format_problem(result.problems[0], "en"),
            missing + ": cannot read the configuration file: No such file or directory");
  result = load_config(dir.path().string(), builtin_tables());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(format_problem(result.problems[0], "en"),
            dir.path().string() + ": is a directory, not a configuration file");
  const auto file = dir.write("edusync.yaml", kMinimal + "inbox: relative\n");
  result = load_config(file, builtin_tables());
  EXPECT_EQ(problems_of(result), file + ":4:8: inbox: expected absolute path, got \"relative\"\n");
}

// The comment lines directly above 0-based `line`, without their "#", joined by spaces.
std::string comment_above(const std::vector<std::string>& lines, int line) {
  int first = line;
  while (first > 0 && trim(lines[static_cast<std::size_t>(first - 1)]).starts_with('#')) --first;
  std::string comment;
  for (int i = first; i < line; ++i) {
    if (!comment.empty()) comment += ' ';
    comment += trim(trim(lines[static_cast<std::size_t>(i)]).substr(1));
  }
  return comment;
}

// Checks that every key of `table` is in `map` with its description in the comment above it.
void expect_documented(const YAML::Node& map, const std::vector<KeySpec>& table,
                       const std::vector<std::string>& lines) {
  for (const auto& key : table) {
    YAML::Node holder = map;
    std::string rest = key.path;
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
      holder.reset(holder[rest.substr(0, dot)]);  // reset: `=` would assign into the document
      rest = rest.substr(dot + 1);
    }
    bool found = false;
    for (const auto& entry : holder) {
      if (entry.first.Scalar() != rest) continue;
      found = true;
      EXPECT_TRUE(contains(comment_above(lines, entry.first.Mark().line), describe_key(key)))
          << key.path << " is documented as \"" << comment_above(lines, entry.first.Mark().line)
          << "\"; expected \"" << describe_key(key) << "\"";
    }
    EXPECT_TRUE(found) << key.path << " is not in " << kExample;
  }
}

TEST(Config, ExampleFileIsValidAndDocumentsEveryKey) {
  const auto result = load_config(kExample, builtin_tables());
  ASSERT_TRUE(result.config) << problems_of(result);
  const auto text = test::read_file(kExample);
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  const auto document = YAML::Load(text);
  expect_documented(document, core_keys(), lines);
  bool journal = false;
  for (const auto& item : document["connectors"]) {
    expect_documented(item, connector_common_keys(), lines);
    if (item["type"].Scalar() != "journal") continue;
    journal = true;
    expect_documented(item, builtin_tables().at("journal"), lines);
  }
  EXPECT_TRUE(journal) << "the example has no journal connector";
}

TEST(Config, HelpListsEveryKeyAndConnectorType) {
  const auto help = describe_all_keys(builtin_tables(), "en");
  for (const auto& key : core_keys())
    EXPECT_TRUE(contains(help, "  " + key.path + "\n")) << key.path;
  EXPECT_TRUE(contains(help, "Keys of a connector of type journal:\n  path\n"));
}

}  // namespace
}  // namespace edusync::config
