#pragma once
// ISO-8859-15 (Latin-9), the encoding SIECLE and STS-web declare and that Pix reads: one table
// for both directions. Latin-9 is Latin-1 with eight characters replaced: € Š š Ž ž Œ œ Ÿ take
// the bytes A4 A6 A8 B4 B8 BC BD BE of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾, which Latin-9 cannot hold.
#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace edusync::latin9 {

// One of the eight bytes where Latin-9 and Latin-1 differ.
struct Difference {
  unsigned char byte;
  char32_t latin9;  // what the byte is in Latin-9
  char32_t latin1;  // what it is in Latin-1 (and what Latin-9 lacks)
};
inline constexpr std::array<Difference, 8> kDifferences = {{{0xA4, 0x20AC, 0xA4},
                                                            {0xA6, 0x0160, 0xA6},
                                                            {0xA8, 0x0161, 0xA8},
                                                            {0xB4, 0x017D, 0xB4},
                                                            {0xB8, 0x017E, 0xB8},
                                                            {0xBC, 0x0152, 0xBC},
                                                            {0xBD, 0x0153, 0xBD},
                                                            {0xBE, 0x0178, 0xBE}}};

// The character a Latin-9 byte stands for (every byte stands for one; 00..9F are ASCII and
// the C1 controls, as in Latin-1).
char32_t code_point(unsigned char byte);

// The Latin-9 byte of a character, nullopt when Latin-9 cannot hold it (beyond U+00FF, or one
// of the eight Latin-1 characters it replaced).
std::optional<char> byte_of(char32_t code_point);

// Latin-9 bytes as UTF-8 (every byte converts).
std::string to_utf8(std::string_view bytes);

// A character of a UTF-8 text that Latin-9 cannot hold, for the caller to replace.
struct Unmappable {
  std::string_view sequence;  // its UTF-8 bytes, or the one byte that is not UTF-8
  char32_t code_point;        // utf8::kReplacement when !valid
  bool valid;                 // false for a byte that is not part of well-formed UTF-8
};
// Returns the bytes written instead (already in Latin-9), or throws.
using Replace = std::function<std::string(const Unmappable&)>;

// Appends the Latin-9 bytes of UTF-8 `text` to `out`; each character Latin-9 cannot hold is
// replaced by what `replace` returns. ASCII runs are copied eight bytes at a time (most of an
// export is ASCII).
void append_from_utf8(std::string& out, std::string_view text, const Replace& replace);

// What strict callers want (the generator's pools, test fixtures): the first character Latin-9
// cannot hold throws std::runtime_error("character not encodable in ISO-8859-15: <it>").
std::string from_utf8_strict(std::string_view text);
void append_from_utf8_strict(std::string& out, std::string_view text);

}  // namespace edusync::latin9
