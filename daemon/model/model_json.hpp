#pragma once
// JSON form of the canonical directory, as documented in schemas/model.schema.json. Empty
// optional fields are left out, so that the files stay small and diffs readable.
#include <nlohmann/json.hpp>

#include "model/directory.hpp"
#include "model/warning.hpp"

namespace edusync::model {

nlohmann::ordered_json to_json(const Directory& directory);
nlohmann::ordered_json to_json(const Warning& warning);

}  // namespace edusync::model
