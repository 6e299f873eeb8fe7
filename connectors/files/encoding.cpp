#include "connectors/files/encoding.hpp"

#include <unicode/uchar.h>

#include "common/ascii_fold.hpp"
#include "common/latin9.hpp"
#include "common/utf8.hpp"

namespace edusync::connectors::files {
namespace {

std::optional<char> single_byte(char32_t cp, Charset charset) {
  if (charset == Charset::latin9) return latin9::byte_of(cp);
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
  std::string folded = fold_to_ascii(original);
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
  return charset == Charset::utf8_bom ? utf8::kByteOrderMark : std::string_view();
}

std::string encode(std::string_view text, Charset charset,
                   std::vector<Substitution>& substitutions) {
  const bool unicode = charset == Charset::utf8 || charset == Charset::utf8_bom;
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const utf8::Decoded decoded = utf8::decode(text, at);
    if (!decoded.valid) {
      substitutions.push_back({"\\x" + std::to_string(static_cast<unsigned char>(text[at])), "?"});
      out.push_back('?');
      ++at;
      continue;
    }
    const char32_t cp = decoded.code_point;
    const std::string_view original = text.substr(at, decoded.length);
    at += decoded.length;
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

text::Message describe(const std::vector<Substitution>& substitutions) {
  // Joined by commas from the last one back ("{first}, {rest}"), in both languages.
  text::Message described;
  for (auto s = substitutions.rbegin(); s != substitutions.rend(); ++s) {
    auto one = text::message("connector.substitution", {text::arg("original", s->original),
                                                        text::arg("replacement", s->replacement)});
    if (described.empty()) {
      described = std::move(one);
    } else {
      described = text::message(
          "connector.comma_list",
          {text::nested("first", std::move(one)), text::nested("rest", std::move(described))});
    }
  }
  return described;
}

}  // namespace edusync::connectors::files
