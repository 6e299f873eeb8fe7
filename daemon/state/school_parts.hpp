#pragma once
// The schools' parts of the model kept between runs (assemble/schools.hpp), one row per UAI:
//   school_parts(uai, fingerprint, inputs, data)
// `fingerprint` is what the part was computed from (run/school_parts.hpp: the school's inputs,
// their sha256, the options that shape a part, the part format); `inputs` the school's inputs as
// that run read them (kind, path, export date, records, bytes, sha256), so that a school whose
// files did not change is recognised without parsing them; `data` the part
// (school_part_codec.hpp). A row is a cache: dropping it only makes the next run parse that
// school again.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "state/database.hpp"
#include "state/run_details.hpp"

namespace edusync::state {

struct StoredPart {
  std::string fingerprint;
  std::vector<RunInput> inputs;  // in the order the run read them
};

void create_school_parts_table(Database& db);

// Every stored part's fingerprint and inputs, by UAI (not the parts themselves).
std::map<std::string, StoredPart> stored_parts(Database& db);
// The part of `uai` when its fingerprint is still `fingerprint`.
std::optional<std::string> load_school_part(Database& db, const std::string& uai,
                                            const std::string& fingerprint);
void save_school_part(Database& db, const std::string& uai, const StoredPart& part,
                      std::string_view data);
// Drops the parts of schools that are not in `uais` (no longer configured).
void keep_school_parts(Database& db, const std::vector<std::string>& uais);

}  // namespace edusync::state
