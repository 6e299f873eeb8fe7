#pragma once
// A connector held in memory, for the tests of what drives connectors (run/apply, the contract
// suite of tests/contract): it applies the plan's items in order onto the directory it is given
// as `before`, keeps the result, counts its apply calls, and fails on demand, the way a real
// target fails: one item refused (ItemFailure), the whole target down (ApplyResult::error), or
// a programming error that throws (which run/apply must catch).
//
// What the "target" holds outlives the connector instance: run/apply creates a connector per
// run, so the held directory lives in a FakeTarget shared by every instance of one name
// (FakeTargets), which the test reads afterwards.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/keys.hpp"
#include "connectors/connector.hpp"
#include "connectors/registry.hpp"
#include "model/directory.hpp"

namespace edusync::test {

// What one fake target holds and how often it was asked to apply.
struct FakeTarget {
  model::Directory held;
  std::size_t apply_calls = 0;
  std::size_t items_applied = 0;  // over every call
};

// The fake targets of one test, by connector name; a connector made for a name it has never
// seen gets an empty target.
class FakeTargets {
 public:
  std::shared_ptr<FakeTarget> of(const std::string& name);
  // The target of `name`, or nullptr when no connector of that name was ever made.
  std::shared_ptr<const FakeTarget> find(const std::string& name) const;

 private:
  std::map<std::string, std::shared_ptr<FakeTarget>> targets_;
};

// The failures a fake connector is told to produce.
struct FakeFailures {
  std::optional<std::size_t> item;  // index in plan.items refused
  std::string key;                  // every item whose key is this one is refused
  std::string whole;                // non-empty: the whole apply fails with this message
  bool throw_on_apply = false;      // apply throws std::runtime_error (breaks the contract)
};

// The fake's configuration keys (type "fake"): fail_item (-1: none), fail_key, fail_whole
// ("none": no failure) and throw_on_apply, so that a fake configured in YAML fails on demand.
std::vector<config::KeySpec> fake_connector_keys();
// The failures a configuration item of type "fake" asks for (its keys, typed by the loader).
FakeFailures fake_failures(const config::ConnectorConfig& settings);

inline constexpr char kFakeType[] = "fake";

class FakeConnector final : public connectors::Connector {
 public:
  explicit FakeConnector(config::ConnectorConfig settings,
                         std::shared_ptr<FakeTarget> target = std::make_shared<FakeTarget>(),
                         FakeFailures failures = {});

  const config::ConnectorConfig& settings() const override { return settings_; }
  connectors::Capabilities capabilities() const override { return {}; }
  // The held directory becomes `before` with every item not refused applied onto it, in plan
  // order; `applied` counts those items. A whole failure leaves the held directory as it was.
  connectors::ApplyResult apply(const connectors::ApplyContext& context) override;

  void fail_item(std::size_t index) { failures_.item = index; }
  void fail_key(std::string key) { failures_.key = std::move(key); }
  void fail_whole(std::string message) { failures_.whole = std::move(message); }
  void throw_on_apply(bool enabled = true) { failures_.throw_on_apply = enabled; }

  const model::Directory& held() const { return target_->held; }
  std::size_t apply_calls() const { return target_->apply_calls; }
  const std::shared_ptr<FakeTarget>& target() const { return target_; }

 private:
  bool refuses(std::size_t index, const plan::Item& item) const;

  config::ConnectorConfig settings_;
  std::shared_ptr<FakeTarget> target_;
  FakeFailures failures_;
};

// The fake as a registry entry (type "fake"), which tests/contract/adapter.cpp adds to a
// connectors::Registry beside the built-in types. Every connector it makes shares `targets`,
// by name.
connectors::ConnectorType fake_connector_type(const std::shared_ptr<FakeTargets>& targets);

// `item` applied onto `held`, its records taken from `after`. `added` collects the structures
// this plan added, so that a later removal of the same code (a rollover: last year's structure,
// already replaced by this year's) leaves this year's in place.
void apply_item(const plan::Item& item, const model::Directory& after, model::Directory& held,
                std::vector<std::string>& added);

// A directory as text that does not depend on the order of its records, for comparisons.
std::string canonical_text(const model::Directory& directory);

}  // namespace edusync::test
