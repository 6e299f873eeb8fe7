// The file targets (koxo-csv, ent-csv, pix-orga, elea-csv): `dir` in a temporary directory;
// failing: `dir` below a regular file. Read back: every file of `dir`, name and bytes.
#include <filesystem>
#include <map>

#include "contract/harness.hpp"
#include "support/test_support.hpp"

namespace edusync::contract {
namespace {

class FileTargetHarness final : public Harness {
 public:
  explicit FileTargetHarness(std::string type) : type_(std::move(type)) {}

  std::string working(const std::string& name) override {
    return item(name, (dir_.path() / name).string());
  }
  std::vector<std::string> failing(const std::string& name) override {
    const std::string blocker = dir_.write("blocker", "a file, not a directory");
    return {item(name + "-0", blocker + "/" + name)};
  }
  std::string read_back(const std::string& name) override {
    const auto dir = dir_.path() / name;
    std::map<std::string, std::string> files;
    if (std::filesystem::exists(dir)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file())
          files[entry.path().lexically_relative(dir).string()] = test::read_file(entry.path());
      }
    }
    std::string text;
    for (const auto& [file, bytes] : files)
      text.append("== ").append(file).append("\n").append(bytes).append("\n");
    return text;
  }

 private:
  std::string item(const std::string& name, const std::string& dir) const {
    return "{name: " + name + ", type: " + type_ + ", dir: \"" + dir + "\"}";
  }
  std::string type_;
  test::TempDir dir_;
};

}  // namespace

std::unique_ptr<Harness> make_file_target_harness(const std::string& type) {
  return std::make_unique<FileTargetHarness>(type);
}

}  // namespace edusync::contract
