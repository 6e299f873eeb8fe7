// The common CSV writer and readers (common/csv.hpp).
#include "common/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace edusync {
namespace {

TEST(Csv, QuotedFieldsRoundTrip) {
  const CsvTable table{
      {"nom", "remarque", "vide"},
      {{"Dupont", "dit \"Jo\"", ""}, {"N'Diaye", "a;b", "l1\r\nl2"}, {"Lœtitia", "\"", "fin\n"}}};
  for (const CsvStyle& style :
       {CsvStyle{';', "\r\n", false}, CsvStyle{',', "\n", false}, CsvStyle{';', "\r\n", true}}) {
    const std::string text = csv_text(table, style);
    std::vector<CsvRow> expected{table.header};
    expected.insert(expected.end(), table.rows.begin(), table.rows.end());
    EXPECT_EQ(parse_csv(text, style.separator), expected) << text;
    std::vector<CsvRow> read;
    for (auto& record : read_csv(text, style.separator)) read.push_back(record.cells);
    EXPECT_EQ(read, expected) << text;
  }
}

TEST(Csv, ReaderCountsLinesAcrossQuotedLineBreaks) {
  const std::string text =
      "a;b\r\n"
      "\"deux\r\nlignes\";x\r\n"
      "\n"
      "c;d\n"
      "\"trois\nlignes\nici\";y\n"
      "e;f";
  const auto records = read_csv(text, ';');
  ASSERT_EQ(records.size(), 5U);
  EXPECT_EQ(records[0].line, 1U);
  EXPECT_EQ(records[1].line, 2U);
  EXPECT_EQ(records[1].cells, (CsvRow{"deux\r\nlignes", "x"}));
  EXPECT_EQ(records[2].line, 5U);  // line 4 is empty and skipped
  EXPECT_EQ(records[3].line, 6U);
  EXPECT_EQ(records[4].line, 9U);
  EXPECT_EQ(records[4].cells, (CsvRow{"e", "f"}));
}

TEST(Csv, ReaderSkipsTheByteOrderMark) {
  const auto records = read_csv("\xEF\xBB\xBFUAI;nom\r\n0140065T;Collège\r\n", ';');
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].cells, (CsvRow{"UAI", "nom"}));
  EXPECT_EQ(records[1].cells, (CsvRow{"0140065T", "Collège"}));
}

TEST(Csv, ReaderKeepsAQuoteInsideAnUnquotedField) {
  const auto records = read_csv("écran 15\";O'Neil\n", ';');
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].cells, (CsvRow{"écran 15\"", "O'Neil"}));
}

// The error read_csv throws for `text` (a failure when it throws none).
CsvError read_error(std::string_view text) {
  try {
    (void)read_csv(text, ';');
  } catch (const CsvError& error) {
    return error;
  }
  ADD_FAILURE() << "no error for " << text;
  return CsvError(0, "");
}

TEST(Csv, ReaderReportsAnUnclosedQuoteAtTheLineItOpens) {
  const CsvError error = read_error("a;b\nc;\"ouvert\nsuite\nfin");
  EXPECT_EQ(error.line(), 2U);
  EXPECT_STREQ(error.what(), "ligne 2 : guillemet ouvrant sans guillemet fermant");
}

TEST(Csv, ReaderReportsTextAfterAClosingQuote) {
  const CsvError error = read_error("a;b\n\"x\"\"y\";z\n\"x\"é;z\n");
  EXPECT_EQ(error.line(), 3U);
  EXPECT_NE(std::string(error.what()).find("« é » après un guillemet fermant"), std::string::npos)
      << error.what();
}

TEST(Csv, LenientParserNeverFails) {
  EXPECT_EQ(parse_csv("\n", ';'), (std::vector<CsvRow>{{""}}));
  EXPECT_EQ(parse_csv("\"ouvert", ';'), (std::vector<CsvRow>{{"ouvert"}}));
  EXPECT_EQ(parse_csv("a\"b;c\"d", ';'), (std::vector<CsvRow>{{"ab;cd"}}));
  EXPECT_EQ(parse_csv("a;", ';'), (std::vector<CsvRow>{{"a", ""}}));
  EXPECT_TRUE(parse_csv("", ';').empty());
}

}  // namespace
}  // namespace edusync
