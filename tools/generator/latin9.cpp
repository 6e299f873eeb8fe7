#include "latin9.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "text.hpp"

namespace gen {
namespace {

// Latin-9 byte for a non-ASCII code point, or -1 when unencodable.
int latin9_byte(char32_t cp) {
  switch (cp) {
    case 0x20AC: return 0xA4;  // €
    case 0x0160: return 0xA6;  // Š
    case 0x0161: return 0xA8;  // š
    case 0x017D: return 0xB4;  // Ž
    case 0x017E: return 0xB8;  // ž
    case 0x0152: return 0xBC;  // Œ
    case 0x0153: return 0xBD;  // œ
    case 0x0178: return 0xBE;  // Ÿ
    case 0xA4:
    case 0xA6:
    case 0xA8:
    case 0xB4:
    case 0xB8:
    case 0xBC:
    case 0xBD:
    case 0xBE: return -1;  // Latin-1 characters displaced by the ones above
    default: return cp >= 0xA0 && cp <= 0xFF ? static_cast<int>(cp) : -1;
  }
}

}  // namespace

void utf8_to_latin9(std::string_view utf8, std::string& out) {
  const std::size_t base = out.size();
  out.resize(base + utf8.size());  // never longer than the UTF-8 input
  char* dst = out.data() + base;
  std::size_t i = 0;
  while (i < utf8.size()) {
    // Fast path: copy 8 ASCII bytes at a time (most of an export is ASCII).
    std::uint64_t word;
    if (i + 8 <= utf8.size() &&
        (std::memcpy(&word, utf8.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) {
      std::memcpy(dst, &word, 8);
      dst += 8;
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      *dst++ = utf8[i++];
      continue;
    }
    const std::size_t start = i;
    const int byte = latin9_byte(next_code_point(utf8, i));
    if (byte < 0) {
      throw std::runtime_error("character not encodable in ISO-8859-15: " +
                               std::string(utf8.substr(start, i - start)));
    }
    *dst++ = static_cast<char>(byte);
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
}

}  // namespace gen
