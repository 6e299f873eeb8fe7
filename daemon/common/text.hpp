#pragma once
// Small text helpers shared by the parsers and the model builder. All strings are UTF-8.
#include <string>
#include <string_view>

namespace edusync {

// Removes leading and trailing XML white space (space, tab, CR, LF).
std::string_view trim(std::string_view text);

// Folds a name for duplicate detection: upper case, accents removed (Latin-9 repertoire,
// œ -> OE, æ -> AE), apostrophes, hyphens and runs of spaces collapsed to one space.
// "Lœtitia  d'Almeida-Durand" and "LOETITIA D ALMEIDA DURAND" fold to the same string.
std::string fold_name(std::string_view name);

// True when every byte is an ASCII digit (and the text is not empty).
bool all_digits(std::string_view text);

}  // namespace edusync
