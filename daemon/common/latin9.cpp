#include "common/latin9.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "common/utf8.hpp"

namespace edusync::latin9 {

namespace {

// code_point() as a table: the XML decoder calls it for every byte that is not ASCII.
constexpr std::array<char32_t, 256> kCodePoints = [] {
  std::array<char32_t, 256> table{};
  for (std::size_t byte = 0; byte < table.size(); ++byte) table[byte] = static_cast<char32_t>(byte);
  for (const Difference& difference : kDifferences) table[difference.byte] = difference.latin9;
  return table;
}();

}  // namespace

char32_t code_point(unsigned char byte) {
  return kCodePoints[byte];
}

std::optional<char> byte_of(char32_t code_point) {
  for (const Difference& difference : kDifferences) {
    if (difference.latin9 == code_point) return static_cast<char>(difference.byte);
    if (difference.latin1 == code_point) return std::nullopt;
  }
  if (code_point < 0x100) return static_cast<char>(code_point);
  return std::nullopt;
}

std::string to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char byte : bytes) utf8::append(out, code_point(static_cast<unsigned char>(byte)));
  return out;
}

void append_from_utf8(std::string& out, std::string_view text, const Replace& replace) {
  out.reserve(out.size() + text.size());  // never longer, but for replacements
  std::size_t at = 0;
  while (at < text.size()) {
    std::uint64_t word = 0;
    if (at + 8 <= text.size() &&
        (std::memcpy(&word, text.data() + at, 8), (word & 0x8080808080808080ULL) == 0)) {
      out.append(text.data() + at, 8);
      at += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      out.push_back(text[at++]);
      continue;
    }
    const utf8::Decoded decoded = utf8::decode(text, at);
    const std::optional<char> byte =
        decoded.valid ? byte_of(decoded.code_point) : std::optional<char>();
    if (byte) {
      out.push_back(*byte);
    } else {
      out += replace({text.substr(at, decoded.length), decoded.code_point, decoded.valid});
    }
    at += decoded.length;
  }
}

void append_from_utf8_strict(std::string& out, std::string_view text) {
  append_from_utf8(out, text, [](const Unmappable& character) -> std::string {
    throw std::runtime_error("character not encodable in ISO-8859-15: " +
                             std::string(character.sequence));
  });
}

std::string from_utf8_strict(std::string_view text) {
  std::string out;
  append_from_utf8_strict(out, text);
  return out;
}

}  // namespace edusync::latin9
