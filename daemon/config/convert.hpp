#pragma once
// Internal to the config library: checking one YAML value against a key type, and the "did you
// mean" suggestions shared by unknown keys and values outside a choice.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/keys.hpp"
#include "text/message.hpp"

namespace edusync::config {

struct NodeError {
  YAML::Mark mark;  // 0-based, as yaml-cpp gives it
  text::Message message;
};

// The value of `node` (not null), or nullopt with at least one error in `errors` (a list of
// UAIs reports each bad item at its own place). Messages do not name the key; the caller does.
std::optional<Value> convert(const YAML::Node& node, const KeyType& type,
                             std::vector<NodeError>& errors);

// The candidate nearest to `typed` when it is a likely typo (edit distance at most 2, and less
// than the length of `typed`), else nullopt.
std::optional<std::string> nearest(std::string_view typed,
                                   const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" when nearest() finds a candidate, else an empty message.
text::Message suggestion(std::string_view typed, const std::vector<std::string>& candidates);

// What the file holds where a value was expected, for "expected X, got Y": "a map", "a list",
// "\"text\"" (French: « text »), "nothing".
text::Message describe_node(const YAML::Node& node);

// "\"text\"", for values and keys quoted in messages.
std::string in_quotes(std::string_view text);

// "a, b, c".
std::string join(const std::vector<std::string>& items);

}  // namespace edusync::config
