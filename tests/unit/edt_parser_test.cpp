// The ExportEmploiDuTemps parser on small documents: the header from the root and the school
// year, the tables with kind-prefixed ids, groups as unions of parts of classes (and of whole
// classes and pupils listed directly), services from courses, records without an Ident.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using sources::ExportKind;

// Two classes with two parts each; "3 LV2" is made of part 41 of 3A and part 51 of 3B; "3 LAT"
// lists the whole class 3B; "AP" lists pupil 102 directly. Pupil 101 (3A, part 41) left the
// part 42 on 2025-12-19. Courses carry a subject, teachers and audiences.
const std::string kExport = R"(<?xml version="1.0" encoding="UTF-8"?>
<ExportEmploiDuTemps xmlns="http://www.index-education.com/exportemploidutemps" Version="1.1" UAI="0140065T">
  <AnneeScolaire DateDebut="2025-09-01" DateFin="2026-07-04" DatePremierJourSemaine1="2025-09-01"/>
  <Matieres>
    <Matiere Ident="19" Code="ALL2" Libelle="ALLEMAND LV2"/>
    <Matiere Code="SANS" Libelle="sans ident"/>
  </Matieres>
  <Professeurs>
    <Professeur Ident="2" Nom="MARTIN" Prenom="Claire" DateNaissance="1980-03-04"/>
  </Professeurs>
  <Classes>
    <Classe Ident="5" Nom="3A"><PartieDeClasse Ident="41"/><PartieDeClasse Ident="42"/></Classe>
    <Classe Ident="6" Nom="3B"><PartieDeClasse Ident="51"/><PartieDeClasse Ident="52"/></Classe>
  </Classes>
  <Groupes>
    <Groupe Ident="53" Nom="3 LV2"><PartieDeClasse Ident="41"/><PartieDeClasse Ident="51"/></Groupe>
    <Groupe Ident="54" Nom="3 LAT"><Classe Ident="6"/></Groupe>
    <Groupe Ident="55" Nom="AP"><Eleve Ident="102"/></Groupe>
  </Groupes>
  <Eleves>
    <Eleve Ident="101" Nom="DURAND" Prenom="Léa" DateNaissance="2011-05-04" Sexe="Feminin" NumeroNational="1234567890123">
      <Responsable Ident="900" Nom="DURAND" Prenom="Paul"/>
      <Classe Ident="5" DateEntree="2025-09-01" DateSortie="2026-07-04"/>
      <PartieDeClasse Ident="41" DateEntree="2025-09-01" DateSortie="2026-07-04"/>
      <PartieDeClasse Ident="42" DateEntree="2025-09-01" DateSortie="2025-12-19"/>
    </Eleve>
    <Eleve Ident="102" Nom="PETIT" Prenom="Noé" DateNaissance="2011-01-02" INE="070803456AB">
      <Classe Ident="6" DateEntree="2025-09-01"/>
      <PartieDeClasse Ident="51"/>
    </Eleve>
  </Eleves>
  <Cours>
    <Cours Jour="3" NumeroPlaceDebut="8" NombrePlaces="2">
      <Matiere Ident="19"/><Professeur Ident="2" Semaines="35132630760702"/>
      <Groupe Ident="53"/><Salle Ident="15503"/>
    </Cours>
    <Cours Jour="4" NumeroPlaceDebut="2" NombrePlaces="2">
      <Matiere Ident="19"/><Professeur Ident="2"/><Groupe Ident="53"/>
    </Cours>
    <Cours Jour="1" NumeroPlaceDebut="0" NombrePlaces="1"><Matiere Ident="19"/><Classe Ident="5"/></Cours>
  </Cours>
</ExportEmploiDuTemps>
)";

const sources::TimetableExport& timetable(const sources::ParsedExport& parsed) {
  return std::get<sources::TimetableExport>(parsed.data);
}

using Link = std::tuple<std::string, std::string, std::string, std::string>;

std::vector<Link> links_of(const sources::TimetableExport& data) {
  std::vector<Link> links;
  for (const auto& m : data.memberships) {
    links.emplace_back(m.pupil_id, m.structure_id, m.entry_date, m.exit_date);
  }
  std::sort(links.begin(), links.end());
  return links;
}

TEST(EdtParser, HeaderComesFromTheRootAndTheSchoolYear) {
  const auto parsed = test::parse_string(kExport);
  EXPECT_EQ(parsed.kind, ExportKind::edt);
  EXPECT_EQ(parsed.header.uai, "0140065T");
  EXPECT_EQ(parsed.header.school_year, "2025");
  EXPECT_EQ(parsed.header.version, "1.1");
  EXPECT_EQ(parsed.records, 2u);
  EXPECT_EQ(sources::to_string(parsed.kind), "edt");
}

TEST(EdtParser, ReadsPeopleWithKindPrefixedIdsAndOnlyValidInes) {
  const auto parsed = test::parse_string(kExport, 7);
  const auto& data = timetable(parsed);
  EXPECT_EQ(data.origin, model::Origin::edt);
  ASSERT_EQ(data.pupils.size(), 2u);
  EXPECT_EQ(data.pupils[0].id, "eleve:101");
  EXPECT_EQ(data.pupils[0].surname, "DURAND");
  EXPECT_EQ(data.pupils[0].given_name, "Léa");
  EXPECT_EQ(data.pupils[0].birth_date, "2011-05-04");
  EXPECT_EQ(data.pupils[0].ine, "") << "a 13-digit NumeroNational is not an INE";
  EXPECT_EQ(data.pupils[1].ine, "070803456AB");
  ASSERT_EQ(data.teachers.size(), 1u);
  EXPECT_EQ(data.teachers[0].id, "professeur:2");
  EXPECT_EQ(data.teachers[0].birth_date, "1980-03-04");
  ASSERT_EQ(data.subjects.size(), 1u);
  EXPECT_EQ(data.subjects[0].id, "matiere:19");
  EXPECT_EQ(data.subjects[0].management_code, "ALL2");
}

TEST(EdtParser, GroupsAreUnionsOfPartsClassesAndPupilsListedDirectly) {
  const auto parsed = test::parse_string(kExport);
  const auto& data = timetable(parsed);
  const std::vector<Link> expected = {
      {"eleve:101", "classe:5", "2025-09-01", "2026-07-04"},
      {"eleve:101", "groupe:53", "2025-09-01", "2026-07-04"},  // through part 41
      {"eleve:102", "classe:6", "2025-09-01", ""},
      {"eleve:102", "groupe:53", "", ""},            // through part 51
      {"eleve:102", "groupe:54", "2025-09-01", ""},  // the whole class 3B
      {"eleve:102", "groupe:55", "", ""},            // listed directly
  };
  EXPECT_EQ(links_of(data), expected) << "part 42 belongs to no group: no membership";
  const auto lv2 = std::find_if(data.structures.begin(), data.structures.end(),
                                [](const auto& s) { return s.id == "groupe:53"; });
  ASSERT_NE(lv2, data.structures.end());
  EXPECT_EQ(lv2->kind, model::StructureKind::group);
  EXPECT_EQ(lv2->code, "3 LV2");
  EXPECT_EQ(lv2->divisions, (std::vector<std::string>{"3A", "3B"}));
}

TEST(EdtParser, ServicesComeFromCoursesOncePerTeacherSubjectAndAudience) {
  const auto parsed = test::parse_string(kExport);
  const auto& data = timetable(parsed);
  ASSERT_EQ(data.services.size(), 1u) << "the course without a teacher gives no service";
  EXPECT_EQ(data.services[0].teacher_id, "professeur:2");
  EXPECT_EQ(data.services[0].subject_id, "matiere:19");
  EXPECT_EQ(data.services[0].structure_id, "groupe:53");
}

TEST(EdtParser, ARecordWithoutIdentIsReportedWithItsLine) {
  const auto parsed = test::parse_string(kExport);
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].line, 6u);
  EXPECT_NE(text::french(parsed.issues[0].message).find("Matiere sans Ident"), std::string::npos)
      << text::french(parsed.issues[0].message);
}

TEST(EdtParser, AHeaderOnlyReadStopsAfterTheSchoolYear) {
  input::MemorySource source("edt.xml", kExport);
  const auto header = sources::read_export_header(source);
  EXPECT_EQ(header.kind, ExportKind::edt);
  EXPECT_EQ(header.header.uai, "0140065T");
  EXPECT_EQ(header.header.school_year, "2025");
}

TEST(EdtParser, AFileWithoutUaiTakesTheOneOfItsDropName) {
  std::string without = kExport;
  without.erase(without.find(" UAI=\"0140065T\""), 15);
  input::MemorySource source("inbox/0140065T_20260914183000_EDT.xml", without);
  const auto parsed = sources::parse_export(source);
  EXPECT_EQ(parsed.header.uai, "0140065T");
  EXPECT_EQ(parsed.header.export_date, "2026-09-14");
}

TEST(EdtParser, AnotherKindIsRefusedWhenEdtIsExpected) {
  input::MemorySource source("edt.xml", kExport);
  EXPECT_THROW(sources::parse_export(source, ExportKind::sts_emp), InputError);
}

}  // namespace
}  // namespace edusync
