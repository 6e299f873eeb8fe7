// The shared ISO-8859-15 table, both ways (common/latin9.hpp).
#include "common/latin9.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "common/utf8.hpp"

namespace edusync::latin9 {
namespace {

std::string utf8_of(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

TEST(Latin9, TheEightBytesThatDifferFromLatin1) {
  const std::string latin9 = "\xA4\xA6\xA8\xB4\xB8\xBC\xBD\xBE";
  EXPECT_EQ(to_utf8(latin9), "€ŠšŽžŒœŸ");
  EXPECT_EQ(from_utf8_strict("€ŠšŽžŒœŸ"), latin9);
  for (const Difference& difference : kDifferences) {
    EXPECT_EQ(code_point(difference.byte), difference.latin9);
    EXPECT_EQ(byte_of(difference.latin9), static_cast<char>(difference.byte));
    // The Latin-1 character that had this byte has none in Latin-9.
    EXPECT_EQ(byte_of(difference.latin1), std::nullopt) << static_cast<unsigned>(difference.latin1);
  }
}

TEST(Latin9, EveryOtherByteIsItsLatin1Character) {
  for (unsigned byte = 0; byte < 0x100; ++byte) {
    bool differs = false;
    for (const Difference& difference : kDifferences) differs |= difference.byte == byte;
    if (differs) continue;
    EXPECT_EQ(code_point(static_cast<unsigned char>(byte)), byte);
    EXPECT_EQ(byte_of(byte), static_cast<char>(byte));
  }
}

TEST(Latin9, EveryByteRoundTripsThroughUtf8) {
  std::string all;
  for (unsigned byte = 0; byte < 0x100; ++byte) all.push_back(static_cast<char>(byte));
  const std::string utf8 = to_utf8(all);
  EXPECT_TRUE(utf8::is_valid(utf8));
  EXPECT_EQ(from_utf8_strict(utf8), all);
}

TEST(Latin9, FrenchTextBothWays) {
  const std::string utf8 = "Hélène CŒURDEVEY, élève de 3ème, 12 € ; façon « Ÿ »";
  const std::string latin9 = from_utf8_strict(utf8);
  EXPECT_EQ(latin9.size(), count_code_points(utf8));  // one byte a character
  EXPECT_EQ(latin9.substr(0, 6), "H\xE9l\xE8ne");
  EXPECT_EQ(to_utf8(latin9), utf8);
}

TEST(Latin9, LongAsciiRunsAreCopiedWhole) {
  const std::string ascii(1000, 'x');
  EXPECT_EQ(from_utf8_strict(ascii + "é" + ascii), ascii + "\xE9" + ascii);
}

TEST(Latin9, StrictConversionNamesTheFirstUnmappableCharacter) {
  EXPECT_EQ(byte_of(0x141), std::nullopt);  // Ł
  try {
    (void)from_utf8_strict("Łukasz");
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "character not encodable in ISO-8859-15: Ł");
  }
  EXPECT_THROW((void)from_utf8_strict("¤"), std::runtime_error);     // Latin-1 only
  EXPECT_THROW((void)from_utf8_strict("\xC3"), std::runtime_error);  // not UTF-8
}

TEST(Latin9, TheCallerReplacesWhatLatin9CannotHold) {
  std::vector<Unmappable> seen;
  std::string out = "<";
  append_from_utf8(out,
                   "a’b\xFF"
                   "c¼",
                   [&](const Unmappable& character) {
                     seen.push_back(character);
                     return std::string(character.valid ? "'" : "?");
                   });
  EXPECT_EQ(out, "<a'b?c'");
  ASSERT_EQ(seen.size(), 3U);
  EXPECT_EQ(seen[0].sequence, "’");
  EXPECT_EQ(seen[0].code_point, 0x2019U);
  EXPECT_TRUE(seen[0].valid);
  EXPECT_EQ(seen[1].sequence, "\xFF");
  EXPECT_EQ(seen[1].code_point, utf8::kReplacement);
  EXPECT_FALSE(seen[1].valid);
  EXPECT_EQ(seen[2].sequence, utf8_of(0xBC));
}

}  // namespace
}  // namespace edusync::latin9
