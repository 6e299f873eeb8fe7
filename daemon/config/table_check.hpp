#pragma once
// Internal to the config library: a key table is checked once, when it is first used or
// registered, so that a mistake in a table is a start-up failure rather than a surprise.
#include <string>
#include <vector>

#include "config/keys.hpp"

namespace edusync::config {

// Throws std::logic_error, naming `what`, when a path is empty or given twice, a key is also the
// parent of another (a value and a map at once), a *_file key is not a path (they name secret
// files), or a default does not pass its own key's type.
void check_table(const std::vector<KeySpec>& keys, const std::string& what);

}  // namespace edusync::config
