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
    std::string text = test::read_file(handmade(name));
    for (auto at = text.find(kFirst); at != std::string::npos; at = text.find(kFirst, at))
      text.replace(at, 8, kSecond);
    if (edit) edit(text);
    const auto path = dir_.path() / (std::string(kSecond) + "_" + name);
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
