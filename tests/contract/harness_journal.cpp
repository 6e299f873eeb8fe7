// `journal`: a JSON-lines file in a temporary directory; failing: its parent is a regular file.
#include <filesystem>

#include "contract/harness.hpp"
#include "support/test_support.hpp"

namespace edusync::contract {
namespace {

class JournalHarness final : public Harness {
 public:
  std::string working(const std::string& name) override {
    return "{name: " + name + ", type: journal, path: \"" + path(name) + "\"}";
  }
  std::vector<std::string> failing(const std::string& name) override {
    const std::string blocker = dir_.write("blocker", "a file, not a directory");
    return {"{name: " + name + "-0, type: journal, path: \"" + blocker + "/journal.jsonl\"}"};
  }
  std::string read_back(const std::string& name) override {
    return std::filesystem::exists(path(name)) ? test::read_file(path(name)) : std::string();
  }

 private:
  std::string path(const std::string& name) const {
    return (dir_.path() / (name + ".jsonl")).string();
  }
  test::TempDir dir_;
};

}  // namespace

std::unique_ptr<Harness> make_journal_harness() {
  return std::make_unique<JournalHarness>();
}

}  // namespace edusync::contract
