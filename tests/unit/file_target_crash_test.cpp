// A crash while a file target writes (SIGKILL between the complete, synced temporary file and
// its rename: EDUSYNC_CRASH_AT=file-target-before-rename) leaves the previous run's files
// intact and no partial file under a final name; the next run converges and writes them all.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

class FileTargetCrash : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.write("edusync.yaml", "school: {uai: 0069500U, name: Sample}\nstate_dir: " +
                                             (dir_.path() / "state").string() +
                                             "\ninbox: " + (dir_.path() / "inbox").string() +
                                             "\nsafety: {max_departure_ratio: 0.5}\nconnectors:\n"
                                             "  - {name: koxo, type: koxo-csv, dir: " +
                                             out() + "}\n");
  }

  void drop(const std::string& sample) {
    fs::remove_all(dir_.path() / "inbox");
    fs::create_directories(dir_.path() / "inbox");
    for (const auto& entry : fs::directory_iterator(std::string(EDUSYNC_SAMPLES) + "/" + sample)) {
      if (entry.path().extension() != ".json")
        fs::copy_file(entry.path(), dir_.path() / "inbox" / entry.path().filename());
    }
  }

  int edusync(const std::string& today, const std::string& environment = "") {
    return test::run_command(environment + " " + std::string(EDUSYNC_BINARY) + " --config " +
                                 config_ + " run --today " + today +
                                 " --settle-ms 0 >/dev/null 2>&1",
                             output_);
  }

  std::string out() const { return (dir_.path() / "out").string(); }

  // Visible files of the output directory, by name, with their bytes.
  std::map<std::string, std::string> visible_files() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(out())) {
      const auto name = entry.path().filename().string();
      if (!name.starts_with(".")) files[name] = test::read_file(entry.path());
    }
    return files;
  }

  test::TempDir dir_;
  std::string config_;
  std::string output_;
};

TEST_F(FileTargetCrash, ACrashWhileWritingLeavesThePreviousFilesIntact) {
  drop("college");
  ASSERT_EQ(edusync("2026-01-30"), 0);
  const auto before = visible_files();
  ASSERT_EQ(before.size(), 2u);

  drop("college-next");
  EXPECT_NE(edusync("2026-02-02", "EDUSYNC_CRASH_AT=file-target-before-rename"), 0);
  EXPECT_EQ(visible_files(), before);  // same names, same bytes, nothing half-written

  drop("college-next");
  ASSERT_EQ(edusync("2026-02-02"), 0);
  const auto after = visible_files();
  EXPECT_EQ(after.size(), 4u);
  std::size_t second_run = 0;
  for (const auto& [name, bytes] : after) {
    if (name.find("_20260202_") == std::string::npos) continue;
    ++second_run;
    EXPECT_TRUE(bytes.ends_with("\r\n")) << name;
  }
  EXPECT_EQ(second_run, 2u);
  for (const auto& entry : fs::directory_iterator(out())) {
    EXPECT_FALSE(entry.path().filename().string().ends_with(".tmp"))
        << "temporary left: " << entry.path();
  }
}

}  // namespace
}  // namespace edusync
