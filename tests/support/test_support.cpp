#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "common/latin9.hpp"
#include "config/config.hpp"
#include "connectors/registry.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/parsers/export_parser.hpp"

namespace edusync::test {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("edusync-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const auto full = path_ / name;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << content;
  return full.string();
}

void TempDir::write_absolute(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string to_latin9(const std::string& utf8) {
  return latin9::from_utf8_strict(utf8);
}

sources::ParsedExport parse_string(const std::string& xml, std::size_t piece) {
  input::MemorySource source("test.xml", xml, piece);
  return sources::parse_export(source);
}

void write_zip(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : members) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
}

int run_command(const std::string& command, std::string& output) {
  output.clear();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), got);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_handmade(const std::string& name) {
  return read_file(std::string(EDUSYNC_TEST_DATA) + "/handmade/" + name);
}

void replace_in_latin9(std::string& text, const std::string& from, const std::string& to) {
  const std::string encoded = to_latin9(from);
  const auto at = text.find(encoded);
  if (at == std::string::npos) throw std::runtime_error("not in the export: " + from);
  text.replace(at, encoded.size(), to_latin9(to));
}

run::RunOutcome run_config(const std::string& yaml, run::RunOptions options) {
  auto loaded = config::load_config_from_string(yaml, "edusync.yaml",
                                                connectors::builtin_registry().key_tables());
  EXPECT_TRUE(loaded.ok()) << (loaded.problems.empty()
                                   ? ""
                                   : config::format_problem(loaded.problems[0]));
  if (!loaded.config) throw std::runtime_error("configuration refused");
  options.settle_time = std::chrono::milliseconds(0);
  return run::run_sync(*loaded.config, options);
}

std::string bee_eleves(const std::string& pupils, const std::string& declaration) {
  return declaration +
         "<BEE_ELEVES VERSION=\"3.0\">\n"
         "<PARAMETRES><UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>"
         "<DATE_EXPORT>14/11/2025</DATE_EXPORT></PARAMETRES>\n"
         "<DONNEES><ELEVES>\n" +
         pupils +
         "</ELEVES></DONNEES>\n"
         "</BEE_ELEVES>\n";
}

}  // namespace edusync::test
