// The four file targets on the committed sample (samples/college, then samples/college-next),
// through a real run (in process, real files, real state): golden files per format and option,
// the header's column count on every CSV line, the Pix XML read back by edusync's own SIECLE
// parser, passwords only for the run's new accounts, and the second run's deltas holding
// exactly the scenario's changes. EDUSYNC_UPDATE_GOLDEN=1 rewrites the golden files (then
// review them: `file`, `iconv -f latin1`).
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "config/config.hpp"
#include "connectors/files/csv.hpp"
#include "run/runner.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;
using connectors::files::CsvRow;
using connectors::files::parse_csv;

const char* kConnectors = R"(
  - {name: koxo, type: koxo-csv, dir: OUT/koxo}
  - {name: koxo-latin1, type: koxo-csv, dir: OUT/koxo-latin1, encoding: latin1, staff_group: Personnels}
  - {name: koxo-columns, type: koxo-csv, dir: OUT/koxo-columns, columns: "Nom;Prenom;IdentifiantUnique;Login;GroupeSecondaire", delta: false}
  - {name: ent, type: ent-csv, dir: OUT/ent, zip: true}
  - {name: ent-utf8, type: ent-csv, dir: OUT/ent-utf8, encoding: utf-8-bom}
  - {name: pix, type: pix-orga, dir: OUT/pix}
  - {name: pix-zip, type: pix-orga, dir: OUT/pix-zip, zip: true}
  - {name: pix-csv, type: pix-orga, dir: OUT/pix-csv, format: csv}
  - {name: elea, type: elea-csv, dir: OUT/elea, profile_field_division: classe, email_domain: clg.example}
  - {name: elea-manual, type: elea-csv, dir: OUT/elea-manual, auth: manual, delta: false}
  - {name: elea-export, type: elea-csv, dir: OUT/elea-export, format: ent-export}
)";

std::string sample(const std::string& path) {
  return std::string(EDUSYNC_SAMPLES) + "/" + path;
}

class FileTargetsOnSample : public ::testing::Test {
 protected:
  run::RunOutcome run(const std::string& sample_dir, const std::string& today) {
    fs::remove_all(dir_.path() / "inbox");
    fs::create_directories(dir_.path() / "inbox");
    for (const auto& entry : fs::directory_iterator(sample(sample_dir))) {
      if (entry.path().extension() == ".json") continue;
      fs::copy_file(entry.path(), dir_.path() / "inbox" / entry.path().filename());
    }
    std::string connectors = kConnectors;
    for (auto at = connectors.find("OUT"); at != std::string::npos; at = connectors.find("OUT")) {
      connectors.replace(at, 3, out());
    }
    const std::string text =
        "school: {uai: 0069500U, name: Sample}\nstate_dir: " + (dir_.path() / "state").string() +
        "\ninbox: " + (dir_.path() / "inbox").string() +
        "\nsafety: {max_departure_ratio: 0.5}\nidentity: {password_policy: birthdate}\n"
        "connectors:" +
        connectors;
    run::RunOptions options;
    options.today = today;
    return test::run_config(text, options);
  }

  std::string out() const { return (dir_.path() / "out").string(); }

  // The file of `connector` whose name holds the run date `day` and ends with `suffix`.
  std::string file(const std::string& connector, const std::string& day,
                   const std::string& suffix) const {
    for (const auto& entry : fs::directory_iterator(out() + "/" + connector)) {
      const auto name = entry.path().filename().string();
      if (name.find("_" + day + "_") != std::string::npos && name.ends_with(suffix))
        return test::read_file(entry.path());
    }
    ADD_FAILURE() << "no file *" << day << "*" << suffix << " for " << connector;
    return {};
  }

  static const report::ConnectorOutcome& outcome(const run::RunOutcome& run,
                                                 const std::string& name) {
    for (const auto& c : run.report.connectors) {
      if (c.name == name) return c;
    }
    throw std::runtime_error("no connector " + name);
  }

  test::TempDir dir_;
};

// Random initial passwords (people without a birth date) differ from run to run.
std::string mask_random_passwords(const std::string& koxo) {
  std::string masked;
  std::size_t start = 0;
  while (start < koxo.size()) {
    const auto end = koxo.find("\r\n", start);
    std::string line = koxo.substr(start, end - start);
    const auto last = line.rfind(';');
    const std::string password = line.substr(last + 1);
    const bool birth_date =
        password.size() == 8 && password.find_first_not_of("0123456789") == std::string::npos;
    if (!password.empty() && !birth_date && start > 3) line = line.substr(0, last + 1) + "<RANDOM>";
    masked += line + "\r\n";
    start = end + 2;
  }
  return masked;
}

void expect_golden(const std::string& name, const std::string& bytes) {
  const std::string path = std::string(EDUSYNC_GOLDEN) + "/files/" + name;
  if (std::getenv("EDUSYNC_UPDATE_GOLDEN") != nullptr) test::TempDir::write_absolute(path, bytes);
  EXPECT_TRUE(bytes == test::read_file(path)) << "golden file " << path << " differs";
}

std::string without_bom(const std::string& text) {
  return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

std::string unzip_single(const std::string& bytes, const std::string& member,
                         std::size_t& members) {
  test::TempDir dir;
  const auto path = dir.write("a.zip", bytes);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return {};
  members = static_cast<std::size_t>(zip_get_num_entries(archive, 0));
  std::string content;
  zip_stat_t stat;
  if (zip_stat(archive, member.c_str(), 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(archive, member.c_str(), 0);
    content.resize(static_cast<std::size_t>(stat.size));
    zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
  }
  zip_close(archive);
  return content;
}

TEST_F(FileTargetsOnSample, FirstRunMatchesTheGoldenFiles) {
  const auto first = run("college", "2026-01-30");
  ASSERT_EQ(first.status, run::Status::done) << first.report.error;
  const std::string day = "20260130";
  expect_golden("koxo_full.csv", mask_random_passwords(file("koxo", day, "_full.csv")));
  expect_golden("koxo_latin1_full.csv",
                mask_random_passwords(file("koxo-latin1", day, "_full.csv")));
  expect_golden("koxo_columns_full.csv", file("koxo-columns", day, "_full.csv"));
  for (const char* profile : {"Eleves", "Enseignants", "Parents", "Personnels"}) {
    expect_golden(std::string("ent_") + profile + ".csv",
                  file("ent", day, std::string("_") + profile + ".csv"));
  }
  expect_golden("ent_utf8_Eleves.csv", file("ent-utf8", day, "_Eleves.csv"));
  expect_golden("pix_ElevesSansAdresses.xml", file("pix", day, "_ElevesSansAdresses.xml"));
  expect_golden("pix_eleves.csv", file("pix-csv", day, "_eleves.csv"));
  expect_golden("elea_full.csv", file("elea", day, "_full.csv"));
  expect_golden("elea_export.csv", file("elea-export", day, "_export.csv"));
}

TEST_F(FileTargetsOnSample, EveryCsvLineHasTheHeadersColumnCount) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out())) {
    if (entry.path().extension() != ".csv") continue;
    const auto text = without_bom(test::read_file(entry.path()));
    const bool moodle = entry.path().parent_path().filename().string().starts_with("elea") &&
                        entry.path().parent_path().filename() != "elea-export";
    const auto rows = parse_csv(text, moodle ? ',' : ';');
    ASSERT_GE(rows.size(), 2u) << entry.path();
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 18u);  // 5 koxo, 8 ent, 1 pix, 4 elea
}

TEST_F(FileTargetsOnSample, FileEncodingsAndLineEndsAreTheImportersOnes) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  const std::string day = "20260130";
  const auto koxo = file("koxo", day, "_full.csv");
  EXPECT_TRUE(koxo.starts_with(
      "\xEF\xBB\xBF"
      "Civilite;Nom;Prenom;DateNaissance;IdentifiantUnique;GroupeSecondaire;"
      "Email;Telephone;TelephoneMobile;Fax;PageWeb;ChampLibre;Fonction;MotDePasse\r\n"));
  const auto latin1 = file("koxo-latin1", day, "_full.csv");
  EXPECT_NE(latin1.find("LEBOEUF;M\xE9lissa"), std::string::npos);  // Œ transliterated, é one byte
  const auto ent = file("ent", day, "_Eleves.csv");
  EXPECT_TRUE(
      ent.starts_with("Id;Nom;Pr\xE9nom;Date de naissance;INE;Courriel;Classe;Regroupement"));
  EXPECT_EQ(ent.find('\n'), ent.find("\r\n") + 1);
  EXPECT_TRUE(file("ent-utf8", day, "_Eleves.csv").starts_with("\xEF\xBB\xBFId;Nom;Prénom;"));
  EXPECT_TRUE(file("elea-export", day, "_export.csv")
                  .starts_with("\xEF\xBB\xBF\"Id\";\"Identifiant SIECLE\";"));
  std::size_t members = 0;
  const auto zip = file("ent", day, ".zip");
  EXPECT_EQ(unzip_single(zip, "Eleves.csv", members), ent);
  EXPECT_EQ(members, 4u);
  EXPECT_EQ(unzip_single(file("pix-zip", day, "_ElevesSansAdresses.zip"), "ElevesSansAdresses.xml",
                         members),
            file("pix", day, "_ElevesSansAdresses.xml"));
  EXPECT_EQ(members, 1u);
}

TEST_F(FileTargetsOnSample, RefusedRecordsAreInTheReportNotInTheFiles) {
  const auto first = run("college", "2026-01-30");
  ASSERT_EQ(first.status, run::Status::done);
  std::set<std::string> pix_codes;
  for (const auto& w : outcome(first, "pix").warnings) pix_codes.insert(w.code);
  // The sample's duplicated INE is reported as such (PIX_INE_DUPLICATE), not as a missing INE.
  EXPECT_EQ(pix_codes, (std::set<std::string>{"PIX_INE_MISSING", "PIX_INE_DUPLICATE",
                                              "PIX_SEX_MISSING", "PIX_BIRTH_DATE_MISSING"}));
  const auto xml = file("pix", "20260130", "_ElevesSansAdresses.xml");
  for (const auto& w : outcome(first, "pix").warnings) {
    EXPECT_NE(text::french(w.message).find("non écrit"), std::string::npos)
        << text::french(w.message);
    EXPECT_EQ(xml.find("<ID_NATIONAL>" + w.keys.at(0) + "<"), std::string::npos) << w.keys.at(0);
  }
  EXPECT_EQ(outcome(first, "pix").status, "ok");
  EXPECT_EQ(outcome(first, "koxo").warnings.size(), 0u);
  const auto json = test::read_file(first.report_dir + "/report.json");
  EXPECT_NE(json.find("\"PIX_INE_MISSING\""), std::string::npos);
  std::string output;
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/report.schema.json " + first.report_dir + "/report.json 2>&1",
                              output),
            0)
      << output;
  EXPECT_NE(test::read_file(first.report_dir + "/report.txt").find("PIX_SEX_MISSING"),
            std::string::npos);
}

TEST_F(FileTargetsOnSample, PixXmlIsReadBackByEdusyncsOwnParser) {
  const auto first = run("college", "2026-01-30");
  ASSERT_EQ(first.status, run::Status::done);
  const auto parsed = test::parse_string(file("pix", "20260130", "_ElevesSansAdresses.xml"));
  EXPECT_EQ(parsed.kind, sources::ExportKind::siecle_eleves);
  EXPECT_EQ(parsed.header.uai, "0069500U");
  EXPECT_EQ(parsed.header.school_year, "2025");
  EXPECT_TRUE(parsed.issues.empty());
  const auto& data = std::get<sources::ElevesExport>(parsed.data);
  const std::size_t current =
      static_cast<std::size_t>(first.report.totals["pupils"].get<std::int64_t>());
  EXPECT_EQ(data.pupils.size(), current - outcome(first, "pix").warnings.size());
  std::set<std::string> ines;
  for (const auto& record : data.pupils) {
    EXPECT_FALSE(record.id_national.empty());
    EXPECT_TRUE(ines.insert(record.id_national).second) << record.id_national;
    EXPECT_FALSE(record.pupil.birth_date.empty());
    EXPECT_NE(record.pupil.sex, model::Sex::unknown);
    if (record.pupil.birth_country == "100") {
      EXPECT_FALSE(record.pupil.birth_commune.empty());
    }
  }
  EXPECT_EQ(data.structures.size(), data.pupils.size());
  for (const auto& s : data.structures) EXPECT_EQ(s.type, 'D');
  EXPECT_NE(file("pix", "20260130", "_ElevesSansAdresses.xml").find("LEB\xBCUF"),
            std::string::npos);  // Œ in Latin-9
}

// Rows of a CSV keyed by one column.
std::map<std::string, CsvRow> rows_by(const std::string& text, char separator,
                                      std::size_t key_column) {
  std::map<std::string, CsvRow> rows;
  auto parsed = parse_csv(without_bom(text), separator);
  for (std::size_t i = 1; i < parsed.size(); ++i) rows[parsed[i][key_column]] = parsed[i];
  return rows;
}

TEST_F(FileTargetsOnSample, SecondRunDeltaHoldsExactlyTheScenarioChanges) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  const auto second = run("college-next", "2026-02-02");
  ASSERT_EQ(second.status, run::Status::done) << second.report.error;
  const std::string day = "20260202";
  // KOXO (IdentifiantUnique, column 4): the arrival, the new teacher, the class change, the
  // rename; the three leavers are only missing from the full file.
  const auto koxo = rows_by(file("koxo", day, "_delta.csv"), ';', 4);
  EXPECT_EQ(koxo.size(), 4u);
  EXPECT_EQ(koxo.at("11151")[5], "3E 1");          // DENIS-CARON: 4E 1 -> 3E 1
  EXPECT_EQ(koxo.at("56782")[2], "Chloé-Marie");   // CHARPENTIER renamed
  EXPECT_EQ(koxo.at("P99001")[12], "Enseignant");  // ARRIVÉE Hélène, new teacher
  EXPECT_EQ(koxo.at("99901")[13], "20130308");     // NOUVEL Noémie, new: her password
  const auto full = rows_by(file("koxo", day, "_full.csv"), ';', 4);
  EXPECT_EQ(full.at("11151")[13], "");  // no password for an account created earlier
  // Éléa (idnumber, column 5): the same four, the leavers suspended, and the members and the
  // teacher of the group 5 LAT renamed 5 LATIN, whose cohort is named after the new code.
  const auto elea = rows_by(file("elea", day, "_delta.csv"), ',', 5);
  EXPECT_EQ(elea.size(), 11u);
  for (const char* leaver : {"215949812XE", "553172039AZ", "772685332HD"})
    EXPECT_EQ(elea.at(leaver)[6], "1");
  EXPECT_EQ(elea.at("022473181GO")[7], "0069500U-3E 1");
  for (const char* renamed : {"155702069QU", "493796013NH", "600586381RH", "P6990"}) {
    const auto& row = elea.at(renamed);
    EXPECT_NE(std::find(row.begin(), row.end(), "0069500U-groupe-5 LATIN"), row.end()) << renamed;
  }
  expect_golden("koxo_second_delta.csv", mask_random_passwords(file("koxo", day, "_delta.csv")));
  expect_golden("elea_second_delta.csv", file("elea", day, "_delta.csv"));
  // Pix has no delta: its full file is the list, the leavers are no longer in it.
  EXPECT_EQ(file("pix", day, "_ElevesSansAdresses.xml").find("215949812XE"), std::string::npos);
}

TEST_F(FileTargetsOnSample, PasswordsOnlyForTheRunsNewAccountsAndOnlyWithAPasswordColumn) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  ASSERT_EQ(run("college-next", "2026-02-02").status, run::Status::done);
  const auto manual = parse_csv(file("elea-manual", "20260202", "_full.csv"), ',');
  ASSERT_EQ(manual[0][6], "password");
  std::set<std::string> with_password;
  for (std::size_t i = 1; i < manual.size(); ++i) {
    if (!manual[i][6].empty()) with_password.insert(manual[i][0]);
  }
  EXPECT_EQ(with_password, (std::set<std::string>{"nouveln", "arriveeh"}));
  const auto cas = parse_csv(file("elea", "20260202", "_full.csv"), ',');
  EXPECT_EQ(std::count(cas[0].begin(), cas[0].end(), "password"), 0);
  EXPECT_EQ(file("ent", "20260202", "_Eleves.csv").find("20130308"), std::string::npos);
}

TEST_F(FileTargetsOnSample, OldRunsAreRotatedAndAnUnchangedRunWritesNothing) {
  ASSERT_EQ(run("college", "2026-01-30").status, run::Status::done);
  const auto count = [&](const std::string& connector) {
    return std::distance(fs::directory_iterator(out() + "/" + connector), fs::directory_iterator());
  };
  EXPECT_EQ(count("koxo"), 2);
  ASSERT_EQ(run("college", "2026-01-31").status,
            run::Status::done);  // same exports: nothing to apply
  EXPECT_EQ(count("koxo"), 2);
  EXPECT_EQ(count("ent"), 5);
}

}  // namespace
}  // namespace edusync
