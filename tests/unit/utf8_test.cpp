// The shared UTF-8 decoder and encoder (common/utf8.hpp).
#include "common/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace edusync::utf8 {
namespace {

Decoded decode_all(std::string_view text) {
  return decode(text, 0);
}

TEST(Utf8, DecodesOneToFourByteSequences) {
  EXPECT_EQ(decode_all("A").code_point, U'A');
  EXPECT_EQ(decode_all("A").length, 1U);
  const Decoded e_acute = decode_all("\xC3\xA9");
  EXPECT_TRUE(e_acute.valid);
  EXPECT_EQ(e_acute.code_point, 0xE9U);
  EXPECT_EQ(e_acute.length, 2U);
  const Decoded euro = decode_all("\xE2\x82\xAC");
  EXPECT_EQ(euro.code_point, 0x20ACU);
  EXPECT_EQ(euro.length, 3U);
  const Decoded emoji = decode_all("\xF0\x9F\x98\x80");
  EXPECT_EQ(emoji.code_point, 0x1F600U);
  EXPECT_EQ(emoji.length, 4U);
  EXPECT_EQ(decode("x\xC5\x93", 1).code_point, 0x153U);  // œ, decoded where it starts
}

TEST(Utf8, IllFormedSequencesTakeOneByteAndReadAsReplacement) {
  for (const std::string& bytes : {
           std::string("\x80"),  // continuation byte alone
           std::string("\xC3"),  // truncated at the end
           std::string("\xC3"
                       "A"),                 // lead byte followed by ASCII
           std::string("\xC0\xAF"),          // overlong '/'
           std::string("\xE0\x80\xAF"),      // overlong, three bytes
           std::string("\xED\xA0\x80"),      // surrogate U+D800
           std::string("\xF4\x90\x80\x80"),  // above U+10FFFF
           std::string("\xF5\x80\x80\x80"),  // F5 never starts a sequence
           std::string("\xFF"),
       }) {
    const Decoded decoded = decode_all(bytes);
    EXPECT_FALSE(decoded.valid) << testing::PrintToString(bytes);
    EXPECT_EQ(decoded.code_point, kReplacement);
    EXPECT_EQ(decoded.length, 1U);
  }
  // The ASCII byte after a broken sequence is still read.
  EXPECT_EQ(decode("\xC3"
                   "A",
                   1)
                .code_point,
            U'A');
}

TEST(Utf8, AcceptsTheLimitsOfEachForm) {
  EXPECT_TRUE(decode_all("\xC2\x80").valid);          // U+0080
  EXPECT_TRUE(decode_all("\xE0\xA0\x80").valid);      // U+0800
  EXPECT_TRUE(decode_all("\xED\x9F\xBF").valid);      // U+D7FF, just below the surrogates
  EXPECT_TRUE(decode_all("\xEE\x80\x80").valid);      // U+E000, just above them
  EXPECT_TRUE(decode_all("\xF0\x90\x80\x80").valid);  // U+10000
  EXPECT_EQ(decode_all("\xF4\x8F\xBF\xBF").code_point, 0x10FFFFU);
}

TEST(Utf8, SequenceLengthFollowsTheLeadByte) {
  EXPECT_EQ(sequence_length('a'), 1U);
  EXPECT_EQ(sequence_length(0xC2), 2U);
  EXPECT_EQ(sequence_length(0xDF), 2U);
  EXPECT_EQ(sequence_length(0xE0), 3U);
  EXPECT_EQ(sequence_length(0xF4), 4U);
  for (const int never : {0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF}) {
    EXPECT_EQ(sequence_length(static_cast<unsigned char>(never)), 0U) << never;
  }
  EXPECT_TRUE(is_continuation(0x80));
  EXPECT_FALSE(is_continuation(0xC3));
}

TEST(Utf8, EncodesEveryLengthAndRoundTrips) {
  std::string out;
  append(out, U'A');
  append(out, 0xE9);
  append(out, 0x20AC);
  append(out, 0x1F600);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(encoded_length(0x7F), 1U);
  EXPECT_EQ(encoded_length(0x80), 2U);
  EXPECT_EQ(encoded_length(0x7FF), 2U);
  EXPECT_EQ(encoded_length(0x800), 3U);
  EXPECT_EQ(encoded_length(0xFFFF), 3U);
  EXPECT_EQ(encoded_length(0x10000), 4U);
  // Every scalar value comes back as itself.
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string bytes;
    append(bytes, cp);
    const Decoded decoded = decode_all(bytes);
    ASSERT_TRUE(decoded.valid) << static_cast<unsigned>(cp);
    ASSERT_EQ(decoded.code_point, cp);
    ASSERT_EQ(decoded.length, bytes.size());
  }
}

TEST(Utf8, ValidatesWholeTexts) {
  EXPECT_TRUE(is_valid(""));
  EXPECT_TRUE(is_valid("Hélène Cœurdevey 20 €"));
  EXPECT_FALSE(is_valid("H\xE9l\xE8ne"));  // Latin-1 bytes
  EXPECT_FALSE(is_valid("abc\xC3"));
  EXPECT_FALSE(is_valid("\xED\xA0\x80"));
}

}  // namespace
}  // namespace edusync::utf8
