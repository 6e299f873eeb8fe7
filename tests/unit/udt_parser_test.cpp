// The UDT member parser (UDCal_*.xml of an UnDeuxTemps zip) on small synthetic members: the
// dispatch by member name whatever the root, rows read by element name at any depth, dates in
// both forms, rows without their key attribute, and the id scheme that lets references resolve
// once the members of one archive are put together.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using sources::ExportKind;
using sources::ParsedExport;
using sources::TimetableExport;

const std::string kArchive = "inbox/0140065T_20260914183000_UDT.zip:";

// Pupils, at three depths below a root no parser knows; one without code, one with a date
// that is no date, one whose code holds the id separator.
const std::string kPupils = R"(<?xml version="1.0" encoding="UTF-8"?>
<udt_export version="7">
  <eleve code="E1" nom="DURAND" prenom="Léa" naissance="04/05/2011" ine="070803456AB"/>
  <eleves>
    <eleve code="E2" nom="PETIT" prenom="Noé" naissance="2011-01-02" ine="1234567890123"/>
    <lot><eleve code="E3" nom="ROUX" prenom="Inès" naissance="31/02/2011"/></lot>
  </eleves>
  <eleve nom="SANSCODE" prenom="Paul"/>
  <eleve code="E:5" nom="BLANC" prenom="Zoé" inconnu="ignoré"/>
</udt_export>
)";

// Divisions, groups (one with an STS code, one without, one without its division),
// a regroupement of two groups, another of a whole class, a subject and a teacher.
const std::string kStructures = R"(<?xml version="1.0" encoding="UTF-8"?>
<racine>
  <divs><div code="3A" libelle="Troisième A"/><div code="3B"/><div libelle="sans code"/></divs>
  <gpes>
    <gpe code="1" code_div="3A" code_sts="3A_LV2ALL" libelle="Allemand LV2"/>
    <gpe code="1" code_div="3B"/>
    <gpe code="2"/>
  </gpes>
  <rgpmts>
    <rgpmt code="7" nom="3 LV2 ALL" code_gpe="1" code_div="3A"/>
    <rgpmt code="7" nom="3 LV2 ALL" code_gpe="1" code_div="3B"/>
    <rgpmt code="8" code_div="3A"/>
  </rgpmts>
  <mats><mat code="ALL2" libelle="ALLEMAND LV2" code_gep1="030602"/><mat libelle="X"/></mats>
  <profs><prof code="P1" nom="MARTIN" prenom="Claire" date_naissance="04/03/1980"/></profs>
</racine>
)";

// Memberships: in a group, in a class, one not applied (theorique="0"), one twice, two
// without a key attribute.
const std::string kMemberships = R"(<?xml version="1.0" encoding="UTF-8"?>
<liens>
  <ele_gpe ele="E1" gpe="1" code_div="3A" semaines="111111"/>
  <ele_gpe ele="E2" code_div="3B"/>
  <ele_gpe ele="E2" gpe="1" code_div="3B" theorique="0"/>
  <ele_gpe ele="E1" gpe="1" code_div="3A"/>
  <ele_gpe gpe="1" code_div="3A"/>
  <ele_gpe ele="E3" gpe="1"/>
</liens>
)";

// Course lines: to a regroupement, to a group (rgpmt="0" is none), to a class, the same
// service twice, one without teacher, one without subject, one without any structure.
const std::string kCourses = R"(<?xml version="1.0" encoding="UTF-8"?>
<fiches>
  <ligfiche code="1" fic="10" div="3A" mat="ALL2" prof="P1" rgpmt="7" gpe="1"/>
  <ligfiche code="2" fic="11" div="3A" mat="ALL2" prof="P1" rgpmt="0" gpe="1"/>
  <ligfiche code="3" fic="12" div="3B" mat="ALL2" prof="P1"/>
  <ligfiche code="4" fic="13" div="3B" mat="ALL2" prof="P1"/>
  <ligfiche code="5" fic="14" div="3B" mat="ALL2"/>
  <ligfiche code="6" fic="15" div="3B" prof="P1"/>
  <ligfiche code="7" fic="16" mat="ALL2" prof="P1" rgpmt="0"/>
</fiches>
)";

ParsedExport parse_member(const std::string& member, const std::string& xml,
                          std::size_t piece = 1u << 20) {
  input::MemorySource source(kArchive + member, xml, piece);
  return sources::parse_export(source);
}

const TimetableExport& timetable(const ParsedExport& parsed) {
  return std::get<TimetableExport>(parsed.data);
}

std::vector<std::string> french_issues(const ParsedExport& parsed) {
  std::vector<std::string> texts;
  for (const auto& issue : parsed.issues) {
    texts.push_back(std::to_string(issue.line) + ": " + text::french(issue.message));
  }
  return texts;
}

const sources::TimetableStructure* structure(const TimetableExport& data, const std::string& id) {
  const auto found = std::find_if(data.structures.begin(), data.structures.end(),
                                  [&](const auto& s) { return s.id == id; });
  return found == data.structures.end() ? nullptr : &*found;
}

TEST(UdtParser, AMemberIsKnownByItsNameWhateverItsRoot) {
  const auto parsed = parse_member("udcal_10.xml", kPupils);
  EXPECT_EQ(parsed.kind, ExportKind::udt);
  EXPECT_EQ(sources::to_string(parsed.kind), "udt");
  EXPECT_EQ(parsed.header.uai, "0140065T");
  EXPECT_EQ(parsed.header.export_date, "2026-09-14");
  EXPECT_EQ(parsed.header.school_year, "");
  EXPECT_EQ(timetable(parsed).origin, model::Origin::udt);
  EXPECT_EQ(parsed.sha256.size(), 64u);

  input::MemorySource in_folder("0140065T_UDT.zip:export/UDCal_10.xml", kPupils);
  EXPECT_EQ(sources::parse_export(in_folder).kind, ExportKind::udt);
}

TEST(UdtParser, AnUnknownRootOutsideAUdtMemberIsAStrayFile) {
  for (const std::string name : {"x.zip:other.xml", "UDCal_10.xml", "x.zip:UDCal_10.txt"}) {
    input::MemorySource source(name, kPupils);
    try {
      sources::parse_export(source);
      ADD_FAILURE() << name << " was accepted";
    } catch (const InputError& error) {
      EXPECT_TRUE(error.is_stray()) << name << ": " << error.what();
      EXPECT_NE(std::string(error.what()).find("udt_export"), std::string::npos) << error.what();
    }
  }
}

TEST(UdtParser, ReadsPupilsAtAnyDepthWithBothDateFormsAndOnlyValidInes) {
  for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    const auto parsed = parse_member("UDCal_10.xml", kPupils, piece);
    const auto& data = timetable(parsed);
    EXPECT_EQ(parsed.records, 5u) << "rows read, the skipped one included";
    ASSERT_EQ(data.pupils.size(), 4u) << "piece " << piece;
    EXPECT_EQ(data.pupils[0].id, "eleve:E1");
    EXPECT_EQ(data.pupils[0].surname, "DURAND");
    EXPECT_EQ(data.pupils[0].given_name, "Léa");
    EXPECT_EQ(data.pupils[0].birth_date, "2011-05-04");
    EXPECT_EQ(data.pupils[0].ine, "070803456AB");
    EXPECT_EQ(data.pupils[0].line, 3u);
    EXPECT_EQ(data.pupils[1].id, "eleve:E2");
    EXPECT_EQ(data.pupils[1].birth_date, "2011-01-02");
    EXPECT_EQ(data.pupils[1].ine, "") << "13 digits are no INE";
    EXPECT_EQ(data.pupils[2].id, "eleve:E3") << "two levels down";
    EXPECT_EQ(data.pupils[2].birth_date, "");
    EXPECT_EQ(data.pupils[3].id, "eleve:E%3A5") << "':' inside a code is escaped";
  }
}

TEST(UdtParser, RowsWithoutTheirKeyOrWithAnUnreadableDateAreReportedWithTheirLine) {
  const auto pupils = parse_member("UDCal_10.xml", kPupils);
  EXPECT_EQ(french_issues(pupils),
            (std::vector<std::string>{
                "6: eleve code E3 : date « 31/02/2011 » illisible dans naissance, ignorée "
                "(format attendu JJ/MM/AAAA ou AAAA-MM-JJ)",
                "8: eleve sans code ignoré"}));
  EXPECT_EQ(text::render(pupils.issues[1].message, "en"), "eleve without code ignored");

  const auto structures = parse_member("UDCal_19.xml", kStructures);
  EXPECT_EQ(french_issues(structures),
            (std::vector<std::string>{"3: div sans code ignorée", "7: gpe sans code_div ignoré",
                                      "14: mat sans code ignorée"}));
}

TEST(UdtParser, APupilWithANameNoPersonCanHaveIsRefused) {
  const auto parsed = parse_member(
      "UDCal_10.xml", "<r>\n<eleve code=\"E9\" nom=\"X\xC2\x85Y\" prenom=\"Ana\"/>\n</r>\n");
  EXPECT_TRUE(timetable(parsed).pupils.empty());
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].line, 2u);
  const std::string french = text::french(parsed.issues[0].message);
  EXPECT_NE(french.find("fiche de l'élève code E9 refusée : nom contient le caractère de "
                        "contrôle U+0085"),
            std::string::npos)
      << french;
  EXPECT_NE(french.find("corrigez-la dans UDT"), std::string::npos) << french;
  const std::string english = text::render(parsed.issues[0].message, "en");
  EXPECT_NE(english.find("record of pupil code E9 refused"), std::string::npos) << english;
}

TEST(UdtParser, ReadsDivisionsGroupsRegroupementsSubjectsAndTeachers) {
  const auto parsed = parse_member("UDCal_19.xml", kStructures, 5);
  const auto& data = timetable(parsed);
  EXPECT_EQ(parsed.records, 12u);

  const auto* division = structure(data, "div:3A");
  ASSERT_NE(division, nullptr);
  EXPECT_EQ(division->kind, model::StructureKind::division);
  EXPECT_EQ(division->code, "3A");
  EXPECT_EQ(division->label, "Troisième A");

  const auto* mapped = structure(data, "gpe:3A:1");
  ASSERT_NE(mapped, nullptr);
  EXPECT_EQ(mapped->kind, model::StructureKind::group);
  EXPECT_EQ(mapped->code, "3A_LV2ALL") << "the STS code when UDT has one";
  EXPECT_EQ(mapped->label, "Allemand LV2");
  EXPECT_EQ(mapped->divisions, std::vector<std::string>{"3A"});
  const auto* unmapped = structure(data, "gpe:3B:1");
  ASSERT_NE(unmapped, nullptr);
  EXPECT_EQ(unmapped->code, "3B 1") << "kept under its division and own code";

  const auto* regroupement = structure(data, "rgpmt:7");
  ASSERT_NE(regroupement, nullptr);
  EXPECT_EQ(regroupement->kind, model::StructureKind::group);
  EXPECT_EQ(regroupement->code, "3 LV2 ALL");
  EXPECT_EQ(regroupement->divisions, (std::vector<std::string>{"3A", "3B"}));
  const auto* unnamed = structure(data, "rgpmt:8");
  ASSERT_NE(unnamed, nullptr);
  EXPECT_EQ(unnamed->code, "8") << "no nom: its code";
  EXPECT_EQ(data.structures.size(), 6u) << "one structure per regroupement, however many rows";

  ASSERT_EQ(data.subjects.size(), 1u);
  EXPECT_EQ(data.subjects[0].id, "mat:ALL2");
  EXPECT_EQ(data.subjects[0].management_code, "ALL2");
  EXPECT_EQ(data.subjects[0].national_code, "030602");
  EXPECT_EQ(data.subjects[0].label, "ALLEMAND LV2");
  ASSERT_EQ(data.teachers.size(), 1u);
  EXPECT_EQ(data.teachers[0].id, "prof:P1");
  EXPECT_EQ(data.teachers[0].surname, "MARTIN");
  EXPECT_EQ(data.teachers[0].birth_date, "1980-03-04");
}

TEST(UdtParser, MembershipsGoToTheGroupOfTheirDivisionOrToTheDivision) {
  const auto parsed = parse_member("UDCal_21.xml", kMemberships);
  const auto& data = timetable(parsed);
  EXPECT_EQ(parsed.records, 6u);
  ASSERT_EQ(data.memberships.size(), 2u) << "theorique=\"0\" and the repeated row add nothing";
  EXPECT_EQ(data.memberships[0].pupil_id, "eleve:E1");
  EXPECT_EQ(data.memberships[0].structure_id, "gpe:3A:1");
  EXPECT_EQ(data.memberships[0].line, 3u);
  EXPECT_EQ(data.memberships[1].pupil_id, "eleve:E2");
  EXPECT_EQ(data.memberships[1].structure_id, "div:3B");
  EXPECT_EQ(french_issues(parsed), (std::vector<std::string>{"7: ele_gpe sans ele ignoré",
                                                             "8: ele_gpe sans code_div ignoré"}));
}

TEST(UdtParser, CourseLinesGiveOneServicePerTeacherSubjectAndAudience) {
  const auto parsed = parse_member("UDCal_13.xml", kCourses);
  const auto& data = timetable(parsed);
  ASSERT_EQ(data.services.size(), 3u);
  EXPECT_EQ(data.services[0].teacher_id, "prof:P1");
  EXPECT_EQ(data.services[0].subject_id, "mat:ALL2");
  EXPECT_EQ(data.services[0].structure_id, "rgpmt:7") << "the regroupement first";
  EXPECT_EQ(data.services[1].structure_id, "gpe:3A:1") << "rgpmt=\"0\" is none";
  EXPECT_EQ(data.services[2].structure_id, "div:3B");
  EXPECT_EQ(data.services[2].line, 5u);
  EXPECT_EQ(french_issues(parsed), (std::vector<std::string>{"8: ligfiche sans mat ignorée",
                                                             "9: ligfiche sans div ignorée"}))
      << "a line without a teacher is skipped silently";
}

// What assemble/ does with the members of one archive: concatenate their tables, then resolve.
TEST(UdtParser, ReferencesResolveAcrossTheMembersOfOneArchive) {
  std::set<std::string> pupils, teachers, subjects, structures;
  std::vector<sources::TimetableMembership> memberships;
  std::vector<sources::TimetableService> services;
  for (const auto& [member, xml] :
       std::vector<std::pair<std::string, std::string>>{{"UDCal_21.xml", kMemberships},
                                                        {"UDCal_13.xml", kCourses},
                                                        {"UDCal_10.xml", kPupils},
                                                        {"UDCal_19.xml", kStructures}}) {
    const auto parsed = parse_member(member, xml, 3);
    const auto& data = timetable(parsed);
    for (const auto& p : data.pupils) pupils.insert(p.id);
    for (const auto& t : data.teachers) teachers.insert(t.id);
    for (const auto& s : data.subjects) subjects.insert(s.id);
    for (const auto& s : data.structures) structures.insert(s.id);
    memberships.insert(memberships.end(), data.memberships.begin(), data.memberships.end());
    services.insert(services.end(), data.services.begin(), data.services.end());
  }
  ASSERT_FALSE(memberships.empty());
  for (const auto& m : memberships) {
    EXPECT_TRUE(pupils.contains(m.pupil_id)) << m.pupil_id;
    EXPECT_TRUE(structures.contains(m.structure_id)) << m.structure_id;
  }
  ASSERT_FALSE(services.empty());
  for (const auto& s : services) {
    EXPECT_TRUE(teachers.contains(s.teacher_id)) << s.teacher_id;
    EXPECT_TRUE(subjects.contains(s.subject_id)) << s.subject_id;
    EXPECT_TRUE(structures.contains(s.structure_id)) << s.structure_id;
  }
}

TEST(UdtParser, TwoPairsOfCodesNeverGiveOneGroupId) {
  const auto parsed = parse_member("UDCal_19.xml",
                                   "<r><gpe code=\"a:b\" code_div=\"c\"/><gpe code=\"b\" "
                                   "code_div=\"c:a\"/><gpe code=\"%3A\" code_div=\"x\"/></r>");
  const auto& data = timetable(parsed);
  ASSERT_EQ(data.structures.size(), 3u);
  EXPECT_EQ(data.structures[0].id, "gpe:c:a%3Ab");
  EXPECT_EQ(data.structures[1].id, "gpe:c%3Aa:b");
  EXPECT_EQ(data.structures[2].id, "gpe:x:%253A");
}

TEST(UdtParser, AMemberWithoutKnownRowsIsAnEmptyExport) {
  const auto parsed =
      parse_member("UDCal_03.xml", "<salles><salle code=\"S1\" nom=\"S1\"/></salles>");
  EXPECT_EQ(parsed.kind, ExportKind::udt);
  EXPECT_EQ(parsed.records, 0u);
  EXPECT_TRUE(parsed.issues.empty());
  const auto& data = timetable(parsed);
  EXPECT_TRUE(data.pupils.empty());
  EXPECT_TRUE(data.structures.empty());
}

TEST(UdtParser, TheFuzzSeedIsAUsableMember) {
  const std::string seed =
      test::read_file(std::string(EDUSYNC_TEST_DATA) + "/../fuzz/seeds/udt_eleves.xml");
  const auto parsed = parse_member("UDCal_10.xml", seed, 7);
  const auto& data = timetable(parsed);
  EXPECT_EQ(data.pupils.size(), 3u);
  EXPECT_EQ(data.structures.size(), 6u);
  EXPECT_EQ(data.memberships.size(), 2u);
  EXPECT_EQ(data.services.size(), 3u);
  EXPECT_EQ(parsed.issues.size(), 5u);
}

}  // namespace
}  // namespace edusync
