#include <gtest/gtest.h>

#include "common/ascii_fold.hpp"
#include "common/dates.hpp"
#include "common/text.hpp"

namespace edusync {
namespace {

TEST(Text, TrimRemovesXmlWhiteSpaceOnly) {
  EXPECT_EQ(trim("  6 A \r\n\t"), "6 A");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2\xA0x"), "\xC2\xA0x");  // a no-break space is data, not XML white space
}

TEST(Text, FoldNameIgnoresCaseAccentsLigaturesAndPunctuation) {
  EXPECT_EQ(fold_name("Lœtitia  d'Almeida-Durand"), "LOETITIA D ALMEIDA DURAND");
  EXPECT_EQ(fold_name("LÆTITIA"), fold_name("laetitia"));
  EXPECT_EQ(fold_name("Hélène CŒURDEVEY"), fold_name("helene coeurdevey"));
  EXPECT_EQ(fold_name("Çà Ÿ Šž"), "CA Y SZ");
}

TEST(Text, AllDigits) {
  EXPECT_TRUE(all_digits("030201"));
  EXPECT_FALSE(all_digits(""));
  EXPECT_FALSE(all_digits("12a"));
}

TEST(Dates, FrenchDatesBecomeIso) {
  EXPECT_EQ(parse_french_date("03/04/2012"), "2012-04-03");
  EXPECT_EQ(parse_french_date(" 14/11/2025 17:02:11 "), "2025-11-14");  // HORODATAGE
  EXPECT_EQ(parse_french_date("29/02/2024"), "2024-02-29");
  EXPECT_FALSE(parse_french_date("29/02/2025"));
  EXPECT_FALSE(parse_french_date("2012-04-03"));
  EXPECT_FALSE(parse_french_date("3/4/2012"));
  EXPECT_FALSE(parse_french_date(""));
}

TEST(Dates, IsoDatesAreValidated) {
  EXPECT_EQ(parse_iso_date("1980-01-02"), "1980-01-02");
  EXPECT_FALSE(parse_iso_date("1980-13-02"));
  EXPECT_FALSE(parse_iso_date("02/01/1980"));
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

TEST(Dates, DayArithmeticCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(days_between("2025-11-20", "2025-12-20"), 30);
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);
  EXPECT_EQ(days_between("2025-01-01", "2024-12-31"), -1);
  EXPECT_EQ(add_days("2025-12-20", 30), "2026-01-19");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(today_local().size(), 10u);
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

TEST(XmlEscape, EscapesTheFourMarkupCharactersAndNothingElse) {
  EXPECT_EQ(xml_escape(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;");
  EXPECT_EQ(xml_escape("Élève é"), "Élève é");
  EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace edusync
