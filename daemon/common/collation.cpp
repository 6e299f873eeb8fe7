#include "common/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace edusync {
namespace {

std::unique_ptr<icu::Collator> build_collator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale::getFrance(), status));
  if (U_FAILURE(status) || !collator) {
    throw std::runtime_error(std::string("ICU cannot build the French collator: ") +
                             u_errorName(status) + " (is the ICU data installed?)");
  }
  return collator;
}

// ICU collators are safe to share between threads for comparisons and sort keys (const use).
const icu::Collator& french_collator() {
  static const std::unique_ptr<icu::Collator> collator = build_collator();
  return *collator;
}

}  // namespace

std::string french_sort_key(std::string_view text) {
  const auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  const auto& collator = french_collator();
  std::vector<std::uint8_t> key(64);
  auto length = collator.getSortKey(unicode, key.data(), static_cast<std::int32_t>(key.size()));
  if (length > static_cast<std::int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator.getSortKey(unicode, key.data(), length);
  }
  // The key ends with a zero byte, left out so that keys compare as strings.
  return {reinterpret_cast<const char*>(key.data()),
          static_cast<std::size_t>(length > 0 ? length - 1 : 0)};
}

bool french_less(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const auto order = french_collator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
  return U_SUCCESS(status) ? order == UCOL_LESS : a < b;
}

}  // namespace edusync
