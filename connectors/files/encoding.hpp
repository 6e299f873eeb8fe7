#pragma once
// Output encodings of the file targets. Records are UTF-8 inside edusync; each importer wants
// its own bytes: KOXO UTF-8 with BOM (or Latin-1), the ENT ISO-8859-1 (or UTF-8 with BOM),
// Pix's SIECLE-shaped file ISO-8859-15. A character the charset cannot hold is transliterated
// (œ -> oe, ’ -> ', … -> ...) and reported, never silently dropped or written as '?' unseen.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/message.hpp"

namespace edusync::connectors::files {

enum class Charset { utf8, utf8_bom, latin1, latin9 };

// "utf-8", "utf-8-bom", "latin1"/"iso-8859-1", "iso-8859-15"; nullopt for anything else.
std::optional<Charset> charset_from_name(std::string_view name);

// The byte order mark a file in this charset starts with (empty but for utf8_bom).
std::string_view byte_order_mark(Charset charset);

// One character replaced while encoding: what it was (UTF-8) and what was written instead.
struct Substitution {
  std::string original;
  std::string replacement;
};

// Encodes UTF-8 `text` into `charset`. Characters outside the charset are transliterated to
// ASCII (ICU Latin-ASCII through fold_to_ascii, with a table for the usual
// typography), '?' when nothing is left; each replacement is appended to `substitutions`.
// Invalid UTF-8 bytes become '?' and are reported the same way.
std::string encode(std::string_view text, Charset charset,
                   std::vector<Substitution>& substitutions);

// "« œ » -> « oe », « ’ » -> « ' »" ('"œ" -> "oe"' in English), for the operator's warning.
text::Message describe(const std::vector<Substitution>& substitutions);

}  // namespace edusync::connectors::files
