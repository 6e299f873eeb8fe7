#pragma once
// Escaping of values put into LDAP strings, two different grammars kept apart on purpose
// (never one for the other): a DN attribute value (RFC 4514 §2.4) and a search filter assertion
// value (RFC 4515 §3). Both are binary-safe: any byte, NUL included, is accepted.
#include <string>
#include <string_view>

namespace edusync::connectors::ldap {

// RFC 4514: escapes , + " \ < > ; with a backslash, a leading space or '#', a trailing space,
// and NUL and other control bytes as \XX. UTF-8 text is kept as is.
//   "Classe_6 A" stays, "Dupont, Jean" -> "Dupont\, Jean", " x" -> "\ x".
std::string escape_dn_value(std::string_view value);

// RFC 4515: * ( ) \ and NUL as \2a \28 \29 \5c \00; every other byte as is.
//   "a*b(c)" -> "a\2ab\28c\29".
std::string escape_filter_value(std::string_view value);

}  // namespace edusync::connectors::ldap
