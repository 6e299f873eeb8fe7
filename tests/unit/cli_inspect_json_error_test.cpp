// `inspect --json` prints one JSON document on stdout whatever goes wrong, the command line
// included: a program reading it never has to guess from an empty output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;

TEST(InspectJsonUsageError, AnOptionCli11RefusesStillGivesTheErrorObject) {
  test::TempDir dir;
  const std::string json_path = (dir.path() / "error.json").string();
  std::string output;
  ASSERT_EQ(test::run_command(kBinary + " inspect --json --no-such-option " +
                                  std::string(EDUSYNC_SAMPLES) +
                                  "/college/Nomenclature.xml 2>/dev/null > " + json_path,
                              output),
            2);
  const auto json = nlohmann::json::parse(test::read_file(json_path));
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/inspect-error.schema.json";
  EXPECT_EQ(test::run_command(
                std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + json_path + " 2>&1", output),
            0)
      << output;
  EXPECT_EQ(json["error"]["code"], "USAGE_ERROR");
  EXPECT_NE(json["error"]["message"].get<std::string>().find("--no-such-option"), std::string::npos)
      << json.dump();
}

TEST(InspectJsonUsageError, WithoutJsonNothingIsPrintedOnStdout) {
  test::TempDir dir;
  const std::string out_path = (dir.path() / "out.txt").string();
  std::string output;
  EXPECT_EQ(test::run_command(kBinary + " inspect --no-such-option x.xml 2>/dev/null > " + out_path,
                              output),
            2);
  EXPECT_EQ(test::read_file(out_path), "");
}

}  // namespace
}  // namespace edusync
