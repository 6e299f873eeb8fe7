#include "cli/suggest.hpp"

#include <algorithm>
#include <numeric>

#include "cli/commands.hpp"

namespace edusync::cli {
namespace {

// Levenshtein distance, one row at a time.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> typed_command(const std::vector<std::string>& arguments,
                                         const std::vector<std::string>& options_with_value) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const auto& argument = arguments[i];
    if (argument.empty() || argument[0] != '-') return argument;
    const bool takes_value = std::find(options_with_value.begin(), options_with_value.end(),
                                       argument) != options_with_value.end();
    if (takes_value) ++i;  // --config FILE; --config=FILE is one word
  }
  return std::nullopt;
}

std::optional<std::string> closest_command(const std::string& typed,
                                           const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  for (const auto& name : known) {
    const std::size_t distance =
        name.rfind(typed, 0) == 0 && typed.size() >= 2 ? 1 : edit_distance(typed, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

text::Message unknown_command_message(const std::string& typed,
                                      const std::vector<std::string>& known) {
  auto hint = text::verbatim("");
  if (const auto closest = closest_command(typed, known))
    hint = text::message("cli.unknown_command.hint", {text::arg("name", *closest)});
  std::string list;
  for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
  return text::message("cli.unknown_command",
                       {text::arg("typed", typed), text::nested("hint", std::move(hint)),
                        text::arg("commands", list)});
}

std::string language_argument(int argc, char** argv) {
  std::string value;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (word == "--language" && i + 1 < argc) {
      value = argv[++i];
    } else if (word.starts_with("--language=")) {
      value = std::string(word.substr(11));
    }
  }
  return value == "fr" || value == "en" ? value : std::string();
}

}  // namespace edusync::cli
