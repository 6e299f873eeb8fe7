// The timetable exports of samples/college-timetables (edusync-gen --timetables) against the
// generator's oracle (expected.json, "timetable"): each planted defect is reported with its
// code and records, by EDT (clear and encrypted), by UDT and by the course-only files; the
// encrypted export and its clear file give the same model.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "assemble/assemble.hpp"
#include "model/model_json.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kDir = std::string(EDUSYNC_SAMPLES) + "/college-timetables/";

nlohmann::json oracle() {
  std::ifstream in(kDir + "expected.json");
  return nlohmann::json::parse(in)["schools"][0]["timetable"];
}

std::vector<std::string> siecle_and_sts() {
  return {kDir + "ExportXML_ElevesSansAdresses.zip", kDir + "ResponsablesAvecAdresses.xml",
          kDir + "Structures.xml", kDir + "Nomenclature.xml", kDir + "sts_emp_0069500U_2025.xml"};
}

assemble::Result join(const std::vector<std::string>& timetables) {
  auto files = siecle_and_sts();
  files.insert(files.end(), timetables.begin(), timetables.end());
  auto parsed = sources::parse_files(files, 2, {.edt_key_file = kDir + "edt_partner_key.pem"});
  return assemble::assemble(parsed, {{}, "2026-01-16"});
}

std::vector<std::string> texts_of(const assemble::Result& result, const std::string& code) {
  std::vector<std::string> texts;
  for (const auto& warning : result.warnings) {
    if (warning.code == code) texts.push_back(text::french(warning.message));
  }
  return texts;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string eleve(const nlohmann::json& id) {
  return "(ELEVE_ID " + std::to_string(id.get<long>()) + ")";
}

// Every defect planted in a timetable that carries pupils and groups (EDT, UDT).
void expect_planted_defects(const assemble::Result& result, const std::string& program) {
  const auto records = oracle()["records"];

  const auto person = [](const nlohmann::json& r) {
    return r["nom"].get<std::string>() + " " + r["prenom"].get<std::string>() + " (" +
           r["birth_date"].get<std::string>() + ")";
  };
  const auto unmatched = texts_of(result, "TIMETABLE_UNMATCHED_PUPIL");
  ASSERT_EQ(unmatched.size(), 1u) << program;
  EXPECT_TRUE(has(unmatched[0], person(records["unmatched_pupil"]))) << unmatched[0];

  const auto ambiguous = texts_of(result, "TIMETABLE_AMBIGUOUS_PUPIL");
  ASSERT_EQ(ambiguous.size(), 1u) << program;
  for (const auto& id : records["ambiguous_pupil"]["eleve_ids"]) {
    EXPECT_TRUE(has(ambiguous[0], eleve(id))) << ambiguous[0];
  }

  const auto teacher = texts_of(result, "TIMETABLE_UNMATCHED_TEACHER");
  ASSERT_EQ(teacher.size(), 1u) << program;
  EXPECT_TRUE(has(teacher[0], person(records["unmatched_teacher"]))) << teacher[0];

  const auto mismatch = texts_of(result, "GROUP_MEMBERSHIP_MISMATCH");
  ASSERT_EQ(mismatch.size(), 1u) << program;
  const auto& group = records["membership_mismatch"];
  EXPECT_TRUE(has(mismatch[0], "« " + group["group"].get<std::string>() + " »")) << mismatch[0];
  EXPECT_TRUE(has(mismatch[0], "seulement dans SIECLE, ")) << mismatch[0];
  EXPECT_TRUE(has(mismatch[0], eleve(group["removed"]) + " ; seulement dans " + program))
      << mismatch[0];
  EXPECT_TRUE(has(mismatch[0], eleve(group["added"]) + ". Les membres")) << mismatch[0];

  const auto unknown = texts_of(result, "TIMETABLE_UNKNOWN_GROUP");
  ASSERT_EQ(unknown.size(), 1u) << program;
  const std::string code = records["unknown_group"]["code"];
  EXPECT_TRUE(has(unknown[0], "« " + code + " »")) << unknown[0];
  std::size_t members = 0;
  for (const auto& m : result.directory.memberships) {
    if (m.structure_code == code) ++members;
  }
  EXPECT_EQ(members, records["unknown_group"]["eleve_ids"].size()) << program;
}

TEST(SampleTimetables, EdtReportsEveryPlantedDefect) {
  expect_planted_defects(join({kDir + "0069500U_EXPORT_INDEX_EDUCATION.xml"}), "EDT");
}

TEST(SampleTimetables, UdtReportsEveryPlantedDefect) {
  expect_planted_defects(join({kDir + "0069500U_20260115183000_UDT.zip"}), "UDT");
}

TEST(SampleTimetables, TheEncryptedExportAndItsClearFileGiveTheSameModel) {
  const auto encrypted = join({kDir + "0069500U_EXPORT_INDEX_EDUCATION.xml"});
  const auto clear = join({kDir + "ExportEmploiDuTemps_0069500U.xml"});
  EXPECT_EQ(model::to_json(encrypted.directory).dump(), model::to_json(clear.directory).dump());
  const auto timetable_memberships =
      std::count_if(clear.directory.memberships.begin(), clear.directory.memberships.end(),
                    [](const auto& m) { return m.origin == model::Origin::edt; });
  EXPECT_GT(timetable_memberships, 50) << "the timetable's groups have their members";
}

TEST(SampleTimetables, CourseFilesNameTheTeacherMissingFromStsWeb) {
  const auto tables = oracle();
  const auto expected = tables["course_file_warnings"]["TIMETABLE_UNMATCHED_TEACHER"];
  const auto missing = tables["records"]["unmatched_teacher"];
  const std::string name =
      missing["nom"].get<std::string>() + " " + missing["prenom"].get<std::string>();
  for (const char* file : {"EXP_COURS.xml", "0069500U_udt_cours.csv"}) {
    const auto result = join({kDir + file});
    const auto teacher = texts_of(result, "TIMETABLE_UNMATCHED_TEACHER");
    EXPECT_EQ(teacher.size(), expected.get<std::size_t>()) << file;
    ASSERT_FALSE(teacher.empty()) << file;
    EXPECT_TRUE(has(teacher[0], name)) << teacher[0];
    // The unknown group's course: the course files cannot create a group, they name it.
    const auto group = texts_of(result, "TIMETABLE_UNKNOWN_GROUP");
    EXPECT_EQ(group.size(),
              tables["course_file_warnings"]["TIMETABLE_UNKNOWN_GROUP"].get<std::size_t>())
        << file;
    ASSERT_FALSE(group.empty()) << file;
    const std::string code = tables["records"]["unknown_group"]["code"];
    EXPECT_TRUE(has(group[0], "« " + code + " »")) << group[0];
  }
}

}  // namespace
}  // namespace edusync
