#pragma once
// The exit codes of every edusync command (README.md, "Two commands").
#include <cstdint>

namespace edusync::run {
enum class Status : std::uint8_t;  // run/run_result.hpp
}

namespace edusync::cli {

enum ExitCode : int {
  kDone = 0,        // done
  kInputError = 1,  // input or runtime error, nothing applied
  kUsageError = 2,  // usage or configuration error
  kHeld = 3,        // held by a safety gate, nothing applied
  kPartial = 4,     // at least one connector failed, the others applied
};

// How a run ended, as an exit code: done 0, failed 1, held 3, partial 4, and 1 for a run refused
// because another one holds the state (run_commands.cpp).
ExitCode exit_code_of(run::Status status);

}  // namespace edusync::cli
