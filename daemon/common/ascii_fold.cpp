#include "common/ascii_fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "common/utf8.hpp"

namespace edusync {
namespace {

constexpr const char* kTransform = "Any-Latin; Latin-ASCII";

std::unique_ptr<icu::Transliterator> build_prototype() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(kTransform), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator) {
    throw std::runtime_error(std::string("ICU cannot build the transliterator \"") + kTransform +
                             "\": " + u_errorName(status) + " (is the ICU data installed?)");
  }
  return transliterator;
}

std::unique_ptr<icu::Transliterator> clone_prototype() {
  static const std::unique_ptr<icu::Transliterator> prototype = build_prototype();
  static std::mutex clone_mutex;
  const std::lock_guard<std::mutex> lock(clone_mutex);
  std::unique_ptr<icu::Transliterator> clone(prototype->clone());
  if (!clone) throw std::runtime_error("ICU cannot clone the transliterator (out of memory)");
  return clone;
}

// The calling thread's own transliterator, cloned from the process-wide prototype on the
// thread's first call and deleted when the thread ends.
thread_local std::unique_ptr<icu::Transliterator> this_thread_transliterator;

icu::Transliterator& thread_transliterator() {
  if (!this_thread_transliterator) this_thread_transliterator = clone_prototype();
  return *this_thread_transliterator;
}

std::string transliterate(const icu::UnicodeString& input) {
  icu::UnicodeString text = input;
  thread_transliterator().transliterate(text);
  std::string folded;
  text.toUTF8String(folded);
  return folded;
}

// Latin-ASCII costs about 13 µs a name, which adds up over an academy's first import. The
// blocks French names are written in are therefore folded one code point at a time, through a
// table filled once by ICU itself: Latin-1 Supplement, Latin Extended-A and -B, combining
// diacritics (decomposed input), Latin Extended Additional (Vietnamese) and General
// Punctuation (’, no-break spaces). Once lower-cased, this gives what ICU gives for the whole
// name (checked over every pair of these code points; a unit test compares both paths).
struct Block {
  UChar32 first;
  UChar32 last;
};
constexpr std::array<Block, 4> kTableBlocks = {
    {{0x0080, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}}};

class FoldTable {
 public:
  FoldTable() {
    for (const Block& block : kTableBlocks) {
      for (UChar32 c = block.first; c <= block.last; ++c) {
        folded_.push_back(transliterate(icu::UnicodeString(c)));
      }
    }
  }

  // The folding of `c`, or nullptr when `c` is outside the table.
  const std::string* find(UChar32 c) const {
    std::size_t offset = 0;
    for (const Block& block : kTableBlocks) {
      if (c >= block.first && c <= block.last) {
        return &folded_[offset + static_cast<std::size_t>(c - block.first)];
      }
      offset += static_cast<std::size_t>(block.last - block.first + 1);
    }
    return nullptr;
  }

 private:
  std::vector<std::string> folded_;
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

// Folds through the table; false when a code point is outside it (invalid UTF-8 was turned
// into U+FFFD, outside it too).
bool fold_by_table(const icu::UnicodeString& text, std::string& out) {
  const FoldTable& table = fold_table();
  for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    const std::string* folded = table.find(c);
    if (folded == nullptr) return false;
    out += *folded;
  }
  return true;
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lower-cases ASCII letters and drops every byte that is not ASCII.
std::string lower_ascii_only(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

icu::UnicodeString to_unicode(std::string_view utf8) {
  // ICU lengths are int32_t; a name that long is garbage, and its tail is not worth an error.
  const auto length = static_cast<std::int32_t>(
      std::min<std::size_t>(utf8.size(), std::numeric_limits<std::int32_t>::max()));
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), length));
}

// Upper-case ASCII folding of the two-byte UTF-8 Latin letters U+00C0..U+00FF, indexed by
// code point - 0xC0. Multi-letter folds (Æ, æ, ß) are handled in fold_code_point.
constexpr std::array<char, 64> kLatin1Fold = {
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',   // C0-CF
    'D', 'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   0,     // D0-DF
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',   // E0-EF
    'D', 'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   'Y'};  // F0-FF

// Appends the folded form of one code point; characters that are not letters become a space.
void fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '.' ||
               c == '+') {
      out.push_back(c);
    } else {
      out.push_back(' ');
    }
    return;
  }
  if (cp == 0xC6 || cp == 0xE6) {
    out += "AE";
    return;
  }
  if (cp == 0x152 || cp == 0x153) {
    out += "OE";
    return;
  }
  if (cp == 0xDF) {
    out += "SS";
    return;
  }
  if (cp == 0x160 || cp == 0x161) {
    out.push_back('S');
    return;
  }
  if (cp == 0x17D || cp == 0x17E) {
    out.push_back('Z');
    return;
  }
  if (cp == 0x178) {
    out.push_back('Y');
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1Fold[cp - 0xC0] != 0) {
    out.push_back(kLatin1Fold[cp - 0xC0]);
    return;
  }
  out.push_back(' ');
}

}  // namespace

std::string fold_to_ascii(std::string_view utf8) {
  if (is_ascii(utf8)) return lower_ascii_only(utf8);
  const icu::UnicodeString text = to_unicode(utf8);
  std::string folded;
  if (fold_by_table(text, folded)) return lower_ascii_only(folded);
  return lower_ascii_only(transliterate(text));
}

std::string fold_name(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (std::size_t at = 0; at < name.size();) {
    const utf8::Decoded decoded = utf8::decode(name, at);
    fold_code_point(decoded.code_point, folded);  // U+FFFD for a byte that is not UTF-8
    at += decoded.length;
  }
  std::string collapsed;
  collapsed.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

namespace detail {

std::string fold_to_ascii_with_icu(std::string_view utf8) {
  return lower_ascii_only(transliterate(to_unicode(utf8)));
}

}  // namespace detail
}  // namespace edusync
