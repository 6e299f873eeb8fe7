#pragma once
// Reading the inbox school by school. A school's part of the model (assemble/schools.hpp) is a
// pure function of its exports and of the options that shape it, so the state keeps each
// school's part with a fingerprint of what it came from (state/school_parts.hpp). A school whose
// exports are byte for byte those of its stored part (same paths, kinds, export dates, sizes,
// then sha256) is not parsed: its part is decoded instead. The other schools are parsed and
// assembled as before, and every part, reused or fresh, goes through the same merge, so that a
// reused school and a re-read one give the same directory, warnings and report, byte for byte.
// A school whose pupils' export carries no date is always re-read: the run's date dates it.
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "run/inbox.hpp"
#include "sources/exports.hpp"
#include "sources/parsers/export_parser.hpp"
#include "state/state_store.hpp"

namespace edusync::run {

struct ReadInputs {
  // Every input in the inbox's order: parsed (data moved into the model), or, for a reused
  // school, its header with the sha256, bytes and records of the stored part's inputs.
  std::vector<sources::ParsedExport> sources;
  assemble::Result assembled;
  std::vector<std::string> reread;  // UAIs parsed by this run, in the inbox's order
  std::vector<std::string> reused;  // UAIs whose stored part was reused
};

struct ReadOptions {
  assemble::Options assemble;
  sources::ParseOptions parse;
  bool reuse = true;  // false: every school is parsed (--recompute)
  bool save = true;   // false: nothing is written to the store (a dry run)
};

// `store` may be null (nothing reused, nothing saved). Throws InputError as parsing and
// assemble() do.
ReadInputs read_by_school(const InboxSelection& selection, state::StateStore* store,
                          const ReadOptions& options);

}  // namespace edusync::run
