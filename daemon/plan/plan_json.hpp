#pragma once
// JSON form of plan items, as in the report's `items` (README.md) and the journal connector.
#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace edusync::plan {

// {"entity", "key", "op", "login"?, "uai"?, "structure"?, "subject"?, "fields"?: {"name": [before,
// after]}}
nlohmann::ordered_json to_json(const Item& item);

}  // namespace edusync::plan
