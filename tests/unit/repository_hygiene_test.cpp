// The repository stands on its own: no source, header, CMake, script or markdown file cites a
// document a clone does not have or an issue number (facts go into docs/, history into git),
// and every docs/ page a file cites exists. The git history is not scanned.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace edusync {
namespace {

namespace fs = std::filesystem;

fs::path source_root() {
  return fs::weakly_canonical(fs::path(EDUSYNC_SAMPLES) / "..");
}

bool scanned(const fs::path& path) {
  static const std::vector<std::string> kExtensions = {".cpp", ".hpp", ".h",  ".cmake",
                                                       ".sh",  ".py",  ".md", ".service"};
  const auto name = path.filename().string();
  if (name == "CMakeLists.txt") return true;
  for (const auto& ext : kExtensions) {
    if (path.extension() == ext) return true;
  }
  return false;
}

// Build trees, the git directory and hidden tool caches are not part of the sources.
bool skipped_directory(const fs::path& path) {
  const auto name = path.filename().string();
  return name.starts_with(".") || name.starts_with("build");
}

std::vector<fs::path> repository_files() {
  std::vector<fs::path> files;
  const auto root = source_root();
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && skipped_directory(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && scanned(it->path())) files.push_back(it->path());
  }
  return files;
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string where(const fs::path& file, std::size_t index) {
  return fs::relative(file, source_root()).string() + ":" + std::to_string(index + 1);
}

// Written with character classes so that this file does not match its own patterns.
const std::vector<std::regex>& forbidden_citations() {
  static const std::vector<std::regex> kPatterns = {
      std::regex(R"(\.\./share[d])"),      std::regex(R"(FORMATS-(INPU[T]|OUTPU[T]))"),
      std::regex(R"(STYL[E]\.md)"),        std::regex(R"(LANDSCAP[E]\.md)"),
      std::regex(R"(DESIG[N]\.md)"),       std::regex(R"(GLOSSAR[Y]\.md)"),
      std::regex(R"(/wor[k]/)"),           std::regex(R"([Ii]ssues? *#[0-9])"),
      std::regex(R"(\((see )?#[0-9]+\))"),
  };
  return kPatterns;
}

TEST(RepositoryHygiene, ScansTheWholeSourceTree) {
  const auto files = repository_files();
  EXPECT_GT(files.size(), 100u) << "source root: " << source_root();
  EXPECT_TRUE(fs::exists(source_root() / "docs" / "README.md"));
}

TEST(RepositoryHygiene, NoFileCitesOutsideDocumentsOrIssueNumbers) {
  std::ostringstream offenders;
  for (const auto& file : repository_files()) {
    const auto lines = lines_of(file);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      for (const auto& pattern : forbidden_citations()) {
        if (std::regex_search(lines[i], pattern)) {
          offenders << where(file, i) << ": " << lines[i] << "\n";
          break;
        }
      }
    }
  }
  EXPECT_EQ(offenders.str(), "")
      << "cite docs/ of this repository instead (facts in your own words, with public sources)";
}

TEST(RepositoryHygiene, EveryCitedDocsPageExists) {
  static const std::regex kDocsPath(R"((^|[^A-Za-z0-9_.-])(docs/[A-Za-z0-9_./-]*\.md))");
  std::ostringstream missing;
  std::size_t citations = 0;
  for (const auto& file : repository_files()) {
    const auto lines = lines_of(file);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      for (std::sregex_iterator m(lines[i].begin(), lines[i].end(), kDocsPath), end; m != end;
           ++m) {
        ++citations;
        const auto cited = (*m)[2].str();
        if (!fs::exists(source_root() / cited)) missing << where(file, i) << ": " << cited << "\n";
      }
    }
  }
  EXPECT_GT(citations, 10u);
  EXPECT_EQ(missing.str(), "");
}

}  // namespace
}  // namespace edusync
