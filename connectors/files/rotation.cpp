#include "connectors/files/rotation.hpp"

#include <filesystem>
#include <map>
#include <vector>

namespace edusync::connectors::files {
namespace {

std::string compact_date(const std::string& iso) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

// The run a file belongs to: "<YYYYMMDD>_<run id>" after "<prefix>_<UAI>_", or empty when the
// name is not one of ours.
std::string run_of(const std::string& name, const std::string& head) {
  if (!name.starts_with(head)) return {};
  const auto date_end = name.find('_', head.size());
  if (date_end == std::string::npos) return {};
  auto run_end = name.find_first_of("_.", date_end + 1);
  if (run_end == std::string::npos) run_end = name.size();
  return name.substr(head.size(), run_end - head.size());
}

}  // namespace

std::string run_stem(const std::string& prefix, const std::string& uai,
                     const std::string& today_iso, const std::string& run_id) {
  return prefix + "_" + uai + "_" + compact_date(today_iso) + "_" +
         (run_id.empty() ? "run" : run_id);
}

std::size_t rotate(const std::string& dir, const std::string& prefix, const std::string& uai,
                   std::size_t keep) {
  const std::string head = prefix + "_" + uai + "_";
  std::map<std::string, std::vector<std::filesystem::path>> by_run;  // sorted oldest first
  std::size_t removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("." + head) && name.ends_with(".tmp")) {  // left by a crash mid-write
      removed += std::filesystem::remove(entry.path()) ? 1u : 0u;
      continue;
    }
    const std::string run = run_of(name, head);
    if (!run.empty() && entry.is_regular_file()) by_run[run].push_back(entry.path());
  }
  while (by_run.size() > keep) {
    for (const auto& path : by_run.begin()->second)
      removed += std::filesystem::remove(path) ? 1u : 0u;
    by_run.erase(by_run.begin());
  }
  return removed;
}

}  // namespace edusync::connectors::files
