// Every command shown in a ```sh block of README.md is run here exactly as written, with the
// real binary, from a directory laid out like the repository (samples/, and the binary under
// test at build/release/daemon/edusync). An `edusync` command must exit 0, and an `inspect`
// must report every file it names. `./edusync.sh demo|test` install packages and build whole
// trees, too heavy for a unit test: their script is syntax-checked, their subcommands must
// exist, the demo's `inspect` step is run the same way, and `.ci/run` must be `./edusync.sh
// test`; the coordinator's CI runs them for real.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

const fs::path kRepository = fs::path(EDUSYNC_SAMPLES).parent_path();
const std::string kBinary = EDUSYNC_BINARY;
const std::string kBinaryAsWritten = "build/release/daemon/edusync";

std::string trim_line(std::string line) {
  const auto hash = line.find(" #");
  if (hash != std::string::npos) line.erase(hash);
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string::npos || line[first] == '#') return {};
  line.erase(0, first);
  line.erase(line.find_last_not_of(" \t") + 1);
  return line;
}

// The command lines of the ```sh blocks, comments and blank lines left out.
std::vector<std::string> shell_lines(const std::string& markdown) {
  std::vector<std::string> lines;
  std::istringstream in(markdown);
  bool in_block = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("```")) {
      in_block = !in_block && line == "```sh";
      continue;
    }
    if (!in_block) continue;
    if (auto command = trim_line(line); !command.empty()) lines.push_back(command);
  }
  return lines;
}

bool is_edusync_command(const std::string& line) {
  return line.starts_with(kBinaryAsWritten + " ") || line.starts_with("edusync ");
}

// A directory where the README's relative paths mean what they mean in the repository.
class RepositoryLayout {
 public:
  RepositoryLayout() {
    fs::create_symlink(kRepository / "samples", dir_.path() / "samples");
    fs::create_symlink(kRepository / "config", dir_.path() / "config");
    fs::create_directories(dir_.path() / "build/release/daemon");
    fs::create_symlink(kBinary, dir_.path() / kBinaryAsWritten);
    fs::create_directories(dir_.path() / "bin");
    fs::create_symlink(kBinary, dir_.path() / "bin/edusync");
  }
  // Runs `line` through the shell in the layout; stdout in `output`, stderr in `errors`.
  int run(const std::string& line, std::string& output, std::string& errors) const {
    const std::string stderr_file = (dir_.path() / "stderr").string();
    const int code = test::run_command("cd '" + dir_.path().string() + "' && PATH='" +
                                           (dir_.path() / "bin").string() + "':\"$PATH\" " + line +
                                           " 2>'" + stderr_file + "'",
                                       output);
    errors = test::read_file(stderr_file);
    return code;
  }
  // The words of `line` after the program, as the shell expands them (globs included).
  std::vector<std::string> arguments(const std::string& line) const {
    const std::string rest = line.substr(line.find(' ') + 1);
    std::string output, errors;
    EXPECT_EQ(run("printf '%s\\n' " + rest, output, errors), 0) << errors;
    std::vector<std::string> words;
    std::istringstream in(output);
    for (std::string word; std::getline(in, word);) words.push_back(word);
    return words;
  }

 private:
  test::TempDir dir_;
};

// The files an `inspect` names: its words that are neither options nor their values.
std::vector<std::string> inspected_files(const std::vector<std::string>& words) {
  std::vector<std::string> files;
  bool inspect_seen = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "--uai" || word == "--today" || word == "--config" || word == "--edt-key") {
      ++i;
    } else if (word == "inspect") {
      inspect_seen = true;
    } else if (inspect_seen && !word.starts_with("--")) {
      files.push_back(word);
    }
  }
  return files;
}

// Each file named is among the sources read (a zip archive through its members).
void expect_every_file_read(const std::string& line, const std::vector<std::string>& files,
                            const std::string& output) {
  const bool json = line.find(" --json") != std::string::npos;
  std::vector<std::string> paths;
  if (json) {
    const auto document = nlohmann::json::parse(output);
    for (const auto& source : document.at("sources")) paths.push_back(source.at("path"));
  }
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    EXPECT_TRUE(fs::exists(kRepository / file)) << "the README names a file the repository lacks";
    if (json) {
      const bool read = std::any_of(paths.begin(), paths.end(), [&](const std::string& path) {
        return path == file || path.starts_with(file + ":");
      });
      EXPECT_TRUE(read) << output;
    } else {
      EXPECT_NE(output.find("  " + file), std::string::npos) << output;
    }
  }
}

void run_as_written(const RepositoryLayout& layout, const std::string& line) {
  SCOPED_TRACE(line);
  std::string output, errors;
  ASSERT_EQ(layout.run(line, output, errors), 0) << errors << output;
  const auto words = layout.arguments(line);
  if (std::find(words.begin(), words.end(), "inspect") == words.end()) return;
  const auto files = inspected_files(words);
  EXPECT_FALSE(files.empty());
  expect_every_file_read(line, files, output);
}

TEST(ReadmeCommands, EveryEdusyncCommandRunsAsWritten) {
  const auto lines = shell_lines(test::read_file((kRepository / "README.md").string()));
  const RepositoryLayout layout;
  std::size_t run = 0;
  for (const auto& line : lines) {
    if (!is_edusync_command(line)) continue;
    run_as_written(layout, line);
    ++run;
  }
  EXPECT_GE(run, 2u) << "the README's inspect examples were not found";
}

TEST(ReadmeCommands, EveryOtherCommandIsAScriptCommandThatExists) {
  const auto lines = shell_lines(test::read_file((kRepository / "README.md").string()));
  const std::string script = test::read_file((kRepository / "edusync.sh").string());
  std::string output;
  EXPECT_EQ(
      test::run_command("bash -n '" + (kRepository / "edusync.sh").string() + "' 2>&1", output), 0)
      << output;
  for (const auto& line : lines) {
    if (is_edusync_command(line)) continue;
    SCOPED_TRACE(line);
    ASSERT_TRUE(line.starts_with("./edusync.sh ")) << "a README command no test covers";
    const std::string subcommand = line.substr(std::string("./edusync.sh ").size());
    EXPECT_NE(script.find("\n  " + subcommand + ") cmd_" + subcommand + " ;;"), std::string::npos);
  }
  const std::string ci = test::read_file((kRepository / ".ci/run").string());
  EXPECT_NE(ci.find("\n./edusync.sh test\n"), std::string::npos) << ci;
}

TEST(ReadmeCommands, TheDemosInspectStepRunsAsWritten) {
  const std::string script = test::read_file((kRepository / "edusync.sh").string());
  const std::string call = "\"$edusync\" inspect ";
  const RepositoryLayout layout;
  std::size_t found = 0;
  for (auto at = script.find(call); at != std::string::npos; at = script.find(call, at + 1)) {
    std::string line = script.substr(at, script.find('\n', at) - at);
    line = line.substr(0, line.find(" | "));  // the call itself, not what the demo pipes it into
    run_as_written(layout, kBinaryAsWritten + line.substr(std::string("\"$edusync\"").size()));
    ++found;
  }
  EXPECT_GE(found, 1u);
}

TEST(ReadmeCommands, TheIntroductionDoesNotCallExistingTargetsFuture) {
  const std::string readme = test::read_file((kRepository / "README.md").string());
  EXPECT_EQ(readme.find("are the next issues"), std::string::npos);
  EXPECT_EQ(readme.find("as the next issues"), std::string::npos);
}

}  // namespace
}  // namespace edusync
