#pragma once

#include <string>
#include <string_view>

namespace edusync::xml {

// Registers with libxml2 a table-driven ISO-8859-15 decoder, used instead of iconv for the
// encoding every SIECLE export declares: iconv's generic path costs about an eighth of the
// parse time. Idempotent and thread-safe; called before the first parse.
void register_latin9_decoder();

// ISO-8859-15 bytes as UTF-8, by the same table as the decoder (messages that show how a
// byte would read).
std::string latin9_to_utf8(std::string_view bytes);

}  // namespace edusync::xml
