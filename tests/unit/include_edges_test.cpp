// Dependencies between the daemon's folders point one way (daemon/CMakeLists.txt): the run
// knows nothing of the command line, the report nothing of the run or the state, the state
// nothing above it, and only the command line picks concrete connectors (everything else goes
// through connectors/connector.hpp and connectors/registry.hpp). Checked on the `#include`
// lines of the sources, so that a forbidden edge fails here even while it would still link.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace edusync {
namespace {

namespace fs = std::filesystem;

fs::path daemon_root() {
  return fs::weakly_canonical(fs::path(EDUSYNC_SAMPLES) / ".." / "daemon");
}

struct Include {
  std::string file;    // relative to daemon/, with its line: "run/runner.cpp:12"
  std::string header;  // as written between the quotes: "cli/exit_codes.hpp"
};

// Every quoted #include of the C++ files under daemon/`folder` ("" for the whole of daemon/).
std::vector<Include> includes_under(const std::string& folder) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<Include> found;
  const auto root = daemon_root();
  for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    std::ifstream in(entry.path());
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      std::smatch match;
      if (std::regex_search(line, match, kInclude)) {
        found.push_back({fs::relative(entry.path(), root).string() + ":" + std::to_string(number),
                         match[1].str()});
      }
    }
  }
  return found;
}

// The includes of daemon/`folder` that start with one of `forbidden`.
std::vector<std::string> edges(const std::string& folder,
                               const std::vector<std::string>& forbidden) {
  std::vector<std::string> wrong;
  for (const auto& include : includes_under(folder)) {
    for (const auto& prefix : forbidden) {
      if (include.header.starts_with(prefix)) wrong.push_back(include.file + " " + include.header);
    }
  }
  return wrong;
}

std::string listed(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += "\n  " + line;
  return text;
}

TEST(IncludeEdges, ScansTheDaemonSources) {
  EXPECT_GT(includes_under("run").size(), 50u) << daemon_root();
  EXPECT_GT(includes_under("report").size(), 10u);
}

TEST(IncludeEdges, RunNeverIncludesTheCommandLine) {
  const auto wrong = edges("run", {"cli/"});
  EXPECT_TRUE(wrong.empty()) << listed(wrong);
}

TEST(IncludeEdges, ReportNeverIncludesRunStateOrCommandLine) {
  const auto wrong = edges("report", {"run/", "state/", "cli/"});
  EXPECT_TRUE(wrong.empty()) << listed(wrong);
}

TEST(IncludeEdges, StateIncludesNothingAboveIt) {
  const auto wrong = edges("state", {"run/", "report/", "cli/", "diff/", "plan/", "connectors/"});
  EXPECT_TRUE(wrong.empty()) << listed(wrong);
}

TEST(IncludeEdges, PlanAndDiffIncludeNothingAboveThem) {
  auto wrong = edges("plan", {"diff/", "run/", "report/", "state/", "cli/"});
  const auto diff = edges("diff", {"run/", "report/", "state/", "cli/"});
  wrong.insert(wrong.end(), diff.begin(), diff.end());
  EXPECT_TRUE(wrong.empty()) << listed(wrong);
}

// Outside daemon/cli and daemon/main.cpp, a connector is reached through its interface (with
// its errors) and the registry only.
TEST(IncludeEdges, OnlyTheCommandLineIncludesConcreteConnectors) {
  std::vector<std::string> wrong;
  for (const auto& include : includes_under("")) {
    if (include.file.starts_with("cli/") || include.file.starts_with("main.cpp:")) continue;
    if (!include.header.starts_with("connectors/")) continue;
    if (include.header == "connectors/connector.hpp" ||
        include.header == "connectors/registry.hpp" || include.header == "connectors/error.hpp")
      continue;
    wrong.push_back(include.file + " " + include.header);
  }
  EXPECT_TRUE(wrong.empty()) << listed(wrong);
}

}  // namespace
}  // namespace edusync
