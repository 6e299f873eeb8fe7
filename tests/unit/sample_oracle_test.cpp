// The committed sample (tools/generator, seed 42) against the generator's own ground truth
// (expected.json, computed from its in-memory population, not by parsing), and the golden
// `inspect --json` of the sample.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kSamples = EDUSYNC_SAMPLES;

nlohmann::json inspect(const std::string& arguments) {
  std::string output;
  const int rc = test::run_command("cd " + kSamples + "/.. && " + std::string(EDUSYNC_BINARY) +
                                       " inspect --json --today 2026-01-20 " + arguments,
                                   output);
  EXPECT_EQ(rc, 0) << output;
  return nlohmann::json::parse(output);
}

std::map<std::string, int> warning_counts(const nlohmann::json& inspection) {
  std::map<std::string, int> counts;
  for (const auto& warning : inspection["warnings"]) counts[warning["code"]]++;
  return counts;
}

void expect_matches_oracle(const nlohmann::json& inspection, const nlohmann::json& school) {
  const auto& counts = school["counts"];
  const auto& totals = inspection["totals"];
  EXPECT_EQ(totals["pupils"], counts["current_pupils"]);
  EXPECT_EQ(totals["guardians"], counts["guardians"]);
  EXPECT_EQ(totals["other_contacts"],
            counts["persons_in_charge"].get<int>() + counts["contacts"].get<int>());
  EXPECT_EQ(totals["staff"], counts["staff"]);
  EXPECT_EQ(totals["divisions"], counts["divisions"]);
  EXPECT_EQ(totals["groups"], counts["groups"]);
  EXPECT_EQ(totals["subjects"], counts["subjects"]);
  EXPECT_EQ(totals["services"], counts["services"]);
  EXPECT_EQ(totals["ignored"]["staff_without_role"], counts["ignored_individus"]);
  std::map<std::string, int> expected;
  for (const auto& [code, count] : school["warnings"].items()) {
    if (count.get<int>() > 0) expected[code] = count;
  }
  EXPECT_EQ(warning_counts(inspection), expected);
}

TEST(SampleOracle, CollegeMatchesTheGeneratorsGroundTruth) {
  const auto expected = nlohmann::json::parse(test::read_file(kSamples + "/college/expected.json"));
  const auto inspection = inspect("samples/college/*.zip samples/college/*.xml");
  expect_matches_oracle(inspection, expected["schools"][0]);
  EXPECT_EQ(inspection["sources"][0]["path"],
            "samples/college/ExportXML_ElevesSansAdresses.zip:ElevesSansAdresses.xml");
}

TEST(SampleOracle, Pre2018ResponsablesGiveTheSameGuardians) {
  const auto expected = nlohmann::json::parse(test::read_file(kSamples + "/pre2018/expected.json"));
  const auto inspection = inspect(
      "samples/college/*.zip samples/pre2018/ResponsablesAvecAdresses.xml "
      "samples/college/Structures.xml samples/college/Nomenclature.xml "
      "samples/college/sts_emp_*.xml");
  expect_matches_oracle(inspection, expected["schools"][0]);
  EXPECT_EQ(inspection["sources"][1]["version"], "1.9");
}

TEST(SampleOracle, InspectJsonOfTheSampleMatchesItsGoldenFile) {
  const auto inspection = inspect("samples/college/*.zip samples/college/*.xml");
  const std::string golden = std::string(EDUSYNC_GOLDEN) + "/inspect_college.json";
  const std::string text = inspection.dump(2) + "\n";
  if (std::getenv("EDUSYNC_UPDATE_GOLDEN") != nullptr) test::TempDir::write_absolute(golden, text);
  EXPECT_EQ(text, test::read_file(golden))
      << "golden file " << golden << " (EDUSYNC_UPDATE_GOLDEN=1 rewrites it)";
  std::string output;
  test::TempDir dir;
  const auto path = dir.write("inspect.json", text);
  EXPECT_EQ(test::run_command(std::string(EDUSYNC_VALIDATOR) + " " + EDUSYNC_SCHEMAS +
                                  "/model.schema.json " + path + " 2>&1",
                              output),
            0)
      << output;
}

}  // namespace
}  // namespace edusync
