// MISSING_EXPORT compares the inbox with the inputs of the last applied run, school by
// configured school: a kind missing is named, a school wholly missing too (its pupils would
// all leave while the academy-wide REMOVAL_THRESHOLD stays under its ratio), a school no
// longer configured is not.
#include <gtest/gtest.h>

#include "run/gates.hpp"

namespace edusync::run {
namespace {

state::RunInput input(const std::string& kind, const std::string& uai) {
  state::RunInput in;
  in.kind = kind;
  in.uai = uai;
  in.export_date = "2025-11-14";
  return in;
}

sources::ParsedExport source(sources::ExportKind kind, const std::string& uai) {
  sources::ParsedExport s;
  s.kind = kind;
  s.header.uai = uai;
  return s;
}

using Missing = std::vector<std::pair<std::string, std::string>>;

TEST(MissingExport, AKindAndAWholeSchoolMissingAreNamedAnUnconfiguredSchoolIsNot) {
  const std::vector<state::RunInput> applied = {
      input("siecle-eleves", "0140065T"), input("sts-emp", "0140065T"),
      input("siecle-eleves", "0140066U"), input("sts-emp", "0140066U"),
      input("siecle-eleves", "0999999Z")};  // a school since left out of the configuration
  const std::vector<sources::ParsedExport> inbox = {
      source(sources::ExportKind::siecle_eleves, "0140065T")};
  const std::vector<std::string> schools = {"0140065T", "0140066U"};
  EXPECT_EQ(
      missing_exports(applied, inbox, schools),
      (Missing{{"siecle-eleves", "0140066U"}, {"sts-emp", "0140065T"}, {"sts-emp", "0140066U"}}));

  GateInputs gates;
  const plan::Plan plan;
  const state::ExportMarks marks;
  gates.plan = &plan;
  gates.sources = &inbox;
  gates.marks = &marks;
  gates.last_applied_inputs = &applied;
  gates.last_applied_run = "20251120T023000Z-1a2b";
  gates.schools = &schools;
  const auto held = check_gates(gates);
  ASSERT_EQ(held.size(), 3u);
  for (const auto& gate : held) EXPECT_EQ(gate.code, "MISSING_EXPORT");
  EXPECT_NE(text::french(held[0].message)
                .find("le dernier passage appliqué (20251120T023000Z-1a2b) en avait un "
                      "(export du 2025-11-14)"),
            std::string::npos)
      << text::french(held[0].message);
}

TEST(MissingExport, NothingMissingOrNoAppliedRunHoldsNothing) {
  const std::vector<state::RunInput> applied = {input("siecle-eleves", "0140065T")};
  const std::vector<sources::ParsedExport> inbox = {
      source(sources::ExportKind::siecle_eleves, "0140065T"),
      source(sources::ExportKind::sts_emp, "0140065T")};  // a kind more than last time: fine
  EXPECT_TRUE(missing_exports(applied, inbox, {"0140065T"}).empty());
  EXPECT_TRUE(missing_exports({}, {}, {"0140065T"}).empty());
}

}  // namespace
}  // namespace edusync::run
