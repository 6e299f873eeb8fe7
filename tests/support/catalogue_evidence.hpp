#pragma once
// What shows that a text is in the other language: the fixed parts of the catalogue's
// templates (text/catalogue.hpp). The language tests search outputs for them.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text/catalogue.hpp"
#include "text/message.hpp"

namespace edusync::test {

// Code points of a UTF-8 text.
inline std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1u : 0u;
  return count;
}

// The fixed text between the placeholders of a template ("{...}" cut out), as it is.
inline std::vector<std::string> template_fragments(std::string_view pattern) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at <= pattern.size()) {
    const auto open = pattern.find('{', at);
    parts.emplace_back(pattern.substr(at, open == std::string_view::npos ? open : open - at));
    if (open == std::string_view::npos) break;
    const auto close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    at = close + 1;
  }
  return parts;
}

// The fixed parts of one side of `entry` (French when `french`) of 12 characters or more that
// the other side does not hold as well (a proper name, a list of elements, the same in both):
// none of them may reach an output in the other language.
inline std::vector<std::string> language_evidence(const text::Entry& entry, bool french) {
  const std::string_view own = french ? entry.french : entry.english;
  const std::string_view other = french ? entry.english : entry.french;
  std::vector<std::string> evidence;
  for (auto& fragment : template_fragments(own)) {
    if (code_points(fragment) >= 12 && other.find(fragment) == std::string_view::npos)
      evidence.push_back(std::move(fragment));
  }
  return evidence;
}

inline std::vector<std::string> french_evidence(const text::Entry& entry) {
  return language_evidence(entry, true);
}

// The ids of a message and of every message nested in it.
inline void collect_ids(const text::Message& message, std::set<std::string>& ids) {
  if (!message.id.empty()) ids.insert(message.id);
  for (const auto& a : message.args) {
    for (const auto& inner : a.nested) collect_ids(inner, ids);
  }
}

}  // namespace edusync::test
