// DUPLICATE_GUARDIAN on hand-made exports: one warning per cluster of records that look like the
// same person (same folded name, and a mobile or an e-mail shared directly or through another
// record of the cluster), naming every record; a placeholder e-mail shared by people with
// different names merges nothing; records of two schools are not compared.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "assemble/assemble.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

struct Person {
  std::string surname, given_name, mobile, email;
};

std::string header(const char* root, const std::string& uai) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<") + root +
         " VERSION=\"3.0\"><PARAMETRES><UAJ>" + uai +
         "</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE><DATE_EXPORT>14/11/2025</DATE_EXPORT>"
         "<HORODATAGE>14/11/2025 17:02:11</HORODATAGE></PARAMETRES><DONNEES>";
}

// One pupil per person, in division "6 A"; ELEVE_ID 1000000 + i, PERSONNE_ID first_id + i.
std::string eleves_xml(const std::string& uai, std::size_t pupils) {
  std::string xml = header("BEE_ELEVES", uai) + "<ELEVES>";
  for (std::size_t i = 0; i < pupils; ++i) {
    const std::string id = std::to_string(1000000 + i);
    xml += "<ELEVE ELEVE_ID=\"" + id + "\"><NOM_DE_FAMILLE>ELEVE</NOM_DE_FAMILLE><PRENOM>N" + id +
           "</PRENOM><DATE_NAISS>01/01/2012</DATE_NAISS><CODE_SEXE>1</CODE_SEXE></ELEVE>";
  }
  xml += "</ELEVES><STRUCTURES>";
  for (std::size_t i = 0; i < pupils; ++i) {
    xml += "<STRUCTURES_ELEVE ELEVE_ID=\"" + std::to_string(1000000 + i) +
           "\"><STRUCTURE><CODE_STRUCTURE>6 A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE>"
           "</STRUCTURE></STRUCTURES_ELEVE>";
  }
  return xml + "</STRUCTURES></DONNEES></BEE_ELEVES>\n";
}

std::string responsables_xml(const std::string& uai, const std::vector<Person>& persons,
                             std::size_t first_id) {
  std::string xml = header("BEE_RESPONSABLES", uai) + "<PERSONNES>";
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const auto& p = persons[i];
    xml += "<PERSONNE PERSONNE_ID=\"" + std::to_string(first_id + i) + "\"><NOM_DE_FAMILLE>" +
           p.surname + "</NOM_DE_FAMILLE><PRENOM>" + p.given_name + "</PRENOM>";
    if (!p.mobile.empty()) xml += "<TEL_PORTABLE>" + p.mobile + "</TEL_PORTABLE>";
    if (!p.email.empty()) xml += "<MEL>" + p.email + "</MEL>";
    xml += "</PERSONNE>";
  }
  xml += "</PERSONNES><RESPONSABLES>";
  for (std::size_t i = 0; i < persons.size(); ++i) {
    xml += "<RESPONSABLE_ELEVE><ELEVE_ID>" + std::to_string(1000000 + i) +
           "</ELEVE_ID><PERSONNE_ID>" + std::to_string(first_id + i) +
           "</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10"
           "</CODE_PARENTE></RESPONSABLE_ELEVE>";
  }
  return xml + "</RESPONSABLES><ADRESSES/></DONNEES></BEE_RESPONSABLES>\n";
}

class DuplicateGuardians : public ::testing::Test {
 protected:
  // Adds the two exports of school `uai`; PERSONNE_ID from 2000000 in the first school, 3000000
  // in the second (distinct, whatever the keys are made of).
  void school(const std::string& uai, const std::vector<Person>& persons) {
    const std::size_t first_id = 2000000 + 1000000 * uais_.size();
    files_.push_back(dir_.write(uai + "_eleves.xml", eleves_xml(uai, persons.size())));
    files_.push_back(
        dir_.write(uai + "_responsables.xml", responsables_xml(uai, persons, first_id)));
    uais_.push_back(uai);
  }

  void build() {
    auto parsed = sources::parse_files(files_, 2);
    result_ = assemble::assemble(parsed, {uais_, "2025-11-20"});
  }

  std::vector<model::Warning> duplicates() const {
    std::vector<model::Warning> found;
    for (const auto& w : result_.warnings) {
      if (w.code == "DUPLICATE_GUARDIAN") found.push_back(w);
    }
    return found;
  }

  // The keys of the guardians called `surname` (key construction is not this test's business).
  std::set<std::string> keys_of(const std::string& surname) const {
    std::set<std::string> keys;
    for (const auto& g : result_.directory.guardians) {
      if (g.surname == surname) keys.insert(g.key);
    }
    return keys;
  }

  test::TempDir dir_;
  std::vector<std::string> files_;
  std::vector<std::string> uais_;
  assemble::Result result_;
};

TEST_F(DuplicateGuardians, KRecordsSharingANameAndAPlaceholderEmailGiveOneWarning) {
  std::vector<Person> persons;
  for (int i = 0; i < 12; ++i)
    persons.push_back({"DUPONT", "Marie", "", "Pas.De.Mail@example.org"});
  persons.push_back({"AUTRE", "Parent", "+33600000001", ""});
  school("0140065T", persons);
  build();
  const auto found = duplicates();
  ASSERT_EQ(found.size(), 1u);
  const auto keys = keys_of("DUPONT");
  ASSERT_EQ(keys.size(), 12u);
  EXPECT_EQ(std::set<std::string>(found[0].keys.begin(), found[0].keys.end()), keys);
  EXPECT_EQ(found[0].keys.size(), 12u);
  EXPECT_NE(text::french(found[0].message).find("12 fois"), std::string::npos)
      << text::french(found[0].message);
  EXPECT_NE(text::french(found[0].message).find("Pas.De.Mail@example.org"), std::string::npos)
      << text::french(found[0].message);
  EXPECT_NE(text::french(found[0].message).find("et 2 autres fiches"), std::string::npos)
      << text::french(found[0].message);
  EXPECT_NE(found[0].where.find("_responsables.xml:"), std::string::npos) << found[0].where;
}

TEST_F(DuplicateGuardians, APlaceholderEmailSharedByDifferentNamesMergesNothing) {
  std::vector<Person> persons;
  for (int i = 0; i < 40; ++i) {
    persons.push_back(
        {"FAMILLE" + std::string(1, static_cast<char>('A' + i % 26)) + std::to_string(i), "Accueil",
         "+33611111111", "pas.de.mail@example.org"});
  }
  school("0140065T", persons);
  build();
  EXPECT_TRUE(duplicates().empty());
}

TEST_F(DuplicateGuardians, RecordsLinkedThroughAnotherRecordAreOneCluster) {
  school("0140065T", {{"MARTIN", "Paul", "+33622222222", ""},                   // A: mobile 1
                      {"Martin", "PAUL", "+33622222222", "p@example.org"},      // B: mobile 1, mail
                      {"MARTÍN", "Paul", "", "P@EXAMPLE.ORG"},                  // C: B's mail
                      {"MARTIN", "Paul", "+33633333333", "q@example.org"},      // D: nothing shared
                      {"MARTIN", "Pierre", "+33622222222", "p@example.org"}});  // other name
  build();
  const auto found = duplicates();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].keys.size(), 3u);
  std::set<std::string> expected;
  for (const auto& g : result_.directory.guardians) {
    if (g.personne_id == "2000000" || g.personne_id == "2000001" || g.personne_id == "2000002") {
      expected.insert(g.key);
    }
  }
  EXPECT_EQ(std::set<std::string>(found[0].keys.begin(), found[0].keys.end()), expected);
  EXPECT_NE(text::french(found[0].message).find("3 fois"), std::string::npos)
      << text::french(found[0].message);
}

TEST_F(DuplicateGuardians, APairKeepsItsTwoRecordMessage) {
  school("0140065T",
         {{"LUCAS", "Céline", "+33692068251", ""}, {"LUCAS", "Celine", "+33692068251", ""}});
  build();
  const auto found = duplicates();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].keys.size(), 2u);
  EXPECT_NE(text::french(found[0].message)
                .find("Responsable enregistré deux fois : LUCAS Céline (PERSONNE_ID 2000000) et "
                      "LUCAS Celine (PERSONNE_ID 2000001) ont le même nom et le même téléphone "
                      "portable (+33692068251). Fusionnez les deux fiches"),
            std::string::npos)
      << text::french(found[0].message);
}

TEST_F(DuplicateGuardians, GuardiansOfTwoSchoolsAreNotComparedByDefault) {
  school("0140065T", {{"BERNARD", "Luc", "+33644444444", "luc@example.org"}});
  school("0141234A", {{"BERNARD", "Luc", "+33644444444", "luc@example.org"}});
  build();
  EXPECT_EQ(keys_of("BERNARD").size(), 2u);
  EXPECT_TRUE(duplicates().empty());
}

TEST_F(DuplicateGuardians, GuardiansOfOneSchoolOfACiteScolaireAreCompared) {
  school("0140065T",
         {{"BERNARD", "Luc", "+33644444444", ""}, {"BERNARD", "Luc", "+33644444444", ""}});
  school("0141234A", {{"BERNARD", "Luc", "+33644444444", ""}});
  build();
  const auto found = duplicates();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].keys.size(), 2u);
  EXPECT_NE(found[0].where.find("0140065T_responsables.xml:"), std::string::npos) << found[0].where;
}

}  // namespace
}  // namespace edusync
