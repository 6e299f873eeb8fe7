#pragma once

namespace edusync::xml {

// Registers with libxml2 a table-driven ISO-8859-15 decoder, used instead of iconv for the
// encoding every SIECLE export declares: iconv's generic path costs about an eighth of the
// parse time. Its table is common/latin9.hpp's. Idempotent and thread-safe; called before the first
// parse.
void register_latin9_decoder();

}  // namespace edusync::xml
