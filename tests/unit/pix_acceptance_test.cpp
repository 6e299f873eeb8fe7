// Pix Orga must never receive a file it rejects as a whole: a pupil Pix would refuse is left out
// with a warning (code, French message naming the pupil and where to fix it in SIECLE), and
// `edusync inspect` shows beforehand, per target, what a run will leave out, from the same rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "connectors/registry.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

model::Pupil pupil(const std::string& ine, const std::string& surname, const std::string& id) {
  model::Pupil p;
  p.key = ine;
  p.uai = "0140065T";
  p.eleve_id = "10" + id;
  p.elenoet = id;
  p.ines = {ine};
  p.surname = surname;
  p.birth_surname = surname;
  p.given_name = "Jean";
  p.sex = model::Sex::male;
  p.birth_date = "2011-03-14";
  p.birth_country = "100";
  p.birth_department = "014";
  p.birth_commune = "14118";
  p.status = "ST";
  p.mef = "10010012110";
  return p;
}

model::Directory school(std::vector<model::Pupil> pupils) {
  model::Directory d;
  d.school_year = "2025";
  d.schools = {{"0140065T"}};
  d.divisions = {{"0140065T", "6A", "6e A", {}}};
  d.pupils = std::move(pupils);
  for (const auto& p : d.pupils)
    d.memberships.push_back({p.key, "0140065T", model::StructureKind::division, "6A"});
  return d;
}

struct Written {
  connectors::ApplyResult result;
  std::string files;
};

Written pix(const model::Directory& after, const std::string& format) {
  test::TempDir dir;
  const std::string out = (dir.path() / "out").string();
  const auto connector = connectors::builtin_registry().create(
      test::connector_config("pix", "pix-orga", {{"dir", out}, {"format", format}}));
  plan::Plan plan;
  plan.items.push_back({});
  const model::Directory before;
  const std::map<std::string, std::string> passwords;
  Written written{connector->apply({plan, before, after, passwords, "r1", "2025-11-20"}), {}};
  for (const auto& entry : fs::directory_iterator(out))
    written.files += test::read_file(entry.path());
  return written;
}

TEST(PixAcceptance, APupilWithoutFirstNameIsLeftOutOfBothFormatsWithAWarning) {
  auto nameless = pupil("0602116650N", "SANSPRENOM", "1204");
  nameless.given_name.clear();
  for (const std::string format : {"siecle", "csv"}) {
    const auto written = pix(school({pupil("0502116650N", "DUPONT", "1203"), nameless}), format);
    ASSERT_TRUE(written.result.complete()) << written.result.error;
    ASSERT_EQ(written.result.warnings.size(), 1u) << format;
    const auto& w = written.result.warnings[0];
    EXPECT_EQ(w.code, "PIX_FIRST_NAME_MISSING");
    EXPECT_NE(text::french(w.message).find("SANSPRENOM"), std::string::npos)
        << text::french(w.message);
    EXPECT_NE(text::french(w.message).find("PRENOM)"), std::string::npos)
        << text::french(w.message);
    EXPECT_NE(text::french(w.message).find("SIECLE"), std::string::npos) << text::french(w.message);
    EXPECT_NE(written.files.find("DUPONT"), std::string::npos);
    EXPECT_EQ(written.files.find("SANSPRENOM"), std::string::npos);
    EXPECT_EQ(written.files.find("<PRENOM/>"), std::string::npos);
  }
}

TEST(PixAcceptance, TheCsvGivesEveryPupilABirthDepartmentOfTwoOrThreeCharacters) {
  auto abroad = pupil("0602116650N", "AILLEURS", "1204");
  abroad.birth_country = "216";
  abroad.birth_city = "Tunis";
  abroad.birth_department.clear();
  abroad.birth_commune.clear();
  auto corsica = pupil("0702116650N", "CORSE", "1205");
  corsica.birth_department.clear();
  corsica.birth_commune = "2A004";
  const auto written = pix(school({abroad, corsica}), "csv");
  ASSERT_TRUE(written.result.warnings.empty()) << text::french(written.result.warnings[0].message);
  EXPECT_NE(written.files.find(";;Tunis;99;99216;ST;"), std::string::npos) << written.files;
  EXPECT_NE(written.files.find(";2A004;;02A;99100;ST;"), std::string::npos) << written.files;
}

TEST(PixAcceptance, ADuplicatedIneIsReportedAsADuplicateNotAsAMissingIne) {
  // As assemble/ leaves them: an INE two current pupils hold is the key of neither.
  auto first = pupil("0602116650N", "JUMEAU", "1204");
  auto second = pupil("0602116650N", "JUMELLE", "1205");
  first.key = "eleve:101204";
  second.key = "eleve:101205";
  const auto written =
      pix(school({pupil("0502116650N", "DUPONT", "1203"), first, second}), "siecle");
  ASSERT_EQ(written.result.warnings.size(), 2u);
  for (const auto& w : written.result.warnings) {
    EXPECT_EQ(w.code, "PIX_INE_DUPLICATE") << text::french(w.message);
    EXPECT_NE(text::french(w.message).find("0602116650N"), std::string::npos)
        << text::french(w.message);
    EXPECT_EQ(text::french(w.message).find("pas d'INE"), std::string::npos)
        << text::french(w.message);
  }
  EXPECT_EQ(written.files.find("JUMEAU"), std::string::npos);
}

class InspectRefusals : public ::testing::Test {
 protected:
  // The hand-made exports with two pupils Pix refuses, and the real binary's output.
  int inspect(const std::string& options, std::string& output) {
    std::string eleves = test::read_handmade("eleves.xml");
    test::replace_in_latin9(eleves, "<PRENOM>Jean-Baptiste</PRENOM>", "<PRENOM></PRENOM>");
    // Born in France (CODE_PAYS 100) without the INSEE code of the birth commune.
    test::replace_in_latin9(eleves, "<PRENOM>Lætitia</PRENOM>",
                            "<PRENOM>Lætitia</PRENOM><CODE_PAYS>100</CODE_PAYS>");
    const std::string data = std::string(EDUSYNC_TEST_DATA) + "/handmade/";
    return test::run_command(std::string(EDUSYNC_BINARY) + " inspect --today 2025-11-20 " +
                                 options + " " + dir_.write("eleves.xml", eleves) + " " + data +
                                 "responsables.xml " + data + "sts.xml",
                             output);
  }
  test::TempDir dir_;
};

TEST_F(InspectRefusals, TextSaysWhatPixWillRefuseGroupedByRule) {
  std::string output;
  ASSERT_EQ(inspect("", output), 0) << output;
  const auto at = output.find("Pix Orga refusera : ");
  ASSERT_NE(at, std::string::npos) << output;
  const auto line_end = output.find("\n", output.find("PIX_FIRST_NAME_MISSING", at));
  const std::string rule = output.substr(output.find("PIX_FIRST_NAME_MISSING", at),
                                         line_end - output.find("PIX_FIRST_NAME_MISSING", at));
  EXPECT_NE(rule.find("MARTIN-LEFÈVRE  (élève 1202, 6 A)"), std::string::npos) << output;
  EXPECT_NE(rule.find("PRENOM"), std::string::npos) << output;
  const auto commune = output.find("PIX_BIRTH_CITY_CODE_MISSING (1)", at);
  ASSERT_NE(commune, std::string::npos) << output;
  EXPECT_NE(output.substr(commune, output.find('\n', commune) - commune).find("CŒURDEVEY"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("KOXO refusera : "), std::string::npos) << output;
  EXPECT_NE(output.find("Éléa refusera : "), std::string::npos) << output;
}

TEST_F(InspectRefusals, JsonListsTheRefusalsPerTargetAndMatchesTheSchema) {
  std::string output;
  const std::string json_path = (dir_.path() / "inspect.json").string();
  ASSERT_EQ(inspect("--json > " + json_path, output), 0) << output;
  const auto json = nlohmann::json::parse(test::read_file(json_path));
  bool found = false;
  for (const auto& target : json.at("refusals")) {
    if (target["type"] != "pix-orga") continue;
    for (const auto& rule : target["rules"]) {
      if (rule["code"] != "PIX_FIRST_NAME_MISSING") continue;
      found = true;
      EXPECT_EQ(rule["count"], 1);
      EXPECT_EQ(rule["keys"].size(), 1u);
    }
  }
  EXPECT_TRUE(found) << json["refusals"].dump(2);
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/model.schema.json";
  EXPECT_EQ(test::run_command(
                std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + json_path + " 2>&1", output),
            0)
      << output;
}

}  // namespace
}  // namespace edusync
