#include "common/text.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "common/utf8.hpp"

namespace edusync {
namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
  return text;
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
    if (!utf8::is_continuation(static_cast<unsigned char>(c))) ++count;
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

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace edusync
