#include "connectors/files/encoding.hpp"

#include <unicode/uchar.h>

#include "identity/ascii_fold.hpp"

namespace edusync::connectors::files {
namespace {

// Decodes one UTF-8 sequence at `at`; returns its length, 0 when it is invalid.
std::size_t decode(std::string_view text, std::size_t at, char32_t& cp) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07u;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3Fu);
  }
  return length;
}

// Latin-9 differs from Latin-1 in eight positions (ISO-8859-15 vs ISO-8859-1).
std::optional<char> latin9_byte(char32_t cp) {
  switch (cp) {
    case 0x20AC: return '\xA4';  // €
    case 0x0160: return '\xA6';  // Š
    case 0x0161: return '\xA8';  // š
    case 0x017D: return '\xB4';  // Ž
    case 0x017E: return '\xB8';  // ž
    case 0x0152: return '\xBC';  // Œ
    case 0x0153: return '\xBD';  // œ
    case 0x0178: return '\xBE';  // Ÿ
    case 0xA4:
    case 0xA6:
    case 0xA8:
    case 0xB4:
    case 0xB8:
    case 0xBC:
    case 0xBD:
    case 0xBE: return std::nullopt;  // the Latin-1 characters Latin-9 replaced
    default:
      if (cp < 0x100) return static_cast<char>(cp);
      return std::nullopt;
  }
}

std::optional<char> single_byte(char32_t cp, Charset charset) {
  if (charset == Charset::latin9) return latin9_byte(cp);
  if (cp < 0x100) return static_cast<char>(cp);
  return std::nullopt;
}

// Typography that ICU's Latin-ASCII also folds, kept here so that the common cases do not
// depend on ICU data; anything else goes through fold_to_ascii.
std::string transliterate(char32_t cp, std::string_view original) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x02BC: return "'";
    case 0x201C:
    case 0x201D: return "\"";
    case 0x2013:
    case 0x2014:
    case 0x2010:
    case 0x2011: return "-";
    case 0x2026: return "...";
    case 0x20AC: return "EUR";
    case 0x0152: return "OE";
    case 0x0153: return "oe";
    default: break;
  }
  std::string folded = identity::fold_to_ascii(original);
  if (folded.empty()) return "?";
  // fold_to_ascii lower-cases; an upper-case letter stays upper-case (Š -> S, Ł -> L).
  if (u_isupper(static_cast<UChar32>(cp)) && folded[0] >= 'a' && folded[0] <= 'z') {
    folded[0] = static_cast<char>(folded[0] - 'a' + 'A');
  }
  return folded;
}

}  // namespace

std::optional<Charset> charset_from_name(std::string_view name) {
  if (name == "utf-8" || name == "utf8") return Charset::utf8;
  if (name == "utf-8-bom" || name == "utf8bom") return Charset::utf8_bom;
  if (name == "latin1" || name == "iso-8859-1") return Charset::latin1;
  if (name == "latin9" || name == "iso-8859-15") return Charset::latin9;
  return std::nullopt;
}

std::string_view byte_order_mark(Charset charset) {
  return charset == Charset::utf8_bom ? std::string_view("\xEF\xBB\xBF") : std::string_view();
}

std::string encode(std::string_view text, Charset charset,
                   std::vector<Substitution>& substitutions) {
  const bool unicode = charset == Charset::utf8 || charset == Charset::utf8_bom;
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    char32_t cp = 0;
    const std::size_t length = decode(text, at, cp);
    if (length == 0) {
      substitutions.push_back({"\\x" + std::to_string(static_cast<unsigned char>(text[at])), "?"});
      out.push_back('?');
      ++at;
      continue;
    }
    const std::string_view original = text.substr(at, length);
    at += length;
    if (unicode) {
      out.append(original);
    } else if (const auto byte = single_byte(cp, charset)) {
      out.push_back(*byte);
    } else {
      auto replacement = transliterate(cp, original);
      substitutions.push_back({std::string(original), replacement});
      out += replacement;
    }
  }
  return out;
}

std::string describe(const std::vector<Substitution>& substitutions) {
  std::string text;
  for (const auto& s : substitutions) {
    if (!text.empty()) text += ", ";
    text += "« " + s.original + " » -> « " + s.replacement + " »";
  }
  return text;
}

}  // namespace edusync::connectors::files
