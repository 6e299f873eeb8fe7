#pragma once
// "edusync runn": the command line names no known command. Said with the closest one, rather
// than CLI11's "A subcommand is required".
#include <optional>
#include <string>
#include <vector>

#include "text/message.hpp"

namespace edusync::cli {

// The first word of `arguments` (argv without the program) that is neither an option nor the
// value of an option in `options_with_value` (such as --config): the command the user typed.
std::optional<std::string> typed_command(const std::vector<std::string>& arguments,
                                         const std::vector<std::string>& options_with_value);

// The known command closest to `typed` (edit distance at most 2, or a prefix of it), if any.
std::optional<std::string> closest_command(const std::string& typed,
                                           const std::vector<std::string>& known);

// « commande inconnue « runn » : vouliez-vous dire « run » ? Commandes : inspect, run... »
text::Message unknown_command_message(const std::string& typed,
                                      const std::vector<std::string>& known);

}  // namespace edusync::cli
