// Internal interface between staff_model.cpp and services.cpp.
#pragma once

#include <string_view>

#include "builders.hpp"

namespace gen {

// New INDIVIDU with a fresh id; fonction "" = no FONCTION element.
std::size_t new_individu(BuildContext& ctx, std::string_view fonction, std::size_t discipline,
                         bool local);

// Creates the SERVICE slots of every division and group, then the ENS
// teachers needed to cover them (every created teacher gets ≥ 1 service).
// Returns the indices of those teachers.
std::vector<std::size_t> staff_services(BuildContext& ctx);

}  // namespace gen
