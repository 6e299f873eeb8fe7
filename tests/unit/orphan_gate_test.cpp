// The ORPHAN_ACCOUNTS gate (run/gates.hpp) and the leavers it makes once confirmed
// (run/orphans.hpp), on hand-made orphan accounts.
#include <gtest/gtest.h>

#include "run/gates.hpp"
#include "run/orphans.hpp"

namespace edusync::run {
namespace {

std::vector<OrphanAccount> orphans(int count) {
  std::vector<OrphanAccount> all;
  for (int i = 1; i <= count; ++i) {
    const auto n = std::to_string(i);
    all.push_back({"sambaedu", "parti" + n, static_cast<std::uint32_t>(2000 + i), "0" + n,
                   "Prénom" + n + " Nom " + n, connectors::AccountNumber::pupil("0" + n),
                   "Prénom" + n, "Nom " + n});
  }
  return all;
}

std::vector<Gate> gates_for(const std::vector<OrphanAccount>& found) {
  const plan::Plan plan;
  const std::vector<sources::ParsedExport> sources;
  const state::ExportMarks marks;
  GateInputs inputs;
  inputs.plan = &plan;
  inputs.sources = &sources;
  inputs.marks = &marks;
  inputs.max_departure_ratio = 0.1;
  inputs.orphans = &found;
  return check_gates(inputs);
}

TEST(OrphanGate, NamesTenOrphansAndCountsTheOthers) {
  const auto gates = gates_for(orphans(13));
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_EQ(gates[0].code, "ORPHAN_ACCOUNTS");
  const auto message = text::french(gates[0].message);
  EXPECT_EQ(message.rfind("13 comptes de « sambaedu » portent", 0), 0u) << message;
  EXPECT_NE(message.find("parti1 (Prénom1 Nom 1, 01)"), std::string::npos) << message;
  EXPECT_NE(message.find("parti10 ("), std::string::npos) << message;
  EXPECT_EQ(message.find("parti11 ("), std::string::npos) << message;
  EXPECT_NE(message.find(" et 3 autres."), std::string::npos) << message;
  EXPECT_NE(message.find("restaurez-la plutôt depuis la sauvegarde"), std::string::npos);
  EXPECT_NE(message.find("« edusync run --confirm »"), std::string::npos);
  EXPECT_TRUE(gates_for({}).empty());
}

TEST(OrphanGate, ConfirmedOrphansBecomeLeaversOfTheDesiredState) {
  AccountOutcome accounts;
  accounts.desired.pupils.push_back({});
  accounts.desired.pupils.back().key = "123456789AB";
  auto found = orphans(1);
  found.push_back({"sambaedu", "mprof", 2100, "P4999", "Marie Prof De Latin",
                   connectors::AccountNumber::staff("4999"), "Marie", "Prof De Latin"});
  depart_orphans(found, "0140065T", "2025-11-27", accounts);
  ASSERT_EQ(accounts.desired.pupils.size(), 2u);
  const auto& pupil = accounts.desired.pupils[1];
  EXPECT_EQ(pupil.key, "orphelin:parti1");
  EXPECT_EQ(pupil.account.login, "parti1");
  EXPECT_EQ(pupil.account.uid_number, 2001u);
  EXPECT_EQ(pupil.elenoet, "01");
  EXPECT_EQ(pupil.uai, "0140065T");
  EXPECT_EQ(pupil.departed_on, "2025-11-27");
  ASSERT_EQ(accounts.desired.staff.size(), 1u);
  const auto& staff = accounts.desired.staff[0];
  EXPECT_EQ(staff.sts_id, "4999");
  EXPECT_EQ(staff.given_name, "Marie");
  EXPECT_EQ(staff.surname, "Prof De Latin");
  EXPECT_EQ(staff.departed_on, "2025-11-27");
  ASSERT_EQ(accounts.changed.size(), 2u);
  EXPECT_EQ(accounts.changed[1].kind, state::PersonKind::staff);
  EXPECT_EQ(accounts.changed[1].departed, "2025-11-27");
  EXPECT_TRUE(accounts.changed[1].removed.empty());
}

}  // namespace
}  // namespace edusync::run
