#pragma once
// Binary form of one school's part of the model (assemble/schools.hpp), as the state keeps it
// between runs (table school_parts, state_store.hpp). Unlike a snapshot it keeps every field of
// the assembled records (the Pix Orga fields, where each record was read) and the school's
// warnings, so that a reused part gives the same directory and report as the exports it came
// from. Versioned like snapshots: a part of another version is not read (the school is parsed).
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "model/warning.hpp"

namespace edusync::state {

struct PartContents {
  model::Directory directory;
  std::vector<model::Warning> warnings;
  std::vector<std::string> shared_key_ines;  // assemble/schools.hpp SchoolPart
};

std::string encode_school_part(const model::Directory& directory,
                               const std::vector<model::Warning>& warnings,
                               const std::vector<std::string>& shared_key_ines);
// Throws std::runtime_error on a truncated, corrupt or other-version blob.
PartContents decode_school_part(const std::string& blob);

}  // namespace edusync::state
