#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace edusync::xml {

// The encoding named by the XML declaration at the start of `head`
// (`<?xml version="1.0" encoding="ISO-8859-15"?>`), after an optional UTF-8 byte order mark;
// nullopt when there is no declaration or no encoding in it (UTF-8 by the XML rules).
std::optional<std::string> declared_encoding(std::string_view head);

// True when libxml2 can decode this encoding (built in or through iconv).
bool is_supported_encoding(const std::string& name);

}  // namespace edusync::xml
