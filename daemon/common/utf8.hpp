#pragma once
// UTF-8, the encoding of every string inside edusync: the one decoder and encoder the daemon,
// the connectors and the generator share. Each caller decides what an ill-formed sequence
// becomes (U+FFFD, a Latin-1 byte, '?' with a warning, an error): the decoder only says so.
#include <cstddef>
#include <string>
#include <string_view>

namespace edusync::utf8 {

// The byte order mark some programs put at the start of a UTF-8 file (U+FEFF).
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// What stands for a character that could not be decoded.
inline constexpr char32_t kReplacement = 0xFFFD;

// One decoded sequence. `length` is the number of bytes it took (at least 1).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = true;
};

// Decodes the sequence starting at text[at] (at < text.size()). Well-formed means as Unicode
// defines it: the shortest form, no surrogate (U+D800..U+DFFF), nothing above U+10FFFF. An
// ill-formed or truncated sequence decodes as {kReplacement, 1, false}: the caller skips its
// first byte only, so that an ASCII byte after it is never swallowed.
Decoded decode(std::string_view text, std::size_t at);

// The length of the sequence a byte starts: 1 for ASCII, 2 for C2..DF, 3 for E0..EF, 4 for
// F0..F4; 0 for a byte that never starts one (continuation bytes, C0, C1, F5..FF). For readers
// that see the text in pieces and check only the structure of the sequences.
std::size_t sequence_length(unsigned char lead);

// True for a continuation byte (10xxxxxx).
constexpr bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// The number of bytes `code_point` takes in UTF-8 (1 to 4).
std::size_t encoded_length(char32_t code_point);

// Writes the UTF-8 bytes of `code_point` at `out`, which has room for encoded_length() bytes;
// returns that length. The caller passes a Unicode scalar value (no surrogate, <= U+10FFFF).
std::size_t encode(char32_t code_point, char* out);

// Appends the UTF-8 bytes of `code_point` to `out` (same contract as encode).
void append(std::string& out, char32_t code_point);

// True when the whole text is well-formed UTF-8.
bool is_valid(std::string_view text);

}  // namespace edusync::utf8
