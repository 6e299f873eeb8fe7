#pragma once
// What the contract suite needs to know of one connector type: how to configure an instance
// that works and instances that fail, and how to read back what the target holds. One harness
// per registered type (harness_*.cpp); the suite fails for a registered type without one.
// Connectors are described as YAML items of `connectors` (see adapter.hpp). A harness is made
// fresh for each test and owns what it creates (temporary directories).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "support/fake_connector.hpp"

namespace edusync::contract {

class Harness {
 public:
  virtual ~Harness() = default;
  // An instance named `name` that applies what it is given.
  virtual std::string working(const std::string& name) = 0;
  // Instances that cannot apply (target down, unwritable, refusing), named `name`-0, `name`-1...
  // Each must report it in its result, never throw.
  virtual std::vector<std::string> failing(const std::string& name) = 0;
  // Instances that break the interface itself (throw from apply), for the caller's catch.
  virtual std::vector<std::string> breaking(const std::string& /*name*/) { return {}; }
  // What the target of working(`name`) holds, as text equal between two reads of the same
  // content (file bytes, LDAP entries, journal lines, the fake's directory).
  virtual std::string read_back(const std::string& name) = 0;
  // The `applied` the working instance reports for `plan` applied onto an empty target; called
  // after that apply. Default: one per plan item.
  virtual std::uint64_t expected_applied(const plan::Plan& plan, const std::string& /*name*/) {
    return plan.items.size();
  }
};

using HarnessMaker = std::function<std::unique_ptr<Harness>(std::shared_ptr<test::FakeTargets>)>;

// By connector type.
const std::map<std::string, HarnessMaker>& harnesses();

// The makers, one per file.
std::unique_ptr<Harness> make_journal_harness();
std::unique_ptr<Harness> make_file_target_harness(const std::string& type);
std::unique_ptr<Harness> make_sambaedu_harness();
std::unique_ptr<Harness> make_fake_harness(std::shared_ptr<test::FakeTargets> fakes);

}  // namespace edusync::contract
