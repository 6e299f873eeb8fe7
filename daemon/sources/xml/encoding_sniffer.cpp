#include "sources/xml/encoding_sniffer.hpp"

#include <libxml/encoding.h>

namespace edusync::xml {

std::optional<std::string> declared_encoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (!head.starts_with("<?xml")) return std::nullopt;
  const auto end = head.find("?>");
  const auto declaration = head.substr(0, end);
  const auto key = declaration.find("encoding");
  if (key == std::string_view::npos) return std::nullopt;
  auto rest = declaration.substr(key + 8);
  const auto quote = rest.find_first_of("\"'");
  if (quote == std::string_view::npos) return std::nullopt;
  const char delimiter = rest[quote];
  rest.remove_prefix(quote + 1);
  const auto close = rest.find(delimiter);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(rest.substr(0, close));
}

bool is_supported_encoding(const std::string& name) {
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

}  // namespace edusync::xml
