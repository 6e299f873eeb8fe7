#pragma once
// Output file names and the rotation of old runs. Every file of a run is named
//   <prefix>_<UAI>_<YYYYMMDD>_<run id>_<part>.<ext>     (or without _<part>)
// so that an operator sees the school and the date, the files of one run sort together, and
// the runs sort by date then run id (which starts with the UTC time of the run).
#include <string>

namespace edusync::connectors::files {

// "<prefix>_<UAI>_<YYYYMMDD>_<run id>": the stem shared by every file of one run.
std::string run_stem(const std::string& prefix, const std::string& uai,
                     const std::string& today_iso, const std::string& run_id);

// Keeps the files of the `keep` most recent runs of `prefix` and `uai` in `dir`, removes the
// older ones, and the hidden temporary files a crash left behind (files of other prefixes and
// other schools are left alone). Returns how many files were removed.
std::size_t rotate(const std::string& dir, const std::string& prefix, const std::string& uai,
                   std::size_t keep);

}  // namespace edusync::connectors::files
