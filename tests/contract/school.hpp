#pragma once
// The directory every connector type is given by the contract suite: one school (UAI 0140065T,
// 2025-2026), a division with a group, three pupils (one with a guardian), a teacher heading
// the division and teaching it, with everything each target asks for (INE, ELENOET, birth
// place, MEF, login and uid number), and French names that need their accents.
#include <string>

#include "model/directory.hpp"

namespace edusync::contract {

inline constexpr char kUai[] = "0140065T";
inline constexpr char kFirstPupil[] = "0502116650N";  // the first pupil's key (an INE)

model::Directory small_school();

}  // namespace edusync::contract
