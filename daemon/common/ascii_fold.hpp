#pragma once
// ASCII folding of names: the first step of login generation (docs/output.md §1.3), the
// matching of accounts by name, the transliteration of what an output charset lacks.
#include <string>
#include <string_view>

namespace edusync {

// Transliterates any script to Latin with ICU "Any-Latin" (Cyrillic, Greek, Arabic, Han...),
// folds Latin to ASCII with ICU "Latin-ASCII" (accents dropped, Æ/æ -> ae, Œ/œ -> oe,
// ß -> ss, Ø -> o, ’ -> ', no-break spaces -> space), lower-cases, and drops whatever is still
// not ASCII (the ʿ of transliterated Arabic, emoji). Invalid UTF-8 is dropped the same way.
// Nothing else is removed: spaces, apostrophes, hyphens, digits stay for the caller to judge.
//   "Cœurdevey" -> "coeurdevey", "Šťastný" -> "stastny", "Иванов" -> "ivanov".
//
// Thread-safe. ICU transliterators must not be used by two threads at once, so the
// transliterator is built once per process and each thread uses its own clone, made on the
// thread's first call (the clone is taken under a mutex; later calls take no lock).
// Fast paths, same results: ASCII input does not touch ICU; input made only of the Latin
// blocks French names use is folded code point by code point through a table that ICU fills
// once per process (Latin-ASCII costs ~13 µs a name, the table ~1 µs).
// Throws std::runtime_error when ICU cannot build the transliterator (ICU data missing: an
// installation problem, never a property of the name).
std::string fold_to_ascii(std::string_view utf8);

// The key of duplicate detection (DUPLICATE_GUARDIAN), a second folding on purpose: the names
// it compares come from SIECLE, which holds only the Latin-9 repertoire, so it folds that
// repertoire by a fixed table, without ICU, and never changes with ICU's data. Upper case,
// accents removed, œ -> OE, æ -> AE, ß -> SS; a letter, digit, '@', '.' or '+' is kept; anything
// else (apostrophes, hyphens, other scripts, invalid UTF-8) becomes a space, and runs of spaces
// collapse to one. "Lœtitia  d'Almeida-Durand" and "LOETITIA D ALMEIDA DURAND" fold to the
// same string.
std::string fold_name(std::string_view name);

namespace detail {
// fold_to_ascii without the fast paths, for the test that compares them.
std::string fold_to_ascii_with_icu(std::string_view utf8);
}  // namespace detail

}  // namespace edusync
