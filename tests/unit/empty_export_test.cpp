// A well-formed export without a single record is said, not taken silently as "nobody".
#include <gtest/gtest.h>

#include <algorithm>

#include "assemble/assemble.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

const char* const kEmptyPupils = R"(<?xml version="1.0" encoding="UTF-8"?>
<BEE_ELEVES VERSION="3.0">
<PARAMETRES><UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>
<DATE_EXPORT>14/11/2025</DATE_EXPORT><HORODATAGE>14/11/2025 17:02:11</HORODATAGE></PARAMETRES>
<DONNEES><ELEVES>
</ELEVES><STRUCTURES/></DONNEES></BEE_ELEVES>
)";

std::size_t count_code(const std::vector<model::Warning>& warnings, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(warnings.begin(), warnings.end(),
                                                [&](const auto& w) { return w.code == code; }));
}

TEST(EmptyExport, AnExportWithoutRecordsIsWarnedWithItsSchool) {
  std::vector<sources::ParsedExport> parsed;
  parsed.push_back(test::parse_string(kEmptyPupils));
  const auto result = assemble::assemble(parsed, {{}, "2025-11-20"});
  ASSERT_EQ(count_code(result.warnings, "EMPTY_EXPORT"), 1u);
  const auto& warning = *std::find_if(result.warnings.begin(), result.warnings.end(),
                                      [](const auto& w) { return w.code == "EMPTY_EXPORT"; });
  EXPECT_NE(text::french(warning.message).find("siecle-eleves"), std::string::npos)
      << text::french(warning.message);
  EXPECT_NE(text::french(warning.message).find("0140065T"), std::string::npos)
      << text::french(warning.message);
}

TEST(EmptyExport, TheSampleHasNone) {
  auto parsed = sources::parse_files(
      {std::string(EDUSYNC_SAMPLES) + "/college/ExportXML_ElevesSansAdresses.zip",
       std::string(EDUSYNC_SAMPLES) + "/college/ResponsablesAvecAdresses.xml"},
      2);
  const auto result = assemble::assemble(parsed, {{}, "2025-11-20"});
  EXPECT_EQ(count_code(result.warnings, "EMPTY_EXPORT"), 0u);
}

}  // namespace
}  // namespace edusync
