#pragma once
// JSON form of the canonical directory, as documented in schemas/model.schema.json. Empty
// optional fields are left out, so that the files stay small and diffs readable.
#include <nlohmann/json.hpp>
#include <string_view>

#include "model/directory.hpp"
#include "model/warning.hpp"

namespace edusync::model {

nlohmann::ordered_json to_json(const Directory& directory);
// The warning with its message in `language` (fr or en).
nlohmann::ordered_json to_json(const Warning& warning, std::string_view language);

}  // namespace edusync::model
