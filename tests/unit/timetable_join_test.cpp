// Timetable exports joined with the hand-written SIECLE and STS-web exports of
// tests/data/handmade: who is matched and how, which members a group gets under each
// precedence, services added beside STS-web's, and each warning with its records.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "assemble/assemble.hpp"
#include "common/errors.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

// The handmade college 0140065T: current pupils 0100001 CŒURDEVEY Lætitia (INE 123456789AB,
// 6 A, group 6LAT), 0100002 MARTIN-LEFÈVRE born D'ALMEIDA Jean-Baptiste (6 A), 0100003,
// 0100005, 0100006; teachers 4101 LE GOFF Maëlle Anne (latin to 6LAT), 4102 N'DIAYE Moussa.
// The timetable: 6LAT is parts 11 (of 6 A) and 21 (of 6 B); "6 LAT-EDT" (part 12) is unknown
// to SIECLE and STS-web; pupil 103 is no one SIECLE knows; 105 enters 6LAT after the export.
const std::string kEdt = R"(<?xml version="1.0" encoding="UTF-8"?>
<ExportEmploiDuTemps Version="1.1" UAI="0140065T">
<AnneeScolaire DateDebut="2025-09-01" DateFin="2026-07-04"/>
<Matieres><Matiere Ident="1" Code="LATIN" Libelle="LATIN"/></Matieres>
<Professeurs>
<Professeur Ident="7" Nom="Le Goff" Prenom="Maelle Anne"/>
<Professeur Ident="8" Nom="ABSENT" Prenom="Paul"/>
</Professeurs>
<Classes>
<Classe Ident="1" Nom="6 A"><PartieDeClasse Ident="11"/><PartieDeClasse Ident="12"/></Classe>
<Classe Ident="2" Nom="6 B"><PartieDeClasse Ident="21"/></Classe>
</Classes>
<Groupes>
<Groupe Ident="31" Nom="6LAT"><PartieDeClasse Ident="11"/><PartieDeClasse Ident="21"/></Groupe>
<Groupe Ident="32" Nom="6 LAT-EDT"><PartieDeClasse Ident="12"/></Groupe>
</Groupes>
<Eleves>
<Eleve Ident="101" Nom="Coeurdevey" Prenom="Laetitia" DateNaissance="2012-04-03">
<Classe Ident="1"/><PartieDeClasse Ident="11"/></Eleve>
<Eleve Ident="102" Nom="MARTIN-LEFEVRE" Prenom="Jean Baptiste" DateNaissance="2011-12-31">
<Classe Ident="1"/><PartieDeClasse Ident="21"/><PartieDeClasse Ident="12"/></Eleve>
<Eleve Ident="103" Nom="INCONNU" Prenom="Jean" DateNaissance="2012-01-01">
<Classe Ident="1"/><PartieDeClasse Ident="11"/></Eleve>
<Eleve Ident="105" Nom="DOUBLON" Prenom="Noe" DateNaissance="2012-05-05">
<PartieDeClasse Ident="21" DateEntree="2026-01-05"/></Eleve>
</Eleves>
<Cours>
<Cours Jour="1"><Matiere Ident="1"/><Professeur Ident="7"/><Groupe Ident="31"/></Cours>
<Cours Jour="2"><Matiere Ident="1"/><Professeur Ident="7"/><Groupe Ident="32"/></Cours>
<Cours Jour="3"><Matiere Ident="1"/><Professeur Ident="8"/><Classe Ident="1"/></Cours>
</Cours>
</ExportEmploiDuTemps>
)";

assemble::Result join(const std::string& edt, const std::string& name = "edt.xml",
                      assemble::Options options = {}) {
  const test::TempDir dir;
  const std::string handmade = std::string(EDUSYNC_TEST_DATA) + "/handmade/";
  auto parsed = sources::parse_files(
      {handmade + "eleves.xml", handmade + "sts.xml", dir.write(name, edt)}, 1);
  if (options.today.empty()) options.today = "2025-11-20";
  return assemble::assemble(parsed, options);
}

std::map<std::string, std::vector<const model::Warning*>> by_code(
    const std::vector<model::Warning>& warnings) {
  std::map<std::string, std::vector<const model::Warning*>> codes;
  for (const auto& warning : warnings) codes[warning.code].push_back(&warning);
  return codes;
}

// "pupil key/origin" of the members of a group.
std::set<std::string> members(const model::Directory& d, const std::string& code) {
  std::set<std::string> keys;
  for (const auto& m : d.memberships) {
    if (m.structure_kind == model::StructureKind::group && m.structure_code == code) {
      keys.insert(m.pupil_key + "/" + model::to_string(m.origin));
    }
  }
  return keys;
}

std::string key_of(const model::Directory& d, const std::string& eleve_id) {
  for (const auto& p : d.pupils) {
    if (p.eleve_id == eleve_id) return p.key;
  }
  return "?";
}

TEST(TimetableJoin, TheTimetableGivesTheMembersOfTheGroupsItKnowsByDefault) {
  const auto result = join(kEdt);
  const auto& d = result.directory;
  const std::string laetitia = key_of(d, "0100001");
  const std::string jean_baptiste = key_of(d, "0100002");
  EXPECT_EQ(members(d, "6LAT"), (std::set<std::string>{laetitia + "/edt", jean_baptiste + "/edt"}))
      << "names folded (Œ, æ, È, hyphen), the birth surname or the usage one; 105 not yet in";
  EXPECT_EQ(members(d, "6 LAT-EDT"), (std::set<std::string>{jean_baptiste + "/edt"}));
  // Divisions stay SIECLE's: the timetable's class links add nothing.
  for (const auto& m : d.memberships) {
    if (m.structure_kind == model::StructureKind::division) {
      EXPECT_EQ(m.origin, model::Origin::siecle) << m.pupil_key;
    }
  }
}

TEST(TimetableJoin, SiecleAndUnionPrecedencesKeepSieclesMembers) {
  assemble::Options siecle;
  siecle.timetable_memberships = assemble::TimetableMemberships::siecle;
  const auto kept = join(kEdt, "edt.xml", siecle);
  const std::string laetitia = key_of(kept.directory, "0100001");
  const std::string jean_baptiste = key_of(kept.directory, "0100002");
  EXPECT_EQ(members(kept.directory, "6LAT"), (std::set<std::string>{laetitia + "/siecle"}));

  assemble::Options both;
  both.timetable_memberships = assemble::TimetableMemberships::both;
  const auto united = join(kEdt, "edt.xml", both);
  EXPECT_EQ(members(united.directory, "6LAT"),
            (std::set<std::string>{laetitia + "/siecle", jean_baptiste + "/edt"}));
}

TEST(TimetableJoin, AMembershipMismatchNamesWhoIsOnEachSide) {
  const auto result = join(kEdt);
  const auto codes = by_code(result.warnings);
  ASSERT_EQ(codes.count("GROUP_MEMBERSHIP_MISMATCH"), 1u);
  const auto& warning = *codes.at("GROUP_MEMBERSHIP_MISMATCH").front();
  const std::string text = text::french(warning.message);
  EXPECT_NE(text.find("« 6LAT »"), std::string::npos) << text;
  EXPECT_NE(text.find("SIECLE (1 élève)"), std::string::npos) << text;
  EXPECT_NE(text.find("l'emploi du temps (2 élèves)"), std::string::npos) << text;
  EXPECT_NE(text.find("seulement dans SIECLE, personne"), std::string::npos) << text;
  EXPECT_NE(text.find("seulement dans EDT, MARTIN-LEFÈVRE Jean-Baptiste"), std::string::npos)
      << text;
  EXPECT_NE(text.find("NetSynchro"), std::string::npos) << text;
  EXPECT_EQ(warning.keys, (std::vector<std::string>{key_of(result.directory, "0100002")}));
  const std::string english = text::render(warning.message, "en");
  EXPECT_NE(english.find("only in EDT, MARTIN-LEFÈVRE Jean-Baptiste"), std::string::npos)
      << english;
}

TEST(TimetableJoin, UnknownPeopleAndGroupsAreReportedWithTheirRecords) {
  const auto result = join(kEdt);
  const auto codes = by_code(result.warnings);
  ASSERT_EQ(codes.count("TIMETABLE_UNMATCHED_PUPIL"), 1u);
  const auto& pupil = *codes.at("TIMETABLE_UNMATCHED_PUPIL").front();
  EXPECT_EQ(codes.at("TIMETABLE_UNMATCHED_PUPIL").size(), 1u);
  EXPECT_NE(text::french(pupil.message).find("INCONNU Jean (2012-01-01)"), std::string::npos);
  EXPECT_TRUE(pupil.where.ends_with("edt.xml:22")) << pupil.where;

  ASSERT_EQ(codes.count("TIMETABLE_UNMATCHED_TEACHER"), 1u);
  EXPECT_EQ(codes.at("TIMETABLE_UNMATCHED_TEACHER").size(), 1u);
  EXPECT_NE(
      text::french(codes.at("TIMETABLE_UNMATCHED_TEACHER").front()->message).find("ABSENT Paul"),
      std::string::npos);

  ASSERT_EQ(codes.count("TIMETABLE_UNKNOWN_GROUP"), 1u);
  const auto& group = *codes.at("TIMETABLE_UNKNOWN_GROUP").front();
  EXPECT_NE(text::french(group.message).find("« 6 LAT-EDT »"), std::string::npos);
  const auto& groups = result.directory.groups;
  const auto created = std::find_if(groups.begin(), groups.end(),
                                    [](const auto& g) { return g.code == "6 LAT-EDT"; });
  ASSERT_NE(created, groups.end()) << "an unknown timetable group is still synchronised";
  EXPECT_EQ(created->divisions, (std::vector<std::string>{"6 A"}));
  EXPECT_EQ(codes.count("TIMETABLE_AMBIGUOUS_PUPIL"), 0u);
  EXPECT_EQ(codes.count("TIMETABLE_STALE"), 0u) << "a clear export without a date is not stale";
}

TEST(TimetableJoin, ServicesAreStsWebsPlusWhatTheTimetableAdds) {
  const auto result = join(kEdt);
  std::vector<std::string> latin;
  for (const auto& s : result.directory.services) {
    if (s.subject_code == "020300") {
      latin.push_back(s.staff_key + " " + s.structure_code + " " + model::to_string(s.origin));
    }
  }
  std::sort(latin.begin(), latin.end());
  EXPECT_EQ(latin, (std::vector<std::string>{"sts:4101 6 LAT-EDT edt", "sts:4101 6LAT sts"}))
      << "Code LATIN is the management code of 020300; the STS-web service is not repeated";
}

TEST(TimetableJoin, TwoSieclePupilsForOneTimetablePupilAreNeitherChosen) {
  std::string eleves = test::read_handmade("eleves.xml");
  // 0100003 becomes a second DOUBLON Noé born 2012-05-05, beside 0100006.
  test::replace_in_latin9(eleves, "<NOM>DE LA FONTAINE</NOM>", "<NOM>DOUBLON</NOM>");
  test::replace_in_latin9(eleves, "<PRENOM>Zoé</PRENOM>\n        <DATE_NAISS></DATE_NAISS>",
                          "<PRENOM>Noé</PRENOM>\n        <DATE_NAISS>05/05/2012</DATE_NAISS>");
  std::string edt = kEdt;
  edt.replace(edt.find("DateEntree=\"2026-01-05\""), 23, "");
  const test::TempDir dir;
  auto parsed = sources::parse_files(
      {dir.write("eleves.xml", eleves), std::string(EDUSYNC_TEST_DATA) + "/handmade/sts.xml",
       dir.write("edt.xml", edt)},
      1);
  const auto result = assemble::assemble(parsed, {{}, "2025-11-20"});
  const auto codes = by_code(result.warnings);
  ASSERT_EQ(codes.count("TIMETABLE_AMBIGUOUS_PUPIL"), 1u);
  const auto& warning = *codes.at("TIMETABLE_AMBIGUOUS_PUPIL").front();
  EXPECT_EQ(warning.keys.size(), 2u);
  EXPECT_NE(text::french(warning.message).find("(ELEVE_ID 0100003)"), std::string::npos);
  EXPECT_NE(text::french(warning.message).find("(ELEVE_ID 0100006)"), std::string::npos);
  for (const auto& key : warning.keys) {
    EXPECT_EQ(members(result.directory, "6LAT").count(key + "/edt"), 0u) << key;
  }
}

TEST(TimetableJoin, AnExportOlderThanSiecleByMoreThanTheLimitIsStale) {
  const auto result = join(kEdt, "0140065T_20250901120000_EDT.xml");
  const auto codes = by_code(result.warnings);
  ASSERT_EQ(codes.count("TIMETABLE_STALE"), 1u);
  const std::string text = text::french(codes.at("TIMETABLE_STALE").front()->message);
  EXPECT_NE(text.find("2025-09-01, 74 jours avant l'export SIECLE (2025-11-14)"), std::string::npos)
      << text;
  assemble::Options lenient;
  lenient.timetable_stale_after_days = 80;
  EXPECT_EQ(by_code(join(kEdt, "0140065T_20250901120000_EDT.xml", lenient).warnings)
                .count("TIMETABLE_STALE"),
            0u);
}

TEST(TimetableJoin, AFileWithoutSchoolTakesTheOnlyOneOrIsRefused) {
  std::string without = kEdt;
  without.erase(without.find(" UAI=\"0140065T\""), 15);
  EXPECT_EQ(members(join(without).directory, "6 LAT-EDT").size(), 1u);
  assemble::Options two_schools;
  two_schools.uais = {"0140065T", "0610001A"};
  try {
    join(without, "edt.xml", two_schools);
    FAIL() << "a timetable without UAI in a two-school inbox was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.message().id, "timetable.no_school");
    EXPECT_NE(error.reason("fr").find("0140065T, 0610001A"), std::string::npos);
    EXPECT_NE(error.reason("fr").find("<UAI>_edt.xml"), std::string::npos) << error.reason("fr");
  }
  EXPECT_EQ(members(join(without, "0140065T_edt.xml", two_schools).directory, "6 LAT-EDT").size(),
            1u);
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

// A UDT export of the same college: its tables spread over members with roots of their own.
// Group "LAT" of 6 A is 6LAT for STS-web; regroupement "LV2-6" unites LAT of 6 A and the whole
// of 6 B.
std::vector<std::pair<std::string, std::string>> udt_members() {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  return {
      {"UDCal_04.xml",
       xml +
           R"(<UDCal><profs><prof code="P1" nom="LE GOFF" prenom="Maëlle Anne"/></profs></UDCal>)"},
      {"UDCal_05.xml",
       xml + R"(<UDCal><mat code="LAT" libelle="LATIN" code_gep1="020300"/></UDCal>)"},
      {"UDCal_08.xml", xml + R"(<a><b><div code="6 A"/><div code="6 B"/></b></a>)"},
      {"UDCal_10.xml", xml + R"(<UDCal_10><eleves>
<eleve code="E1" nom="CŒURDEVEY" prenom="Lætitia" naissance="03/04/2012"/>
<eleve code="E2" nom="D'ALMEIDA" prenom="Jean-Baptiste" naissance="31/12/2011"/>
</eleves></UDCal_10>)"},
      {"UDCal_19.xml", xml + R"(<r><gpe code="LAT" code_div="6 A" code_sts="6LAT"/></r>)"},
      {"UDCal_13.xml", xml + R"(<r><rgpmt code="R1" nom="LV2-6" code_gpe="LAT" code_div="6 A"/>
<rgpmt code="R1" nom="LV2-6" code_div="6 B"/></r>)"},
      {"udcal_21.xml", xml + R"(<r><x><ele_gpe ele="E1" gpe="LAT" code_div="6 A"/></x>
<ele_gpe ele="E2" code_div="6 B"/></r>)"},
      {"UDCal_12.xml",
       xml + R"(<r><ligfiche code="L1" fic="F1" div="6 A" mat="LAT" prof="P1" rgpmt="R1"/></r>)"},
  };
}

TEST(TimetableJoin, AUdtZipIsOneExportWhoseRegroupementsUniteTheirParts) {
  const test::TempDir dir;
  const std::string zip = (dir.path() / "0140065T_20251114183000_UDT.zip").string();
  test::write_zip(zip, udt_members());
  const std::string handmade = std::string(EDUSYNC_TEST_DATA) + "/handmade/";
  auto parsed = sources::parse_files({handmade + "eleves.xml", handmade + "sts.xml", zip}, 1);
  const auto result = assemble::assemble(parsed, {{}, "2025-11-20"});
  const auto& d = result.directory;
  const std::string laetitia = key_of(d, "0100001");
  const std::string jean_baptiste = key_of(d, "0100002");
  EXPECT_EQ(members(d, "6LAT"), (std::set<std::string>{laetitia + "/udt"}));
  EXPECT_EQ(members(d, "LV2-6"),
            (std::set<std::string>{laetitia + "/udt", jean_baptiste + "/udt"}));
  const auto service = std::find_if(d.services.begin(), d.services.end(),
                                    [](const auto& s) { return s.structure_code == "LV2-6"; });
  ASSERT_NE(service, d.services.end());
  EXPECT_EQ(service->staff_key, "sts:4101");
  EXPECT_EQ(service->subject_code, "020300");
  EXPECT_EQ(service->origin, model::Origin::udt);
  const auto codes = by_code(result.warnings);
  EXPECT_EQ(codes.count("TIMETABLE_UNKNOWN_GROUP"), 1u) << "LV2-6 is the timetable's own";
  EXPECT_EQ(codes.count("TIMETABLE_UNMATCHED_PUPIL"), 0u);
  EXPECT_EQ(codes.count("TIMETABLE_STALE"), 0u) << "dated by its drop name, the day of SIECLE's";
  EXPECT_EQ(codes.count("EMPTY_EXPORT"), 0u);
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

TEST(TimetableJoin, EdtAndUdtTogetherGiveEachMembershipOnce) {
  const test::TempDir dir;
  const std::string zip = (dir.path() / "0140065T_20251114183000_UDT.zip").string();
  test::write_zip(zip, udt_members());
  const std::string handmade = std::string(EDUSYNC_TEST_DATA) + "/handmade/";
  auto parsed = sources::parse_files(
      {handmade + "eleves.xml", handmade + "sts.xml", dir.write("edt.xml", kEdt), zip}, 1);
  const auto result = assemble::assemble(parsed, {{}, "2025-11-20"});
  std::map<std::string, int> laetitia_in;
  const std::string laetitia = key_of(result.directory, "0100001");
  for (const auto& m : result.directory.memberships) {
    if (m.pupil_key == laetitia) laetitia_in[m.structure_code]++;
  }
  EXPECT_EQ(laetitia_in["6LAT"], 1) << "EDT gave it first; UDT does not repeat it";
  EXPECT_EQ(laetitia_in["LV2-6"], 1);
}

}  // namespace
}  // namespace edusync
