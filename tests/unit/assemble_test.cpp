// The canonical-model rules on the hand-written exports of tests/data/handmade (written from
// docs/input.md, not by the generator): who is current, keys, guardians, staff, warnings.
#include "assemble/assemble.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "common/errors.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

std::string handmade(const std::string& name) {
  return std::string(EDUSYNC_TEST_DATA) + "/handmade/" + name;
}

assemble::Result build(const std::vector<std::string>& files, assemble::Options options = {}) {
  auto parsed = sources::parse_files(files, 2);
  if (options.today.empty()) options.today = "2025-11-20";
  return assemble::assemble(parsed, options);
}

assemble::Result build_handmade() {
  return build({handmade("eleves.xml"), handmade("responsables.xml"), handmade("sts.xml")});
}

std::map<std::string, int> count_codes(const std::vector<model::Warning>& warnings) {
  std::map<std::string, int> counts;
  for (const auto& warning : warnings) counts[warning.code]++;
  return counts;
}

template <typename Item>
const Item* find_key(const std::vector<Item>& items, const std::string& key) {
  auto found =
      std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.key == key; });
  return found == items.end() ? nullptr : &*found;
}

TEST(Assemble, CurrentPupilsFollowTheContract) {
  const auto result = build_handmade();
  const auto& d = result.directory;
  // 7 ELEVE: one left before the export date, one only in "Inactifs".
  EXPECT_EQ(d.pupils.size(), 5u);
  EXPECT_EQ(d.ignored.departed_pupils, 1u);
  EXPECT_EQ(d.ignored.pupils_without_class, 1u);
  // A DATE_SORTIE after the export date keeps the pupil, and is kept.
  const auto leaving = std::find_if(d.pupils.begin(), d.pupils.end(),
                                    [](const auto& p) { return p.eleve_id == "0100005"; });
  ASSERT_NE(leaving, d.pupils.end());
  EXPECT_EQ(leaving->exit_date, "2025-12-20");
}

TEST(Assemble, PupilKeysAreIneThenRnieThenEleveId) {
  const auto& pupils = build_handmade().directory.pupils;
  EXPECT_NE(find_key(pupils, "123456789AB"), nullptr);             // ID_NATIONAL
  EXPECT_NE(find_key(pupils, "223456789CD"), nullptr);             // blank ID_NATIONAL, INE_RNIE
  EXPECT_NE(find_key(pupils, "eleve:0140065T:0100003"), nullptr);  // no INE
  // One INE on two current pupils: neither takes it.
  EXPECT_NE(find_key(pupils, "eleve:0140065T:0100005"), nullptr);
  EXPECT_NE(find_key(pupils, "eleve:0140065T:0100006"), nullptr);
  EXPECT_EQ(find_key(pupils, "523456789GH"), nullptr);
  const auto* legacy = find_key(pupils, "eleve:0140065T:0100003");
  EXPECT_EQ(legacy->surname, "DE LA FONTAINE");  // legacy NOM
  const auto* usage = find_key(pupils, "223456789CD");
  EXPECT_EQ(usage->surname, "MARTIN-LEFÈVRE");
  EXPECT_EQ(usage->birth_surname, "D'ALMEIDA");
}

TEST(Assemble, MembershipsDivisionsAndGroups) {
  const auto& d = build_handmade().directory;
  auto memberships_of = [&](const std::string& key) {
    std::vector<std::string> codes;
    for (const auto& m : d.memberships) {
      if (m.pupil_key == key)
        codes.push_back(std::string(model::to_string(m.structure_kind)) + ":" + m.structure_code);
    }
    return codes;
  };
  EXPECT_EQ(memberships_of("123456789AB"),
            (std::vector<std::string>{"division:6 A", "group:6LAT"}));
  // Two D structures: the first is kept (and a warning says so).
  EXPECT_EQ(memberships_of("223456789CD"), std::vector<std::string>{"division:6 A"});
  std::vector<std::string> divisions;
  for (const auto& division : d.divisions) divisions.push_back(division.code);
  EXPECT_EQ(divisions, (std::vector<std::string>{"5 C", "6 A", "6 B"}));  // 5 C only from SIECLE
  ASSERT_EQ(d.groups.size(), 1u);
  EXPECT_EQ(d.groups[0].label, "LATIN 6E");
  EXPECT_EQ(d.groups[0].divisions, (std::vector<std::string>{"6 A", "6 B"}));
}

TEST(Assemble, GuardiansAreLegalLinksToCurrentPupils) {
  const auto& d = build_handmade().directory;
  std::vector<std::string> guardians, others;
  for (const auto& g : d.guardians) guardians.push_back(g.key);
  for (const auto& c : d.other_contacts) others.push_back(c.key);
  EXPECT_EQ(guardians,
            (std::vector<std::string>{"personne:0140065T:200001", "personne:0140065T:200002",
                                      "personne:0140065T:200003"}));
  EXPECT_EQ(others, std::vector<std::string>{"personne:0140065T:200004"});  // level 3 contact
  EXPECT_EQ(d.ignored.unlinked_persons, 1u);  // parent of a leaver only
  const auto* mother = find_key(d.guardians, "personne:0140065T:200001");
  ASSERT_EQ(mother->pupils.size(), 1u);
  EXPECT_EQ(mother->pupils[0].pupil_key, "123456789AB");
  EXPECT_TRUE(mother->pupils[0].pays_fees);
}

TEST(Assemble, StaffHaveAFunctionOrAService) {
  const auto& d = build_handmade().directory;
  std::vector<std::string> staff;
  for (const auto& s : d.staff) staff.push_back(s.key);
  EXPECT_EQ(staff, (std::vector<std::string>{"sts:4101", "sts:4102", "sts:4103", "sts:4105"}));
  EXPECT_EQ(d.ignored.staff_without_role, 1u);
  EXPECT_EQ(d.services.size(), 3u);  // the service of the unknown teacher 9999 is dropped
  ASSERT_EQ(d.head_teachers.size(), 1u);
  EXPECT_EQ(d.head_teachers[0].division_code, "6 A");
  EXPECT_EQ(d.subjects.size(), 3u);
}

TEST(Assemble, WarningsCarryCodesKeysAndPlaces) {
  const auto result = build_handmade();
  const std::map<std::string, int> expected = {{"DUPLICATE_GUARDIAN", 1},
                                               {"DUPLICATE_INE", 1},
                                               {"MISSING_BIRTHDATE", 1},
                                               {"MISSING_INE", 1},
                                               {"MISSING_SEX", 1},
                                               {"MULTIPLE_DIVISIONS", 1},
                                               {"TEACHER_WITHOUT_SERVICE", 1},
                                               {"UNKNOWN_PUPIL_REFERENCE", 1},
                                               {"UNKNOWN_STAFF_REFERENCE", 1}};
  EXPECT_EQ(count_codes(result.warnings), expected);
  for (const auto& warning : result.warnings) {
    EXPECT_FALSE(warning.message.empty());
    EXPECT_FALSE(warning.keys.empty()) << warning.code;
    EXPECT_NE(warning.where.find(".xml:"), std::string::npos) << warning.code;
  }
  const auto duplicate = std::find_if(result.warnings.begin(), result.warnings.end(),
                                      [](const auto& w) { return w.code == "DUPLICATE_GUARDIAN"; });
  EXPECT_EQ(duplicate->keys,
            (std::vector<std::string>{"personne:0140065T:200001", "personne:0140065T:200002"}));
  EXPECT_NE(text::french(duplicate->message).find("Doublons responsables"), std::string::npos);
}

TEST(Assemble, WrongUaiIsAnError) {
  EXPECT_THROW(build({handmade("eleves.xml")}, {{"0999999Z"}, ""}), InputError);
  try {
    build({handmade("eleves.xml")}, {{"0999999Z"}, ""});
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("0140065T"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("0999999Z"), std::string::npos);
  }
}

TEST(Assemble, SchoolYearsMustAgree) {
  test::TempDir dir;
  const std::string sts = dir.write(
      "sts.xml",
      R"(<STS_EDT><PARAMETRES><UAJ CODE="0140065T"/><ANNEE_SCOLAIRE ANNEE="2024"/></PARAMETRES></STS_EDT>)");
  EXPECT_THROW(build({handmade("eleves.xml"), sts}), InputError);
}

TEST(Assemble, FirstFileUaiIsTheDefault) {
  test::TempDir dir;
  const std::string other = dir.write(
      "sts.xml",
      R"(<STS_EDT><PARAMETRES><UAJ CODE="0610001A"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES></STS_EDT>)");
  EXPECT_THROW(build({handmade("eleves.xml"), other}), InputError);
  // A cité scolaire: both UAIs declared.
  const auto result = build({handmade("eleves.xml"), other}, {{"0140065T", "0610001A"}, ""});
  EXPECT_EQ(result.directory.schools.size(), 2u);
}

TEST(Assemble, ResponsablesWithoutPupilsExportSaySo) {
  const auto result = build({handmade("responsables.xml")});
  EXPECT_TRUE(result.directory.guardians.empty());
  EXPECT_EQ(count_codes(result.warnings)["MISSING_PUPILS_EXPORT"], 1);
}

TEST(Assemble, SameInputsSameDirectory) {
  const auto a = build_handmade();
  const auto b = build({handmade("sts.xml"), handmade("responsables.xml"), handmade("eleves.xml")});
  ASSERT_EQ(a.directory.pupils.size(), b.directory.pupils.size());
  for (std::size_t i = 0; i < a.directory.pupils.size(); ++i) {
    EXPECT_EQ(a.directory.pupils[i].key, b.directory.pupils[i].key);
  }
  ASSERT_EQ(a.directory.memberships.size(), b.directory.memberships.size());
  EXPECT_EQ(count_codes(a.warnings), count_codes(b.warnings));
}

}  // namespace
}  // namespace edusync
