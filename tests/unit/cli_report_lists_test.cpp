// The real binary on a school of 1 500 pupils: report.json holds the first 1 000 new accounts,
// new_accounts.jsonl and items.jsonl hold them all, and the account sheets (`edusync accounts`)
// list every account created, not only those report.json shows.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/report_lists.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;
constexpr std::size_t kPupils = 1500;

// Three capital letters, a different surname for each pupil (logins are made from names).
std::string letters(std::size_t i) {
  return {static_cast<char>('A' + i / 676 % 26), static_cast<char>('A' + i / 26 % 26),
          static_cast<char>('A' + i % 26)};
}

// Pupil number I's ELEVE record.
std::string eleve(std::size_t i) {
  const std::string id = std::to_string(1000000 + i);
  return "<ELEVE ELEVE_ID=\"" + id + "\"><ID_NATIONAL>" + std::to_string(100000000 + i) +
         "AB</ID_NATIONAL><NOM_DE_FAMILLE>NOM" + letters(i) + "</NOM_DE_FAMILLE><PRENOM>N" + id +
         "</PRENOM><DATE_NAISS>01/01/2012</DATE_NAISS><CODE_SEXE>1</CODE_SEXE></ELEVE>";
}

std::string eleves_xml() {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_ELEVES VERSION=\"3.0\"><PARAMETRES>"
      "<UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE><DATE_EXPORT>14/11/2025</"
      "DATE_EXPORT>"
      "<HORODATAGE>14/11/2025 17:02:11</HORODATAGE></PARAMETRES><DONNEES><ELEVES>";
  for (std::size_t i = 0; i < kPupils; ++i) xml += eleve(i);
  xml += "</ELEVES><STRUCTURES>";
  for (std::size_t i = 0; i < kPupils; ++i) {
    xml += "<STRUCTURES_ELEVE ELEVE_ID=\"" + std::to_string(1000000 + i) +
           "\"><STRUCTURE><CODE_STRUCTURE>6 " + std::to_string(i % 50) +
           "</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>";
  }
  return xml + "</STRUCTURES></DONNEES></BEE_ELEVES>\n";
}

std::size_t count_lines(const std::string& path) {
  std::ifstream in(path);
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

TEST(CliReportLists, AccountSheetsListEveryNewAccountOfALargeRun) {
  test::TempDir dir;
  dir.write("inbox/ElevesSansAdresses.xml", eleves_xml());
  const auto config = dir.write(
      "edusync.yaml",
      "school: {uai: 0140065T, name: Test}\nstate_dir: " + (dir.path() / "state").string() +
          "\ninbox: " + (dir.path() / "inbox").string() +
          "\nidentity: {uid_range: {first: 1001, last: 9999}}\nconnectors:\n"
          "  - {name: audit, type: journal, path: " +
          (dir.path() / "journal.jsonl").string() + "}\n");
  const std::string edusync = kBinary + " --config " + config + " ";
  std::string output;
  ASSERT_EQ(test::run_command(edusync + "run --today 2025-11-20 --settle-ms 0 2>&1", output), 0)
      << output;
  ASSERT_EQ(test::run_command(edusync + "report --format json", output), 0) << output;
  const auto report = nlohmann::json::parse(output);
  const std::string run_dir =
      (dir.path() / "state" / "reports" / report["run"]["id"].get<std::string>()).string();
  EXPECT_EQ(report["new_accounts"].size(), report::kJsonListed);
  EXPECT_EQ(report["lists"]["new_accounts"]["count"], kPupils);
  EXPECT_EQ(count_lines(run_dir + "/new_accounts.jsonl"), kPupils);
  EXPECT_EQ(report["items"].size(), report::kJsonListed);
  EXPECT_EQ(count_lines(run_dir + "/items.jsonl"),
            report["lists"]["items"]["count"].get<std::size_t>());
  EXPECT_GT(report["lists"]["items"]["count"].get<std::size_t>(),
            2 * kPupils);  // pupils + memberships

  ASSERT_EQ(test::run_command(edusync + "accounts --format csv --today 2025-11-20 2>&1", output), 0)
      << output;
  EXPECT_NE(output.find(std::to_string(kPupils) + " comptes"), std::string::npos) << output;
  const auto csv = test::read_file(run_dir + "/accounts.csv");
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')),
            kPupils + 1);                                // + header
  EXPECT_NE(csv.find(";N1001499;"), std::string::npos);  // the last pupil, far past report.json's
}

}  // namespace
}  // namespace edusync
