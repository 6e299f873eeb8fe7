// The rules that span schools, applied when the schools' parts are merged
// (assemble/schools.hpp): the hand-written exports of tests/data/handmade as two schools, the
// second a copy of the first under another UAI, so that every INE and every STS-web person is in
// both.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "assemble/assemble.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

constexpr const char* kFirst = "0140065T";
constexpr const char* kSecond = "0140066U";

class SchoolMerge : public ::testing::Test {
 protected:
  // The handmade file `name` as school kSecond's, after `edit`.
  std::string second_school(const std::string& name,
                            const std::function<void(std::string&)>& edit = {}) {
    return school_file(kSecond, name, edit);
  }

  // The handmade file `name` as school `uai`'s (the handmade files are kFirst's), after `edit`.
  std::string school_file(const std::string& uai, const std::string& name,
                          const std::function<void(std::string&)>& edit) {
    std::string text = test::read_file(handmade(name));
    for (auto at = text.find(kFirst); at != std::string::npos; at = text.find(kFirst, at + 1))
      text.replace(at, 8, uai);
    if (edit) edit(text);
    const auto path = dir_.path() / (uai + "_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  static std::string handmade(const std::string& name) {
    return std::string(EDUSYNC_TEST_DATA) + "/handmade/" + name;
  }

  assemble::Result build(const std::vector<std::string>& files) {
    auto parsed = sources::parse_files(files, 2);
    return assemble::assemble(parsed, {{kFirst, kSecond}, "2025-11-20"});
  }

  static std::size_t count(const assemble::Result& result, const std::string& code) {
    return static_cast<std::size_t>(
        std::count_if(result.warnings.begin(), result.warnings.end(),
                      [&](const model::Warning& w) { return w.code == code; }));
  }

  test::TempDir dir_;
};

TEST_F(SchoolMerge, AnIneInTwoSchoolsIdentifiesNeitherPupilAndEverythingFollowsTheLocalKeys) {
  const auto result = build({handmade("eleves.xml"), handmade("responsables.xml"),
                             second_school("eleves.xml"), second_school("responsables.xml")});
  const auto& d = result.directory;
  ASSERT_FALSE(d.pupils.empty());
  for (const auto& pupil : d.pupils) {
    EXPECT_TRUE(pupil.key.starts_with("eleve:" + pupil.uai + ":")) << pupil.key;
  }
  EXPECT_GT(count(result, "DUPLICATE_INE"), 0u);
  std::set<std::string> keys;
  for (const auto& pupil : d.pupils) keys.insert(pupil.key);
  for (const auto& membership : d.memberships) EXPECT_TRUE(keys.contains(membership.pupil_key));
  for (const auto& guardian : d.guardians) {
    for (const auto& link : guardian.pupils) EXPECT_TRUE(keys.contains(link.pupil_key));
  }
  for (const auto& warning : result.warnings) {
    if (warning.code == "DUPLICATE_INE") continue;  // names the INE both pupils carried
    for (const auto& key : warning.keys) {
      EXPECT_FALSE(key.size() == 11 && !key.starts_with("eleve:")) << warning.code << " " << key;
    }
  }
}

// Two pupils of the first school keyed by one INE have already fallen back to their local keys
// when the schools are merged; the second school's pupil keyed by it must fall back too: the
// INE is the key of pupils in two schools.
TEST_F(SchoolMerge, AnIneTwoPupilsOfOneSchoolAndOneOfAnotherCarryIdentifiesNone) {
  const auto first = school_file(kFirst, "eleves.xml", [](std::string& text) {
    const std::string other = "<ID_NATIONAL>523456789GH</ID_NATIONAL>";
    text.replace(text.find(other), other.size(), "<ID_NATIONAL>123456789AB</ID_NATIONAL>");
  });
  const auto result = build({first, second_school("eleves.xml")});
  std::size_t holders = 0;
  for (const auto& pupil : result.directory.pupils) {
    if (std::find(pupil.ines.begin(), pupil.ines.end(), "123456789AB") == pupil.ines.end())
      continue;
    ++holders;
    EXPECT_EQ(pupil.key, "eleve:" + pupil.uai + ":" + pupil.eleve_id);
  }
  EXPECT_EQ(holders, 3u);
  EXPECT_GE(count(result, "DUPLICATE_INE"), 2u);
}

TEST_F(SchoolMerge, OneStaffRecordForAPersonInTwoSchoolsAndNoMissingServiceWhenTheOtherGivesOne) {
  // In the second school, N'DIAYE Moussa (4102, a teacher without service in the first)
  // teaches English in 6 A.
  const auto sts = second_school("sts.xml", [](std::string& text) {
    const std::string old = "<ENSEIGNANT ID=\"4101\" TYPE=\"epp\"/>";
    text.replace(text.find(old), old.size(), "<ENSEIGNANT ID=\"4102\" TYPE=\"epp\"/>");
  });
  const auto alone = build({handmade("sts.xml")});
  ASSERT_EQ(count(alone, "TEACHER_WITHOUT_SERVICE"), 1u);

  const auto result = build({handmade("sts.xml"), sts});
  const auto& staff = result.directory.staff;
  const auto ndiaye = std::find_if(staff.begin(), staff.end(),
                                   [](const model::Staff& s) { return s.key == "sts:4102"; });
  ASSERT_NE(ndiaye, staff.end());
  EXPECT_EQ(ndiaye->uais, (std::vector<std::string>{kFirst, kSecond}));
  EXPECT_EQ(std::count_if(staff.begin(), staff.end(),
                          [](const model::Staff& s) { return s.key == "sts:4101"; }),
            1);
  EXPECT_EQ(count(result, "TEACHER_WITHOUT_SERVICE"), 0u);
  EXPECT_EQ(result.directory.subjects.size(), alone.directory.subjects.size());
}

TEST_F(SchoolMerge, ATeacherWithoutServiceInEitherSchoolIsReportedOnce) {
  const auto result = build({handmade("sts.xml"), second_school("sts.xml")});
  EXPECT_EQ(count(result, "TEACHER_WITHOUT_SERVICE"), 1u);
}

}  // namespace
}  // namespace edusync
