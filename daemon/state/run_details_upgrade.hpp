#pragma once
// The upgrade of a version-1 store to version 2 (state/key_migration.hpp describes both):
// called by upgrade_schema inside its transaction.
#include "state/database.hpp"

namespace edusync::state {

void upgrade_to_run_details(Database& db);

}  // namespace edusync::state
