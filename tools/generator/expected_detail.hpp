// Internal pieces of the oracle (expected*.cpp).
#pragma once

#include <vector>

#include "expected.hpp"

namespace gen {

bool pupil_is_current(const School& school, const Pupil& p);
bool link_is_legal(const Link& l, RespFormat format);

void count_pupils(const School& school, SchoolExpected& out, const std::vector<bool>& current);
void count_responsables(const School& school, RespFormat format, SchoolExpected& out,
                        const std::vector<bool>& current);
void count_staff(const School& school, SchoolExpected& out);

}  // namespace gen
