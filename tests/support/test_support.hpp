#pragma once
// Helpers shared by the tests: temporary directories, files, and parsing from strings.
#include <filesystem>
#include <ostream>
#include <string>

#include "run/runner.hpp"
#include "sources/exports.hpp"
#include "text/message.hpp"

namespace edusync::text {
// Tests print messages in French (gtest's `<<` and EXPECT_EQ); production code renders them in
// the reader's language and has no such operator.
inline std::ostream& operator<<(std::ostream& out, const Message& message) {
  return out << french(message);
}
}  // namespace edusync::text

namespace edusync::test {

// A fresh directory under the system's temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& content) const;
  // Writes `content` to an absolute path (golden files).
  static void write_absolute(const std::string& path, const std::string& content);

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::string& path);
// UTF-8 to ISO-8859-15 for test documents that declare that encoding (throws on a character
// outside Latin-9).
std::string to_latin9(const std::string& utf8);
// Parses an in-memory document, handed out in pieces of `piece` bytes.
sources::ParsedExport parse_string(const std::string& xml, std::size_t piece = 1u << 20);
// The XML declaration SIECLE writes.
constexpr char kLatin9Declaration[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n";
// A minimal valid BEE_ELEVES (UAI 0140065T, year 2025), in ASCII so that it reads the same in
// any declared encoding; `pupils` is inserted inside ELEVES.
std::string bee_eleves(const std::string& pupils,
                       const std::string& declaration = kLatin9Declaration);
// Writes a zip archive with the given (member name, content) pairs.
void write_zip(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& members);
// The content of a hand-written export of tests/data/handmade.
std::string read_handmade(const std::string& name);
// Replaces the first occurrence of `from` by `to` in an ISO-8859-15 export; both are written in
// UTF-8 here and converted. Throws std::runtime_error when `from` is not there, so that a
// scenario never runs on an export its test did not change.
void replace_in_latin9(std::string& text, const std::string& from, const std::string& to);
// `edusync run` in process on a configuration given as YAML text: a configuration with
// problems fails the calling test (first problem shown); no settle time.
run::RunOutcome run_config(const std::string& yaml, run::RunOptions options);
// Runs a command through the shell; returns its exit code, stdout in `output`.
int run_command(const std::string& command, std::string& output);

}  // namespace edusync::test
