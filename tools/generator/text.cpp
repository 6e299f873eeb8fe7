#include "text.hpp"

#include "common/utf8.hpp"

namespace gen {
namespace {

// Decodes the code point at text[pos] and advances pos. Generator strings are literals we
// own, valid UTF-8; a byte that is not would read as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const edusync::utf8::Decoded decoded = edusync::utf8::decode(text, pos);
  pos += decoded.length;
  return decoded.code_point;
}

void append_utf8(std::string& out, char32_t cp) {
  edusync::utf8::append(out, cp);
}

// Base letter of an accented Latin-9 lower/upper case letter, 0 if none.
char32_t base_letter(char32_t cp) {
  static const std::u32string_view accented =
      U"àâäáãåçéèêëíìîïñóòôöõúùûüýÿšž"
      U"ÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŠŽ";
  static const std::u32string_view plain =
      U"aaaaaaceeeeiiiinooooouuuuyysz"
      U"AAAAAACEEEEIIIINOOOOOUUUUYYSZ";
  const std::size_t at = accented.find(cp);
  return at == std::u32string_view::npos ? 0 : plain[at];
}

char32_t to_upper(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return cp - 32;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  switch (cp) {
    case 0x0153: return 0x0152;  // œ
    case 0x00FF: return 0x0178;  // ÿ
    case 0x0161: return 0x0160;  // š
    case 0x017E: return 0x017D;  // ž
    default: return cp;
  }
}

char32_t to_lower(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  switch (cp) {
    case 0x0152: return 0x0153;
    case 0x0178: return 0x00FF;
    case 0x0160: return 0x0161;
    case 0x017D: return 0x017E;
    default: return cp;
  }
}

// Appends the unaccented spelling of cp (ligatures expanded).
void append_plain(std::string& out, char32_t cp) {
  switch (cp) {
    case 0x0153: out += "oe"; return;
    case 0x0152: out += "OE"; return;
    case 0x00E6: out += "ae"; return;
    case 0x00C6: out += "AE"; return;
    case 0x00DF: out += "ss"; return;
    default: break;
  }
  const char32_t base = base_letter(cp);
  append_utf8(out, base != 0 ? base : cp);
}

}  // namespace

std::string upper_fr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_utf8(out, to_upper(next_code_point(text, i)));
  return out;
}

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_plain(out, to_lower(next_code_point(text, i)));
  return out;
}

std::string mail_token(std::string_view text) {
  std::string out;
  for (char c : fold_name(text)) {
    if ((c >= 'a' && c <= 'z') || c == '-') out += c;
  }
  return out;
}

std::string strip_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_plain(out, next_code_point(text, i));
  return out;
}

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  std::size_t from = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char* entity = nullptr;
    switch (text[at]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = attribute ? "&quot;" : nullptr; break;
      default: break;
    }
    if (entity == nullptr) continue;
    out.append(text.substr(from, at - from)).append(entity);
    from = at + 1;
  }
  out.append(text.substr(from));
}

}  // namespace gen
