// The fake (tests/support/fake_connector.hpp): what it holds is read from the shared
// FakeTargets; failing: the whole target down, one item refused, the items of a key refused;
// breaking: apply throws.
#include "contract/harness.hpp"
#include "contract/school.hpp"

namespace edusync::contract {
namespace {

class FakeHarness final : public Harness {
 public:
  explicit FakeHarness(std::shared_ptr<test::FakeTargets> fakes) : fakes_(std::move(fakes)) {}

  std::string working(const std::string& name) override {
    return "{name: " + name + ", type: fake}";
  }
  std::vector<std::string> failing(const std::string& name) override {
    return {"{name: " + name + "-0, type: fake, fail_whole: \"serveur injoignable\"}",
            "{name: " + name + "-1, type: fake, fail_item: 1}",
            "{name: " + name + "-2, type: fake, fail_key: \"" + kFirstPupil + "\"}"};
  }
  std::vector<std::string> breaking(const std::string& name) override {
    return {"{name: " + name + "-throws, type: fake, throw_on_apply: true}"};
  }
  std::string read_back(const std::string& name) override {
    const auto target = fakes_->find(name);
    if (!target) return {};
    return test::canonical_text(target->held);
  }

 private:
  std::shared_ptr<test::FakeTargets> fakes_;
};

}  // namespace

std::unique_ptr<Harness> make_fake_harness(std::shared_ptr<test::FakeTargets> fakes) {
  return std::make_unique<FakeHarness>(std::move(fakes));
}

}  // namespace edusync::contract
