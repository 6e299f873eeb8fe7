// Initial passwords and secrets on disk, with the real binary in a child process whose umask is
// 000: directories edusync creates are 0750 (target drop directories) or 0700 (state, reports)
// whatever the umask, files holding passwords are 0600; once identity.password_retention_days
// has passed, the passwords are erased from every file earlier runs wrote them to (KOXO's
// MotDePasse, Moodle's password, the account sheets), and the report says so. A bind password
// file others can read is reported.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "connectors/registry.hpp"
#include "run/password_expiry.hpp"
#include "state/password_files.hpp"
#include "state/state_store.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = EDUSYNC_BINARY;

unsigned mode_of(const fs::path& path) {
  struct stat status {};
  EXPECT_EQ(::stat(path.c_str(), &status), 0) << path;
  return status.st_mode & 07777u;
}

class PasswordFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_.path() / "inbox");
    for (const auto& entry : fs::directory_iterator(std::string(EDUSYNC_SAMPLES) + "/college")) {
      if (entry.path().extension() != ".json")
        fs::copy_file(entry.path(), dir_.path() / "inbox" / entry.path().filename());
    }
    config_ = dir_.write(
        "edusync.yaml",
        "school: {uai: 0069500U, name: Sample}\nstate_dir: " + state().string() +
            "\ninbox: " + (dir_.path() / "inbox").string() +
            "\nidentity: {password_retention_days: 7}\nconnectors:\n"
            "  - {name: koxo, type: koxo-csv, dir: " +
            out("koxo").string() +
            "}\n  - {name: elea, type: elea-csv, auth: manual, dir: " + out("elea").string() +
            "}\n  - {name: pix, type: pix-orga, dir: " + out("pix").string() + "}\n");
  }

  // `edusync <arguments>` in a shell whose umask is 000; returns the exit code.
  int edusync(const std::string& arguments) {
    std::string output;
    const int code = test::run_command(
        "sh -c 'umask 000 && exec " + kBinary + " --config " + config_ + " " + arguments + "'",
        output);
    output_ = output;
    return code;
  }

  fs::path state() const { return dir_.path() / "state"; }
  fs::path out(const std::string& target) const { return dir_.path() / "out" / target; }

  static fs::path only_file(const fs::path& dir, const std::string& suffix) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().filename().string().ends_with(suffix)) return entry.path();
    }
    ADD_FAILURE() << "no *" << suffix << " in " << dir;
    return {};
  }

  static fs::path run_dir(const fs::path& reports, const std::string& except = {}) {
    for (const auto& entry : fs::directory_iterator(reports)) {
      if (entry.path().filename() != except) return entry.path();
    }
    return {};
  }

  // The values of `column` in a `;` or `,` CSV whose cells hold no separator.
  static std::vector<std::string> column(const std::string& csv, char separator,
                                         const std::string& name) {
    std::vector<std::vector<std::string>> rows;
    std::stringstream lines(csv.starts_with("\xEF\xBB\xBF") ? csv.substr(3) : csv);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::vector<std::string> cells;
      std::stringstream fields(line + separator);
      std::string cell;
      while (std::getline(fields, cell, separator)) cells.push_back(cell);
      rows.push_back(cells);
    }
    const auto at = std::find(rows.at(0).begin(), rows.at(0).end(), name) - rows.at(0).begin();
    std::vector<std::string> values;
    for (std::size_t i = 1; i < rows.size(); ++i)
      values.push_back(rows[i].at(static_cast<std::size_t>(at)));
    return values;
  }

  test::TempDir dir_;
  std::string config_;
  std::string output_;
};

TEST_F(PasswordFiles, DirectoriesAndSecretFilesKeepTheirModesUnderUmask000) {
  ASSERT_EQ(edusync("run --today 2025-11-20 --settle-ms 0"), 0) << output_;
  EXPECT_EQ(mode_of(dir_.path() / "out"), 0750u);
  EXPECT_EQ(mode_of(out("koxo")), 0750u);
  EXPECT_EQ(mode_of(state()), 0700u);
  EXPECT_EQ(mode_of(state() / "reports"), 0700u);
  const auto run = run_dir(state() / "reports");
  EXPECT_EQ(mode_of(run), 0700u);
  EXPECT_EQ(mode_of(run / "report.json"), 0600u);
  const auto koxo = only_file(out("koxo"), "_full.csv");
  ASSERT_FALSE(column(test::read_file(koxo), ';', "MotDePasse").at(0).empty());
  EXPECT_EQ(mode_of(koxo), 0600u);  // initial passwords in clear
  EXPECT_EQ(mode_of(only_file(out("elea"), "_full.csv")), 0600u);
  EXPECT_EQ(mode_of(only_file(out("pix"), ".xml")), 0640u);  // no password: the importer's group
  ASSERT_EQ(edusync("accounts --today 2025-11-20"), 0) << output_;
  EXPECT_EQ(mode_of(run / "accounts.html"), 0600u);
}

TEST_F(PasswordFiles, ExpiredPasswordsAreErasedFromEveryFileEarlierRunsWrote) {
  ASSERT_EQ(edusync("run --today 2025-11-20 --settle-ms 0"), 0) << output_;
  ASSERT_EQ(edusync("accounts --today 2025-11-20"), 0) << output_;
  ASSERT_EQ(edusync("accounts --today 2025-11-20 --format csv"), 0) << output_;
  const auto first_run = run_dir(state() / "reports");
  const auto koxo_full = only_file(out("koxo"), "_full.csv");
  const auto koxo_delta = only_file(out("koxo"), "_delta.csv");
  const auto elea_full = only_file(out("elea"), "_full.csv");
  std::set<std::string> passwords;
  for (const auto& p : column(test::read_file(koxo_full), ';', "MotDePasse")) {
    if (!p.empty()) passwords.insert(p);
  }
  ASSERT_GT(passwords.size(), 10u);
  const std::string sheet = test::read_file(first_run / "accounts.html");
  ASSERT_NE(sheet.find(*passwords.begin()), std::string::npos);

  const auto written = fs::last_write_time(koxo_full);

  // Eight days later (retention 7): the same exports, nothing else to do.
  ASSERT_EQ(edusync("run --today 2025-11-28 --settle-ms 0"), 0) << output_;
  EXPECT_EQ(fs::last_write_time(koxo_full), written);  // still sorts as the old run's file
  for (const auto& file : {koxo_full, koxo_delta, elea_full, first_run / "accounts.html",
                           first_run / "accounts.csv"}) {
    const std::string bytes = test::read_file(file);
    for (const auto& p : passwords) ASSERT_EQ(bytes.find(p), std::string::npos) << file;
    EXPECT_EQ(mode_of(file), 0600u) << file;
  }
  for (const auto& p : column(test::read_file(koxo_full), ';', "MotDePasse")) EXPECT_EQ(p, "");
  for (const auto& p : column(test::read_file(elea_full), ',', "password")) EXPECT_EQ(p, "");
  EXPECT_NE(column(test::read_file(koxo_full), ';', "Nom").at(0), "");  // the rest is intact
  EXPECT_NE(test::read_file(first_run / "accounts.html").find("(expiré)"), std::string::npos);

  const auto second_run = run_dir(state() / "reports", first_run.filename().string());
  const std::string report_path = (second_run / "report.json").string();
  const auto report = nlohmann::json::parse(test::read_file(report_path));
  ASSERT_TRUE(report.contains("expired_passwords")) << report.dump(2);
  EXPECT_GE(report["expired_passwords"]["passwords"].get<std::size_t>(), passwords.size());
  std::set<std::string> files;
  for (const auto& f : report["expired_passwords"]["files"]) files.insert(f.get<std::string>());
  EXPECT_TRUE(files.contains(koxo_full.string()));
  EXPECT_TRUE(files.contains((first_run / "accounts.html").string()));
  EXPECT_NE(
      test::read_file((second_run / "report.txt").string()).find("Mots de passe initiaux expirés"),
      std::string::npos);
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/report.schema.json";
  std::string output;
  EXPECT_EQ(
      test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + report_path + " 2>&1",
                        output),
      0)
      << output;

  // Nothing is due any more: the next run rewrites nothing.
  ASSERT_EQ(edusync("run --today 2025-11-29 --settle-ms 0"), 0) << output_;
}

TEST(PasswordColumn, OnlyThePasswordCellsAreEmptiedQuotedOrNot) {
  const std::string csv =
      "\xEF\xBB\xBFNom;MotDePasse;Classe\r\n"
      "DUPONT;a;b\r\n"
      "\"DE; LA\";\"x;\"\"y\"\"\r\n\";6A\r\n"
      "MARTIN;;6B\r\n";
  EXPECT_EQ(run::without_column(csv, ';', "MotDePasse"),
            "\xEF\xBB\xBFNom;MotDePasse;Classe\r\nDUPONT;;b\r\n\"DE; LA\";;6A\r\nMARTIN;;6B\r\n");
  EXPECT_EQ(run::without_column("username,password\nab,s3\n", ',', "password"),
            "username,password\nab,\n");
  EXPECT_THROW(run::without_column("a;b\r\n", ';', "MotDePasse"), std::runtime_error);
}

TEST(PasswordExpiry, OnlyDueFilesAreTouchedAFailureIsReportedAndRetried) {
  test::TempDir dir;
  state::StateStore store((dir.path() / "state").string());
  store.save_passwords({{"0502116650N", "s3cret"}}, "2025-11-20", "2025-11-27");
  const std::string due = dir.write("due.csv", "Nom;MotDePasse\r\nDUPONT;s3cret\r\n");
  const std::string later = dir.write("later.csv", "Nom;MotDePasse\r\nMARTIN;s4cret\r\n");
  const std::string broken = dir.write("broken.csv", "Nom;Autre\r\nDURAND;x\r\n");
  const std::string gone = (dir.path() / "gone.csv").string();
  state::record_password_files(store.database(),
                               {{due, "r1", "2025-11-27", "csv", ';', "MotDePasse"},
                                {later, "r2", "2025-12-20", "csv", ';', "MotDePasse"},
                                {broken, "r1", "2025-11-27", "csv", ';', "MotDePasse"},
                                {gone, "r1", "2025-11-27", "csv", ';', "MotDePasse"}});
  auto expiry = run::expire_initial_passwords(store, "2025-11-28");
  EXPECT_EQ(expiry.passwords, 1u);
  EXPECT_EQ(expiry.files, std::vector<std::string>{due});
  ASSERT_EQ(expiry.failures.size(), 1u);
  EXPECT_TRUE(expiry.failures[0].starts_with(broken + " : ")) << expiry.failures[0];
  EXPECT_EQ(test::read_file(due), "Nom;MotDePasse\r\nDUPONT;\r\n");
  EXPECT_EQ(test::read_file(later), "Nom;MotDePasse\r\nMARTIN;s4cret\r\n");  // not due yet
  const auto again = state::password_files_due(store.database(), "2025-11-28");
  ASSERT_EQ(again.size(), 1u);  // the failure only: done and vanished files are forgotten
  EXPECT_EQ(again[0].path, broken);
}

TEST(BindPasswordFile, ReadableByOthersIsReported) {
  test::TempDir dir;
  const std::string secret = dir.write("bind.secret", "s3cret\n");
  const auto apply_with_mode = [&](unsigned mode) {
    ::chmod(secret.c_str(), mode);
    // No base_dn: the connector stops before connecting, after reading the secret.
    const auto connector = connectors::builtin_registry().create(
        test::connector_config("se3", "ldap-sambaedu",
                               {{"uri", "ldap://127.0.0.1:9"},
                                {"bind_dn", "cn=admin,dc=example"},
                                {"bind_password_file", secret},
                                {"base_dn", ""}}));
    plan::Plan plan;
    plan.items.push_back({});
    const model::Directory empty;
    const std::map<std::string, std::string> passwords;
    return connector->apply({plan, empty, empty, passwords, "r", "2025-11-20"});
  };
  const auto exposed = apply_with_mode(0644);
  ASSERT_EQ(exposed.warnings.size(), 1u);
  EXPECT_EQ(exposed.warnings[0].code, "LDAP_BIND_PASSWORD_FILE_EXPOSED");
  EXPECT_NE(text::french(exposed.warnings[0].message).find(secret), std::string::npos);
  EXPECT_NE(text::french(exposed.warnings[0].message).find("0644"), std::string::npos);
  EXPECT_NE(text::french(exposed.warnings[0].message).find("chmod 600"), std::string::npos);
  EXPECT_EQ(text::french(exposed.warnings[0].message).find("s3cret"), std::string::npos);
  EXPECT_TRUE(apply_with_mode(0600).warnings.empty());
  EXPECT_TRUE(apply_with_mode(0640).warnings.empty());
}

}  // namespace
}  // namespace edusync
