#pragma once
// Names in the order a French reader expects (ICU's French collation): BÉRANGER before BRUN,
// accents and case second to letters, where a byte-wise sort puts every accented name last.
#include <string>
#include <string_view>

namespace edusync {

// A key that sorts byte-wise as `text` (UTF-8) sorts in French. Compute it once per entry and
// sort on the keys: cheaper than comparing the texts at each step of a sort of many entries.
// Thread-safe.
std::string french_sort_key(std::string_view text);

// Compares two UTF-8 texts in French order (for short lists; see french_sort_key otherwise).
bool french_less(std::string_view a, std::string_view b);

}  // namespace edusync
