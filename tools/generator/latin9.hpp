// UTF-8 -> ISO-8859-15 (Latin-9), the encoding SIECLE declares in every export.
#pragma once

#include <string>
#include <string_view>

namespace gen {

// Appends the Latin-9 bytes of `utf8` to `out`.
// Latin-9 = Latin-1 with eight code points replaced: € Š š Ž ž Œ œ Ÿ take the
// places of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾, which become unencodable.
// Throws std::runtime_error on a character outside Latin-9: every string comes
// from pools we own, so this is a bug in the pools, never silently replaced.
void utf8_to_latin9(std::string_view utf8, std::string& out);

}  // namespace gen
