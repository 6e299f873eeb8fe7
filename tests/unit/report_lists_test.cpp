// Report lists at academy scale: a run with 20 000 warnings, items, new accounts, leavers and
// connector warnings gives report.json, report.txt and report.html of bounded size (counts and
// the first entries), and JSON Lines files beside them that hold every entry; the account sheets
// read the complete list of new accounts.
#include "report/report_lists.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/run_report.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

constexpr std::size_t kMany = 20000;

std::string number(std::size_t i) {
  return std::to_string(100000 + i);
}

report::RunReport large_report() {
  report::RunReport r;
  r.id = "20251120T020000Z-abcd";
  r.started = "2025-11-20T02:00:00Z";
  r.finished = "2025-11-20T02:10:00Z";
  r.status = "partial";
  r.school_year = "2025";
  r.uais = {"0140065T"};
  for (std::size_t i = 0; i < kMany; ++i) {
    plan::Item item;
    item.entity = plan::Entity::membership;
    item.op = i % 2 == 0 ? plan::Op::add : plan::Op::remove;
    item.key = "eleve:" + number(i);
    item.uai = "0140065T";
    item.structure = "D" + std::to_string(i % 400);
    r.plan.items.push_back(item);
  }
  for (std::size_t i = 0; i < 300; ++i) {
    plan::Item rename;
    rename.entity = plan::Entity::group;
    rename.op = plan::Op::rename;
    rename.key = "G" + number(i);
    rename.uai = "0140065T";
    rename.structure_kind = model::StructureKind::group;
    rename.fields = {{"code", "OLD" + number(i), "G" + number(i)}};
    r.plan.items.push_back(rename);
  }
  for (std::size_t i = 0; i < kMany; ++i) {
    r.warnings.push_back({"MISSING_INE",
                          text::verbatim("Élève sans INE : ELEVE " + number(i)),
                          {"eleve:" + number(i)},
                          "ElevesSansAdresses.xml:" + std::to_string(i + 10)});
  }
  for (std::size_t i = 0; i < 5; ++i) {  // a rare code after the many: it must not be hidden
    r.warnings.push_back({"DUPLICATE_GUARDIAN",
                          text::verbatim("Responsable enregistré deux fois " + number(i)),
                          {"personne:" + number(i), "personne:" + number(i + 1)},
                          "R.xml:1"});
  }
  for (std::size_t i = 0; i < kMany; ++i) {
    r.new_accounts.push_back({"eleve:" + number(i), "pupil", "login" + number(i), "NOM" + number(i),
                              "Prénom", "D" + std::to_string(i % 400)});
    r.leavers.push_back({"eleve:" + number(kMany + i), "pupil", "PARTI " + number(i),
                         "parti" + number(i), "2025-11-01", "2025-12-01"});
  }
  for (std::size_t i = 0; i < 3000; ++i) {
    r.ignored_inputs.push_back(
        {"/inbox/old" + number(i) + ".xml", text::verbatim("export plus ancien")});
  }
  report::ConnectorOutcome ldap{"sambaedu", "ldap-sambaedu",         "failed", 10,
                                kMany,      text::verbatim("échec"), {},       {}};
  for (std::size_t i = 0; i < kMany; ++i) {
    ldap.failures.push_back(text::verbatim("uid=login" + number(i) + " : refusé"));
    ldap.warnings.push_back({"LDAP_DRIFT",
                             text::verbatim("Dérive réparée sur login" + number(i)),
                             {"eleve:" + number(i)},
                             ""});
  }
  r.connectors.push_back(std::move(ldap));
  return r;
}

std::vector<nlohmann::json> read_lines(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

class ReportLists : public ::testing::Test {
 protected:
  void SetUp() override { report::write_report_files(report_, dir()); }
  std::string dir() const { return (temp_.path() / "report").string(); }
  std::string file(const std::string& name) const { return dir() + "/" + name; }

  test::TempDir temp_;
  report::RunReport report_ = large_report();
};

TEST_F(ReportLists, ReportFilesStayBoundedWhateverTheListSizes) {
  EXPECT_LT(std::filesystem::file_size(file("report.json")), 1u << 20);
  EXPECT_LT(std::filesystem::file_size(file("report.html")), 512u << 10);
  EXPECT_LT(std::filesystem::file_size(file("report.txt")), 8u << 10);
  const auto text = test::read_file(file("report.txt"));
  EXPECT_NE(text.find("MISSING_INE : 20000"), std::string::npos) << text;
  EXPECT_NE(text.find("new_accounts.jsonl"), std::string::npos) << text;
  EXPECT_NE(text.find("leavers.jsonl"), std::string::npos) << text;
  EXPECT_NE(text.find("connector_warnings.jsonl"), std::string::npos) << text;
  const auto html = test::read_file(file("report.html"));
  EXPECT_NE(html.find("warnings.jsonl"), std::string::npos);
  EXPECT_NE(html.find("items.jsonl"), std::string::npos);
  EXPECT_NE(html.find("leavers.jsonl"), std::string::npos);
  EXPECT_NE(html.find("connector_warnings.jsonl"), std::string::npos);
  EXPECT_NE(html.find("Responsable enregistré deux fois 100004"), std::string::npos);
}

TEST_F(ReportLists, ReportJsonHoldsTheFirstEntriesAndNamesTheCompleteLists) {
  const auto json = nlohmann::json::parse(test::read_file(file("report.json")));
  EXPECT_EQ(json["items"].size(), report::kJsonListed);
  EXPECT_EQ(json["new_accounts"].size(), report::kJsonListed);
  EXPECT_EQ(json["leavers"].size(), report::kJsonListed);
  EXPECT_EQ(json["ignored_inputs"].size(), report::kJsonListed);
  EXPECT_EQ(json["warnings"].size(), report::kJsonPerCode + 5);  // every DUPLICATE_GUARDIAN kept
  EXPECT_EQ(json["connectors"][0]["warnings"].size(), report::kJsonPerCode);
  EXPECT_EQ(json["connectors"][0]["failures"].size(), report::kJsonListed);
  const auto& lists = json["lists"];
  EXPECT_EQ(lists["items"]["count"], kMany + 300);
  EXPECT_EQ(lists["items"]["listed"], report::kJsonListed);
  EXPECT_EQ(lists["warnings"]["count"], kMany + 5);
  EXPECT_EQ(lists["warnings"]["by_code"]["MISSING_INE"], kMany);
  EXPECT_EQ(lists["warnings"]["by_code"]["DUPLICATE_GUARDIAN"], 5);
  EXPECT_EQ(lists["new_accounts"]["count"], kMany);
  EXPECT_EQ(lists["leavers"]["count"], kMany);
  EXPECT_EQ(lists["ignored_inputs"]["count"], 3000);
  EXPECT_EQ(lists["connector_warnings"]["count"], kMany);
  EXPECT_EQ(lists["connector_failures"]["count"], kMany);
  for (const auto& [name, list] : lists.items()) {
    const auto path = file(list["file"]);
    ASSERT_TRUE(std::filesystem::exists(path)) << name;
    EXPECT_EQ(read_lines(path).size(), list["count"].get<std::size_t>()) << name;
  }
  std::string output;
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/report.schema.json " + file("report.json") + " 2>&1",
                              output),
            0)
      << output;
}

TEST_F(ReportLists, JsonLinesHoldEveryEntryInOrder) {
  const auto items = read_lines(file("items.jsonl"));
  ASSERT_EQ(items.size(), kMany + 300);
  EXPECT_EQ(items[0]["key"], "eleve:" + number(0));
  EXPECT_EQ(items.back()["op"], "rename");
  const auto warnings = read_lines(file("warnings.jsonl"));
  ASSERT_EQ(warnings.size(), kMany + 5);
  EXPECT_EQ(warnings[kMany - 1]["keys"][0], "eleve:" + number(kMany - 1));
  EXPECT_EQ(warnings.back()["code"], "DUPLICATE_GUARDIAN");
  const auto leavers = read_lines(file("leavers.jsonl"));
  ASSERT_EQ(leavers.size(), kMany);
  EXPECT_EQ(leavers.back()["removal_on"], "2025-12-01");
  const auto connector = read_lines(file("connector_warnings.jsonl"));
  ASSERT_EQ(connector.size(), kMany);
  EXPECT_EQ(connector.back()["connector"], "sambaedu");
  EXPECT_EQ(connector.back()["code"], "LDAP_DRIFT");
  const auto failures = read_lines(file("connector_failures.jsonl"));
  ASSERT_EQ(failures.size(), kMany);
  EXPECT_EQ(failures.back()["message"], "uid=login" + number(kMany - 1) + " : refusé");
}

TEST_F(ReportLists, AccountSheetsReadEveryNewAccount) {
  const auto accounts = report::read_new_accounts(dir());
  ASSERT_EQ(accounts.size(), kMany);
  EXPECT_EQ(accounts.back().login, "login" + number(kMany - 1));
  EXPECT_EQ(accounts.back().division, "D" + std::to_string((kMany - 1) % 400));
}

TEST(ReportListsOfAnOlderReport, AccountSheetsFallBackToReportJson) {
  test::TempDir temp;
  report::RunReport r = large_report();
  r.new_accounts.resize(3);
  const auto dir = (temp.path() / "report").string();
  report::write_report_files(r, dir);
  std::filesystem::remove(dir + "/new_accounts.jsonl");  // as written before the JSON Lines files
  const auto accounts = report::read_new_accounts(dir);
  ASSERT_EQ(accounts.size(), 3u);
  EXPECT_EQ(accounts[2].login, "login" + number(2));
}

}  // namespace
}  // namespace edusync
