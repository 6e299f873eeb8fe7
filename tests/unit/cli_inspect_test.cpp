// The real binary: exit codes, text and JSON output of `edusync inspect`, JSON schema.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;
const std::string kData = EDUSYNC_TEST_DATA;

std::string handmade_files() {
  return kData + "/handmade/eleves.xml " + kData + "/handmade/responsables.xml " + kData +
         "/handmade/sts.xml";
}

TEST(CliInspect, TextOutputListsFilesTotalsAndWarnings) {
  std::string output;
  ASSERT_EQ(test::run_command(kBinary + " inspect --today 2025-11-20 " + handmade_files(), output),
            0);
  EXPECT_NE(output.find("siecle-eleves (version 3.0), UAI 0140065T, année 2025-2026"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("élèves            5"), std::string::npos) << output;
  EXPECT_NE(output.find("DUPLICATE_GUARDIAN (1)"), std::string::npos) << output;
  EXPECT_NE(output.find("TEACHER_WITHOUT_SERVICE (1)"), std::string::npos) << output;
}

TEST(CliInspect, JsonOutputMatchesTheSchema) {
  test::TempDir dir;
  const std::string json_path = (dir.path() / "inspect.json").string();
  std::string output;
  ASSERT_EQ(test::run_command(kBinary + " inspect --json " + handmade_files() + " > " + json_path,
                              output),
            0);
  const auto json = nlohmann::json::parse(test::read_file(json_path));
  EXPECT_EQ(json["totals"]["pupils"], 5);
  EXPECT_EQ(json["totals"]["guardians"], 3);
  EXPECT_EQ(json["totals"]["staff"], 4);
  EXPECT_EQ(json["sources"].size(), 3u);
  EXPECT_EQ(json["sources"][0]["kind"], "siecle-eleves");
  EXPECT_EQ(json["sources"][2]["export_date"], nullptr);
  EXPECT_EQ(json["warnings"].size(), 9u);
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/model.schema.json";
  EXPECT_EQ(test::run_command(
                std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + json_path + " 2>&1", output),
            0)
      << output;
}

TEST(CliInspect, SchemaValidatorRejectsADocumentThatDrifted) {
  test::TempDir dir;
  const std::string drifted =
      dir.write("drifted.json", R"({"sources": [], "totals": {}, "warnings": []})");
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/model.schema.json";
  std::string output;
  EXPECT_EQ(test::run_command(
                std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + drifted + " 2>&1", output),
            1);
  EXPECT_NE(output.find("model"), std::string::npos) << output;
}

TEST(CliInspect, MalformedFileExitsOneWithFileLineColumn) {
  test::TempDir dir;
  const std::string bad = dir.write("bad.xml", "<BEE_ELEVES>\n  <PARAMETRES>\n</BEE_ELEVES>\n");
  std::string output;
  EXPECT_EQ(test::run_command(kBinary + " inspect " + bad + " 2>&1", output), 1);
  EXPECT_NE(output.find(bad + ":3:"), std::string::npos) << output;
  EXPECT_NE(output.find("mal formé"), std::string::npos) << output;
}

TEST(CliInspect, WrongUaiExitsOne) {
  std::string output;
  EXPECT_EQ(
      test::run_command(kBinary + " inspect --uai 0999999Z " + handmade_files() + " 2>&1", output),
      1);
  EXPECT_NE(output.find("0999999Z"), std::string::npos) << output;
}

TEST(CliInspect, UsageErrorsExitTwo) {
  std::string output;
  EXPECT_EQ(test::run_command(kBinary + " inspect 2>&1", output), 2);
  EXPECT_EQ(test::run_command(kBinary + " frobnicate 2>&1", output), 2);
  EXPECT_EQ(test::run_command(kBinary + " 2>&1", output), 2);
}

}  // namespace
}  // namespace edusync
