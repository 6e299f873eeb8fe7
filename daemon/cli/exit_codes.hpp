#pragma once
// The exit codes of every edusync command (README.md, "Two commands").
namespace edusync::cli {

enum ExitCode : int {
  kDone = 0,        // done
  kInputError = 1,  // input or runtime error, nothing applied
  kUsageError = 2,  // usage or configuration error
  kHeld = 3,        // held by a safety gate, nothing applied
  kPartial = 4,     // at least one connector failed, the others applied
};

}  // namespace edusync::cli
