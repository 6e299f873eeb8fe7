// One test per refusal rule of the file targets: a directory with one good pupil and one that
// breaks the rule; the target writes the good one, leaves the other out, and says why in a
// warning naming the record. Plus the failures that make a file target fail as a whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>

#include "connectors/registry.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync::connectors {
namespace {

namespace fs = std::filesystem;

model::Pupil good_pupil(const std::string& ine, const std::string& surname) {
  model::Pupil p;
  p.key = ine;
  p.uai = "0140065T";
  p.eleve_id = "1" + ine.substr(0, 4);
  p.elenoet = "1203";
  p.ines = {ine};
  p.surname = surname;
  p.given_name = "Jean";
  p.sex = model::Sex::male;
  p.birth_date = "2011-03-14";
  p.birth_country = "100";
  p.birth_department = "014";
  p.birth_commune = "14118";
  p.status = "ST";
  p.mef = "10010012110";
  p.account.login = "login" + ine.substr(0, 3);
  return p;
}

using Breaker = std::function<void(model::Directory&, model::Pupil&)>;

// A directory with DUPONT (valid) and REFUS (broken by `breaker`), both in 6A.
model::Directory directory_with(const Breaker& breaker) {
  model::Directory d;
  d.school_year = "2025";
  d.schools = {{"0140065T"}};
  d.divisions = {{"0140065T", "6A", "6e A", {}}};
  d.pupils = {good_pupil("0502116650N", "DUPONT"), good_pupil("0602116650N", "REFUS")};
  d.pupils[1].elenoet = "1204";
  for (const auto& p : d.pupils)
    d.memberships.push_back({p.key, "0140065T", model::StructureKind::division, "6A"});
  breaker(d, d.pupils[1]);
  return d;
}

struct Written {
  ApplyResult result;
  std::string files;  // every file written, concatenated
};

Written apply(const std::string& type, std::map<std::string, std::string> keys,
              const model::Directory& after) {
  test::TempDir dir;
  keys["dir"] = (dir.path() / "out").string();
  const auto connector = builtin_registry().create(test::connector_config("target", type, keys));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory before;
  const std::map<std::string, std::string> passwords;
  Written written{
      connector->apply({plan, before, after, passwords, "20251120T101010Z-abcd", "2025-11-20"}),
      {}};
  if (fs::exists(keys["dir"])) {
    for (const auto& entry : fs::directory_iterator(keys["dir"]))
      written.files += test::read_file(entry.path());
  }
  return written;
}

struct RuleCase {
  const char* code;
  const char* type;
  std::map<std::string, std::string> keys;
  Breaker breaker;
};

void PrintTo(const RuleCase& rule, std::ostream* out) {
  *out << rule.code << " (" << rule.type << ")";
}

class FileTargetRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(FileTargetRule, LeavesTheRecordOutAndSaysWhy) {
  const auto& rule = GetParam();
  const auto written = apply(rule.type, rule.keys, directory_with(rule.breaker));
  ASSERT_TRUE(written.result.complete()) << written.result.error;
  ASSERT_EQ(written.result.warnings.size(), 1u) << rule.code;
  const auto& warning = written.result.warnings[0];
  EXPECT_EQ(warning.code, rule.code);
  EXPECT_EQ(warning.keys, std::vector<std::string>{"0602116650N"});
  EXPECT_NE(text::french(warning.message).find("REFUS"), std::string::npos)
      << text::french(warning.message);
  EXPECT_NE(text::french(warning.message).find("non écrit"), std::string::npos)
      << text::french(warning.message);
  EXPECT_NE(written.files.find("DUPONT"), std::string::npos);
  EXPECT_EQ(written.files.find("REFUS"), std::string::npos);
}

const Breaker no_elenoet = [](model::Directory&, model::Pupil& p) { p.elenoet.clear(); };
const Breaker no_given_name = [](model::Directory&, model::Pupil& p) { p.given_name.clear(); };
const Breaker no_division = [](model::Directory& d, model::Pupil&) { d.memberships.pop_back(); };
const Breaker no_birth_date = [](model::Directory&, model::Pupil& p) { p.birth_date.clear(); };
const Breaker no_ine = [](model::Directory& d, model::Pupil& p) {
  p.key = "eleve:9999";
  d.memberships.back().pupil_key = p.key;
};
const Breaker no_sex = [](model::Directory&, model::Pupil& p) { p.sex = model::Sex::unknown; };
const Breaker no_commune = [](model::Directory&, model::Pupil& p) { p.birth_commune.clear(); };
const Breaker no_country = [](model::Directory&, model::Pupil& p) { p.birth_country.clear(); };
const Breaker abroad_no_city = [](model::Directory&, model::Pupil& p) { p.birth_country = "216"; };
const Breaker bad_status = [](model::Directory&, model::Pupil& p) { p.status = "XX"; };
const Breaker no_mef = [](model::Directory&, model::Pupil& p) { p.mef.clear(); };
const Breaker no_login = [](model::Directory&, model::Pupil& p) { p.account.login.clear(); };

// ENT, Pix and Éléa name pupils by INE; the REFUS pupil of no_ine is keyed eleve:9999.
INSTANTIATE_TEST_SUITE_P(
    Rules, FileTargetRule,
    ::testing::Values(
        RuleCase{"KOXO_NO_UNIQUE_ID", "koxo-csv", {}, no_elenoet},
        RuleCase{"KOXO_NAME_MISSING", "koxo-csv", {}, no_given_name},
        RuleCase{"KOXO_NO_GROUP", "koxo-csv", {}, no_division},
        RuleCase{"ENT_NAME_MISSING", "ent-csv", {}, no_given_name},
        RuleCase{"ENT_BIRTH_DATE_MISSING", "ent-csv", {}, no_birth_date},
        RuleCase{"ENT_NO_CLASS", "ent-csv", {}, no_division},
        RuleCase{"PIX_NO_DIVISION", "pix-orga", {}, no_division},
        RuleCase{"PIX_SEX_MISSING", "pix-orga", {}, no_sex},
        RuleCase{"PIX_BIRTH_DATE_MISSING", "pix-orga", {}, no_birth_date},
        RuleCase{"PIX_BIRTH_CITY_CODE_MISSING", "pix-orga", {}, no_commune},
        RuleCase{"PIX_BIRTH_CITY_CODE_MISSING", "pix-orga", {{"format", "csv"}}, no_commune},
        RuleCase{"PIX_BIRTH_COUNTRY_MISSING", "pix-orga", {{"format", "csv"}}, no_country},
        RuleCase{"PIX_BIRTH_CITY_MISSING", "pix-orga", {{"format", "csv"}}, abroad_no_city},
        RuleCase{"PIX_STATUS_INVALID", "pix-orga", {{"format", "csv"}}, bad_status},
        RuleCase{"PIX_MEF_MISSING", "pix-orga", {{"format", "csv"}}, no_mef},
        RuleCase{"ELEA_NO_LOGIN", "elea-csv", {}, no_login},
        RuleCase{"ELEA_NAME_MISSING", "elea-csv", {}, no_given_name},
        RuleCase{"ELEA_NAME_MISSING", "elea-csv", {{"format", "ent-export"}}, no_given_name}),
    [](const auto& test) {
      return std::string(test.param.code) + "_" + std::to_string(test.index);
    });

TEST(FileTargetRules, PixLeavesOutAPupilWithoutIne) {
  const auto written = apply("pix-orga", {}, directory_with(no_ine));
  ASSERT_EQ(written.result.warnings.size(), 1u);
  EXPECT_EQ(written.result.warnings[0].code, "PIX_INE_MISSING");
  EXPECT_EQ(written.result.warnings[0].keys, std::vector<std::string>{"eleve:9999"});
  EXPECT_EQ(written.files.find("REFUS"), std::string::npos);
}

TEST(FileTargetRules, PixLeavesOutTheSecondHolderOfAnIneNamingBoth) {
  const auto written =
      apply("pix-orga", {}, directory_with([](model::Directory& d, model::Pupil& p) {
              p.key = "0502116650N";
              d.memberships.back().pupil_key = p.key;
            }));
  ASSERT_EQ(written.result.warnings.size(), 1u);
  EXPECT_EQ(written.result.warnings[0].code, "PIX_INE_DUPLICATE");
  EXPECT_NE(text::french(written.result.warnings[0].message).find("DUPONT"), std::string::npos);
  EXPECT_NE(text::french(written.result.warnings[0].message).find("REFUS"), std::string::npos);
}

TEST(FileTargetRules, AnUnwritableDirectoryFailsTheConnectorWithItsName) {
  test::TempDir dir;
  const std::string blocker = dir.write("blocker", "a file, not a directory");
  const auto connector = builtin_registry().create(
      test::connector_config("koxo", "koxo-csv", {{"dir", blocker + "/out"}}));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory empty;
  const auto after = directory_with([](model::Directory&, model::Pupil&) {});
  const std::map<std::string, std::string> passwords;
  const auto result = connector->apply({plan, empty, after, passwords, "r", "2025-11-20"});
  EXPECT_FALSE(result.complete());
  EXPECT_NE(text::french(result.error).find(blocker), std::string::npos) << result.error;
}

TEST(FileTargetRules, AnEmptyPlanWritesNothing) {
  test::TempDir dir;
  const auto connector = builtin_registry().create(
      test::connector_config("koxo", "koxo-csv", {{"dir", (dir.path() / "out").string()}}));
  const plan::Plan plan;
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  EXPECT_TRUE(connector->apply({plan, empty, empty, passwords, "r", "2025-11-20"}).complete());
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

}  // namespace
}  // namespace edusync::connectors

namespace edusync::connectors {
namespace {

TEST(FileTargetSchools, EachSchoolGetsItsOwnFilesNamedWithItsUai) {
  auto d = directory_with([](model::Directory&, model::Pupil&) {});
  d.schools.push_back({"0690001A"});
  d.pupils[1].uai = "0690001A";
  d.memberships[1].uai = "0690001A";
  d.divisions.push_back({"0690001A", "6A", "6e A", {}});
  test::TempDir dir;
  const std::string out = (dir.path() / "out").string();
  const auto connector =
      builtin_registry().create(test::connector_config("koxo", "koxo-csv", {{"dir", out}}));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory before;
  const std::map<std::string, std::string> passwords;
  ASSERT_TRUE(connector->apply({plan, before, d, passwords, "R1", "2025-11-20"}).complete());
  const auto first = test::read_file(out + "/koxo_0140065T_20251120_R1_full.csv");
  const auto second = test::read_file(out + "/koxo_0690001A_20251120_R1_full.csv");
  EXPECT_NE(first.find("DUPONT"), std::string::npos);
  EXPECT_EQ(first.find("REFUS"), std::string::npos);
  EXPECT_NE(second.find("REFUS"), std::string::npos);
  EXPECT_EQ(second.find("DUPONT"), std::string::npos);
}

}  // namespace
}  // namespace edusync::connectors

namespace edusync::connectors {
namespace {

TEST(FileTargetRules, EntLinksParentsOnlyToChildrenItWroteAndLeavesOutThoseWithNone) {
  auto d = directory_with(no_birth_date);  // REFUS is refused by the ENT
  const auto guardian = [](const std::string& id, const std::string& surname,
                           std::vector<std::string> children) {
    model::Contact c;
    c.key = "personne:" + id;
    c.personne_id = id;
    c.surname = surname;
    c.given_name = "Anne";
    for (auto& child : children)
      c.pupils.push_back({child, model::Responsibility::legal, "20", false});
    return c;
  };
  d.guardians = {guardian("11", "PARENTBOTH", {"0502116650N", "0602116650N"}),
                 guardian("22", "PARENTREFUS", {"0602116650N"})};
  const auto written = apply("ent-csv", {}, d);
  std::set<std::string> codes;
  for (const auto& w : written.result.warnings) codes.insert(w.code);
  EXPECT_EQ(codes, (std::set<std::string>{"ENT_BIRTH_DATE_MISSING", "ENT_NO_CHILD"}));
  EXPECT_NE(written.files.find("R11;;PARENTBOTH;Anne;;;;0502116650N\r\n"), std::string::npos)
      << written.files;
  EXPECT_EQ(written.files.find("PARENTREFUS"), std::string::npos);
}

}  // namespace
}  // namespace edusync::connectors
