// FileWriter: the buffered writer of the large files (report.json, the journal).
#include "common/file_writer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <stdexcept>

#include "support/test_support.hpp"

namespace edusync {
namespace {

mode_t mode_of(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0);
  return info.st_mode & 0777;
}

TEST(FileWriter, ReplaceIsAllOrNothing) {
  test::TempDir dir;
  const auto path = dir.write("report.json", "old");
  {
    auto file = FileWriter::replace(path);
    file << "half of the new";
    // No commit: as if the run had thrown here.
  }
  EXPECT_EQ(test::read_file(path), "old");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  auto file = FileWriter::replace(path);
  file << "new "
       << "content";
  EXPECT_EQ(test::read_file(path), "old");  // not visible before commit
  file.commit();
  EXPECT_EQ(test::read_file(path), "new content");
  EXPECT_EQ(mode_of(path), 0600u);
  EXPECT_THROW(file << "more", std::logic_error);
}

TEST(FileWriter, ReplaceOptionsHideTheTemporaryAndSetTheMode) {
  test::TempDir dir;
  const auto path = (dir.path() / "koxo.csv").string();
  auto file = FileWriter::replace(path, {0640, true, nullptr});
  file << "a;b\r\n";
  file.commit();  // flush: the temporary exists with its final content only once synced
  EXPECT_EQ(test::read_file(path), "a;b\r\n");
  EXPECT_EQ(mode_of(path), 0640u);
  auto next = FileWriter::replace(path, {0640, true, nullptr});
  EXPECT_TRUE(std::filesystem::exists(dir.path() / ".koxo.csv.tmp"));  // hidden from importers
}

TEST(FileWriter, WritesMoreThanItsBufferInOrder) {
  test::TempDir dir;
  const auto path = (dir.path() / "big").string();
  std::string expected;
  auto file = FileWriter::replace(path);
  for (int i = 0; i < 200000; ++i) {
    const auto line = std::to_string(i) + "\n";
    file << line;
    expected += line;
  }
  const std::string block(3 << 20, 'x');  // larger than the buffer: written through
  file << block;
  expected += block;
  file.commit();
  EXPECT_EQ(test::read_file(path), expected);
}

TEST(FileWriter, AppendKeepsWhatIsThere) {
  test::TempDir dir;
  const auto path = (dir.path() / "journal.jsonl").string();
  for (const char* line : {"one\n", "two\n"}) {
    auto file = FileWriter::append(path);
    file << line;
    file.commit();
  }
  EXPECT_EQ(test::read_file(path), "one\ntwo\n");
  EXPECT_EQ(mode_of(path), 0600u);
}

TEST(FileWriter, AnUnwritablePlaceIsNamedInTheError) {
  test::TempDir dir;
  const auto path = (dir.path() / "missing" / "report.json").string();
  try {
    FileWriter::replace(path);
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace edusync
