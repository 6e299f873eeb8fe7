#pragma once
// Binary form of a directory, for the state store's snapshots. Compact and fast to read back
// (an academy's snapshot holds millions of records); every field is listed once, in
// snapshot_fields.hpp, for both directions. The format starts with a version number: a store
// written by a newer edusync is refused, never misread.
#include <string>
#include <string_view>

#include "model/directory.hpp"

namespace edusync::state {

std::string encode_snapshot(const model::Directory& directory);
// Throws std::runtime_error on a truncated, corrupt or newer-version blob.
model::Directory decode_snapshot(std::string_view blob);

}  // namespace edusync::state
