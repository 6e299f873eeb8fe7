#pragma once
// Small text helpers shared by the parsers and the model builder. All strings are UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

namespace edusync {

// Removes leading and trailing XML white space (space, tab, CR, LF).
std::string_view trim(std::string_view text);

// True when every byte is an ASCII digit (and the text is not empty).
bool all_digits(std::string_view text);

// True for a school code as SIECLE and STS-web write it: 7 digits and a letter ("0140065T");
// a lower-case letter is accepted (the caller upper-cases it).
bool is_uai(std::string_view text);

// Number of code points of a UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

// What an errno value means, in French, for operators' messages (strerror is English in the
// C locale a service runs in): "fichier ou dossier absent", "permission refusée"...
std::string system_error_text(int error);

// The first C1 control character (U+0080..U+009F) of a UTF-8 text, or 0 when there is none.
// No name holds one: they come from a file converted twice or from garbage.
char32_t first_c1_control(std::string_view text);

// The text with &, <, > and " escaped, for XML character data and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace edusync
