// The contract every connector type keeps, run over every type of the registry plus the fake
// (tests/support/fake_connector.hpp): a plan from nothing is applied completely; applying the
// same state again changes nothing in the target; a target that cannot apply says so in its
// result and does not throw; run/apply acknowledges a connector only when it applied
// everything. The types come from the registry: a type registered without a harness
// (harness.hpp) fails here instead of skipping the contract.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "contract/adapter.hpp"
#include "contract/harness.hpp"
#include "contract/school.hpp"
#include "diff/diff.hpp"
#include "support/test_support.hpp"

namespace edusync::contract {
namespace {

constexpr char kToday[] = "2025-11-20";
constexpr char kRunId[] = "20251120T101010Z-c0de";

std::vector<std::string> contract_types() {
  return registered_types(registry_with_fake(std::make_shared<test::FakeTargets>()));
}

std::string describe(const connectors::ApplyResult& result) {
  std::string described = "error: " + text::french(result.error);
  for (const auto& failure : result.failures)
    described.append("\nitem ")
        .append(std::to_string(failure.item))
        .append(": ")
        .append(text::french(failure.message));
  return described;
}

std::string reported_message(const connectors::ApplyResult& result) {
  std::string message = text::french(result.error);
  for (const auto& failure : result.failures) message += text::french(failure.message);
  return message;
}

class ConnectorContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto found = harnesses().find(GetParam());
    ASSERT_NE(found, harnesses().end())
        << "connector type " << GetParam()
        << " is registered but has no contract harness: add one (tests/contract/harness_*.cpp) "
           "and list it in harnesses()";
    harness_ = found->second(fakes_);
  }

  // `plan` from `before` to `after`, applied by a connector made from `yaml_item`.
  connectors::ApplyResult apply(const std::string& yaml_item, const plan::Plan& plan,
                                const model::Directory& before, const model::Directory& after,
                                const std::string& run_id = kRunId,
                                const std::string& today = kToday) const {
    const auto connector = make_connector(registry_, yaml_item);
    return connector->apply({plan, before, after, passwords_, run_id, today});
  }

  const model::Directory empty_{};
  const model::Directory school_ = small_school();
  const plan::Plan first_plan_ = diff::diff(empty_, school_, diff::Rules{});
  // Initial passwords of the accounts the first plan creates, as run/apply hands them over.
  const std::map<std::string, std::string> passwords_ = {{kFirstPupil, "Bonjour-1234"},
                                                         {"0602116651P", "Bonjour-2345"},
                                                         {"0702116652R", "Bonjour-3456"},
                                                         {"sts:4101", "Bonjour-4567"}};
  std::shared_ptr<test::FakeTargets> fakes_ = std::make_shared<test::FakeTargets>();
  const connectors::Registry registry_ = registry_with_fake(fakes_);
  std::unique_ptr<Harness> harness_;
};

TEST_P(ConnectorContract, APlanFromNothingIsAppliedCompletely) {
  ASSERT_FALSE(first_plan_.empty());
  const auto before = harness_->read_back("target");
  const auto result = apply(harness_->working("target"), first_plan_, empty_, school_);
  EXPECT_TRUE(result.complete()) << describe(result);
  EXPECT_EQ(result.applied, harness_->expected_applied(first_plan_, "target"));
  EXPECT_NE(harness_->read_back("target"), before) << "nothing written to the target";
}

TEST_P(ConnectorContract, ApplyingTheSameStateAgainChangesNothing) {
  const auto first = apply(harness_->working("target"), first_plan_, empty_, school_);
  ASSERT_TRUE(first.complete()) << describe(first);
  const auto held = harness_->read_back("target");
  // The next run: nothing changed, the target is given before = after and an empty plan.
  const plan::Plan nothing;
  const auto again = apply(harness_->working("target"), nothing, school_, school_,
                           "20251121T101010Z-c0de", "2025-11-21");
  EXPECT_TRUE(again.complete()) << describe(again);
  EXPECT_EQ(again.applied, 0u);
  EXPECT_EQ(harness_->read_back("target"), held);
}

TEST_P(ConnectorContract, ATargetThatCannotApplySaysSoAndDoesNotThrow) {
  const auto instances = harness_->failing("broken");
  ASSERT_FALSE(instances.empty());
  for (const auto& instance : instances) {
    SCOPED_TRACE(instance);
    connectors::ApplyResult result;
    EXPECT_NO_THROW(result = apply(instance, first_plan_, empty_, school_));
    EXPECT_FALSE(result.complete());
    EXPECT_FALSE(reported_message(result).empty());
  }
}

TEST_P(ConnectorContract, RunAcknowledgesOnlyTheConnectorsThatAppliedEverything) {
  test::TempDir dir;
  state::StateStore store((dir.path() / "state").string());
  const auto earlier = store.store_snapshot(empty_, "2025-11-19");
  const auto desired = store.store_snapshot(school_, kToday);
  ASSERT_NE(earlier, desired);
  std::vector<std::string> items = {harness_->working("ok")};
  for (auto& instance : harness_->failing("ko")) items.push_back(std::move(instance));
  for (auto& instance : harness_->breaking("ko")) items.push_back(std::move(instance));
  // Every failing one had acknowledged the earlier state: it must still be there afterwards.
  for (std::size_t i = 1; i < items.size(); ++i)
    store.acknowledge(connector_name(registry_, items[i]), earlier, "2025-11-19");

  const run::ApplyRequest request{school_, desired, kRunId, kToday, std::nullopt};
  const auto outcomes = apply_through_run(store, registry_, items, request);
  ASSERT_EQ(outcomes.size(), items.size());
  EXPECT_EQ(outcomes.at(0).status, "ok") << text::french(outcomes.at(0).error);
  EXPECT_EQ(store.acknowledged("ok"), desired);
  for (std::size_t i = 1; i < outcomes.size(); ++i) {
    const auto& outcome = outcomes.at(i);
    SCOPED_TRACE(items[i]);
    EXPECT_EQ(outcome.status, "failed");
    EXPECT_TRUE(!outcome.error.empty() || outcome.failed > 0);
    EXPECT_EQ(store.acknowledged(outcome.name), earlier);
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(),
      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryType, ConnectorContract, ::testing::ValuesIn(contract_types()),
                         test_name);

TEST(ConnectorContractCoverage, EveryRegisteredTypeHasAHarnessAndEveryHarnessAType) {
  const auto types = contract_types();
  for (const auto& type : types)
    EXPECT_TRUE(harnesses().contains(type)) << type << " has no contract harness";
  for (const auto& [type, maker] : harnesses())
    EXPECT_NE(std::find(types.begin(), types.end(), type), types.end())
        << "harness for " << type << ", which is not registered";
  EXPECT_NE(std::find(types.begin(), types.end(), test::kFakeType), types.end());
}

}  // namespace
}  // namespace edusync::contract
