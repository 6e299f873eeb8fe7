#include "common/text.hpp"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace edusync {
namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Upper-case ASCII folding of the two-byte UTF-8 Latin letters U+00C0..U+00FF, indexed by
// code point - 0xC0. Multi-letter folds (Æ, æ, ß) are handled in fold_code_point.
constexpr std::array<char, 64> kLatin1Fold = {
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',   // C0-CF
    'D', 'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   0,     // D0-DF
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',   // E0-EF
    'D', 'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   'Y'};  // F0-FF

// Appends the folded form of one code point; characters that are not letters become a space.
void fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '.' ||
               c == '+') {
      out.push_back(c);
    } else {
      out.push_back(' ');
    }
    return;
  }
  if (cp == 0xC6 || cp == 0xE6) {
    out += "AE";
    return;
  }
  if (cp == 0x152 || cp == 0x153) {
    out += "OE";
    return;
  }
  if (cp == 0xDF) {
    out += "SS";
    return;
  }
  if (cp == 0x160 || cp == 0x161) {
    out.push_back('S');
    return;
  }
  if (cp == 0x17D || cp == 0x17E) {
    out.push_back('Z');
    return;
  }
  if (cp == 0x178) {
    out.push_back('Y');
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1Fold[cp - 0xC0] != 0) {
    out.push_back(kLatin1Fold[cp - 0xC0]);
    return;
  }
  out.push_back(' ');
}

// Decodes one UTF-8 sequence at text[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<std::uint8_t>(text[i++]);
  if (lead < 0x80) return lead;
  int extra = (lead >= 0xF0) ? 3 : (lead >= 0xE0) ? 2 : (lead >= 0xC0) ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = lead & (0x3F >> extra);
  for (; extra > 0 && i < text.size(); --extra, ++i) {
    cp = (cp << 6) | (static_cast<std::uint8_t>(text[i]) & 0x3Fu);
  }
  return cp;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string fold_name(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    fold_code_point(next_code_point(name, i), folded);
  }
  std::string collapsed;
  collapsed.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_uai(std::string_view text) {
  if (text.size() != 8 || !all_digits(text.substr(0, 7))) return false;
  const char letter = text[7];
  return (letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z');
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<std::uint8_t>(c) & 0xC0u) != 0x80u) ++count;
  }
  return count;
}

std::string system_error_text(int error) {
  switch (error) {
    case ENOENT: return "fichier ou dossier absent";
    case EACCES:
    case EPERM: return "permission refusée";
    case EROFS: return "système de fichiers en lecture seule";
    case EISDIR: return "c'est un dossier";
    case ENOTDIR: return "un élément du chemin n'est pas un dossier";
    case ENOSPC: return "disque plein";
    case EIO: return "erreur d'entrée-sortie du disque";
    case EMFILE:
    case ENFILE: return "trop de fichiers ouverts";
    case ENAMETOOLONG: return "nom de fichier trop long";
    default:
      return std::string("erreur système ") + std::to_string(error) + " (" + std::strerror(error) +
             ")";
  }
}

char32_t first_c1_control(std::string_view text) {
  // U+0080..U+009F are encoded C2 80..C2 9F.
  for (std::size_t i = text.find('\xC2'); i != std::string_view::npos && i + 1 < text.size();
       i = text.find('\xC2', i + 1)) {
    const auto next = static_cast<std::uint8_t>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return next;
  }
  return 0;
}

}  // namespace edusync
