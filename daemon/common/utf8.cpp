#include "common/utf8.hpp"

namespace edusync::utf8 {
namespace {

// The range the second byte of a sequence must fall in: besides being a continuation byte, it
// rules out the overlong forms (E0 80.., F0 80..), the surrogates (ED A0..) and what lies above
// U+10FFFF (F4 90..).
struct SecondByte {
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
};

SecondByte second_byte_range(unsigned char lead) {
  switch (lead) {
    case 0xE0: return {0xA0, 0xBF};
    case 0xED: return {0x80, 0x9F};
    case 0xF0: return {0x90, 0xBF};
    case 0xF4: return {0x80, 0x8F};
    default: return {};
  }
}

constexpr Decoded kIllFormed{kReplacement, 1, false};

}  // namespace

std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

Decoded decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = sequence_length(lead);
  if (length == 1) return {lead, 1, true};
  if (length == 0 || at + length > text.size()) return kIllFormed;
  const SecondByte range = second_byte_range(lead);
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (second < range.low || second > range.high) return kIllFormed;
  char32_t code_point = lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if (!is_continuation(next)) return kIllFormed;
    code_point = (code_point << 6) | (next & 0x3FU);
  }
  return {code_point, length, true};
}

std::size_t encoded_length(char32_t code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

std::size_t encode(char32_t code_point, char* out) {
  const std::size_t length = encoded_length(code_point);
  if (length == 1) {
    out[0] = static_cast<char>(code_point);
    return 1;
  }
  // The lead byte carries the length in its high bits: 110xxxxx, 1110xxxx, 11110xxx.
  static constexpr unsigned char kLeadMarks[] = {0, 0, 0xC0, 0xE0, 0xF0};
  for (std::size_t i = length - 1; i > 0; --i) {
    out[i] = static_cast<char>(0x80U | (code_point & 0x3FU));
    code_point >>= 6;
  }
  out[0] = static_cast<char>(kLeadMarks[length] | code_point);
  return length;
}

void append(std::string& out, char32_t code_point) {
  char bytes[4];
  out.append(bytes, encode(code_point, bytes));
}

bool is_valid(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = decode(text, at);
    if (!decoded.valid) return false;
    at += decoded.length;
  }
  return true;
}

}  // namespace edusync::utf8
