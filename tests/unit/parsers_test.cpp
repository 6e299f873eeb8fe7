// The parsers on small documents written for each rule of docs/input.md: both responsables
// formats, name and INE variants, empty elements, codes with spaces, encodings, zip members.
#include <gtest/gtest.h>

#include "common/errors.hpp"
#include "sources/input/byte_source.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

using sources::ExportKind;
using test::parse_string;

const char* const kHeader = R"(<PARAMETRES><UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>
<DATE_EXPORT>14/11/2025</DATE_EXPORT><HORODATAGE>14/11/2025 17:02:11</HORODATAGE></PARAMETRES>)";

std::string bee(const std::string& root, const std::string& data,
                const std::string& encoding = "UTF-8") {
  return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<" + root + " VERSION=\"3.0\">\n" +
         kHeader + "\n<DONNEES>" + data + "</DONNEES></" + root + ">\n";
}

const sources::ElevesExport& eleves(const sources::ParsedExport& parsed) {
  return std::get<sources::ElevesExport>(parsed.data);
}

TEST(Parsers, BeeHeaderGivesUaiYearAndExportDate) {
  const auto parsed = parse_string(bee("BEE_ELEVES", "<ELEVES/>"));
  EXPECT_EQ(parsed.kind, ExportKind::siecle_eleves);
  EXPECT_EQ(parsed.header.uai, "0140065T");
  EXPECT_EQ(parsed.header.school_year, "2025");
  EXPECT_EQ(parsed.header.export_date, "2025-11-14");
  EXPECT_EQ(parsed.header.version, "3.0");
  EXPECT_EQ(parsed.records, 0u);
  EXPECT_EQ(parsed.sha256.size(), 64u);
}

TEST(Parsers, ExportDateFallsBackToHorodatage) {
  std::string xml = R"(<BEE_ELEVES VERSION="2.1"><PARAMETRES><UAJ>0140065T</UAJ>
    <ANNEE_SCOLAIRE>2016</ANNEE_SCOLAIRE><HORODATAGE>23/02/2017 15:42:52</HORODATAGE>
    </PARAMETRES><DONNEES/></BEE_ELEVES>)";
  EXPECT_EQ(parse_string(xml).header.export_date, "2017-02-23");
}

TEST(Parsers, PupilNamesFollowUsageThenFamilyThenLegacyNom) {
  const auto parsed = parse_string(bee("BEE_ELEVES", R"(<ELEVES>
    <ELEVE ELEVE_ID="1" ELENOET="11"><NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE><NOM_USAGE>MARTIN</NOM_USAGE><PRENOM>Léa</PRENOM></ELEVE>
    <ELEVE ELEVE_ID="2" ELENOET="12"><NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE><NOM_USAGE/><PRENOM>Luc</PRENOM></ELEVE>
    <ELEVE ELEVE_ID="3" ELENOET="13"><NOM>ANCIEN</NOM><NOM_USAGE>  </NOM_USAGE><PRENOM>Zoé</PRENOM><PRENOM2>Anne</PRENOM2><PRENOM3>Marie</PRENOM3></ELEVE>
    </ELEVES>)"));
  const auto& pupils = eleves(parsed).pupils;
  ASSERT_EQ(pupils.size(), 3u);
  EXPECT_EQ(pupils[0].pupil.surname, "MARTIN");
  EXPECT_EQ(pupils[0].pupil.birth_surname, "DURAND");
  EXPECT_EQ(pupils[1].pupil.surname, "DURAND");
  EXPECT_EQ(pupils[2].pupil.surname, "ANCIEN");
  EXPECT_EQ(pupils[2].pupil.other_given_names, "Anne Marie");
  EXPECT_EQ(parsed.records, 3u);
}

TEST(Parsers, AllInesAreKeptAndIdsStayStrings) {
  const auto parsed = parse_string(bee("BEE_ELEVES", R"(<ELEVES>
    <ELEVE ELEVE_ID="0012345" ELENOET="0042"><ID_NATIONAL>123456789AB</ID_NATIONAL><INE_BEA>0123456789Z</INE_BEA><INE_RNIE>123456789AB</INE_RNIE></ELEVE>
    <ELEVE ELEVE_ID="0012346"><ELENOET>0043</ELENOET><INE_RNIE> 223456789CD </INE_RNIE></ELEVE>
    </ELEVES>)"));
  const auto& pupils = eleves(parsed).pupils;
  ASSERT_EQ(pupils.size(), 2u);
  EXPECT_EQ(pupils[0].pupil.eleve_id, "0012345");
  EXPECT_EQ(pupils[0].pupil.elenoet, "0042");
  EXPECT_EQ(pupils[0].pupil.ines, (std::vector<std::string>{"123456789AB", "0123456789Z"}));
  EXPECT_EQ(pupils[1].pupil.elenoet, "0043");  // child element when the attribute is absent
  EXPECT_EQ(pupils[1].id_national, "");
  EXPECT_EQ(pupils[1].ine_rnie, "223456789CD");
}

TEST(Parsers, EmptyElementsAreAbsentInEveryForm) {
  const auto parsed = parse_string(bee("BEE_ELEVES", R"(<ELEVES>
    <ELEVE ELEVE_ID="1"><ID_NATIONAL/><CODE_SEXE></CODE_SEXE><DATE_NAISS>
    </DATE_NAISS><MEL>   </MEL></ELEVE></ELEVES>)"));
  const auto& pupil = eleves(parsed).pupils.at(0);
  EXPECT_TRUE(pupil.pupil.ines.empty());
  EXPECT_EQ(pupil.pupil.sex, model::Sex::unknown);
  EXPECT_EQ(pupil.pupil.birth_date, "");
  EXPECT_EQ(pupil.raw_birth_date, "");
  EXPECT_EQ(pupil.pupil.email, "");
}

TEST(Parsers, StructuresKeepInnerSpacesAndAreTrimmed) {
  const auto parsed = parse_string(bee("BEE_ELEVES", R"(<STRUCTURES>
    <STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><CODE_STRUCTURE> 1 BTMS </CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
    <STRUCTURE><CODE_STRUCTURE>_301P1</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>
    <STRUCTURE><CODE_STRUCTURE>X</CODE_STRUCTURE><TYPE_STRUCTURE>Z</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>
    </STRUCTURES><ELEVES><ELEVE ELEVE_ID="1"/></ELEVES>)"));
  const auto& structures = eleves(parsed).structures;
  ASSERT_EQ(structures.size(), 2u);
  EXPECT_EQ(structures[0].code, "1 BTMS");
  EXPECT_EQ(structures[0].type, 'D');
  EXPECT_EQ(structures[1].code, "_301P1");
  EXPECT_EQ(structures[1].type, 'G');
  ASSERT_EQ(parsed.issues.size(), 1u);  // the unknown type Z, reported and skipped
  EXPECT_NE(text::french(parsed.issues[0].message).find("Z"), std::string::npos);
}

TEST(Parsers, UnknownElementsAreAccepted) {
  const auto parsed = parse_string(bee("BEE_ELEVES", R"(<NOUVEAUTE_2027><X/></NOUVEAUTE_2027>
    <ELEVES><ELEVE ELEVE_ID="1"><ID_FUTUR>z</ID_FUTUR><PRENOM>Ana</PRENOM></ELEVE></ELEVES>)"));
  EXPECT_EQ(eleves(parsed).pupils.at(0).pupil.given_name, "Ana");
}

TEST(Parsers, ResponsablesPost2018Levels) {
  const auto parsed = parse_string(bee("BEE_RESPONSABLES", R"(<PERSONNES>
    <PERSONNE PERSONNE_ID="7"><LC_CIVILITE>MME</LC_CIVILITE><NOM_DE_FAMILLE>DUPONT</NOM_DE_FAMILLE><PRENOM>Ève</PRENOM><TEL_PORTABLE>+33611111111</TEL_PORTABLE></PERSONNE>
    </PERSONNES><RESPONSABLES>
    <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>7</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>1</PAIE_FRAIS_SCOLAIRES><A_CONTACTER_EN_PRIORITE>true</A_CONTACTER_EN_PRIORITE></RESPONSABLE_ELEVE>
    <RESPONSABLE_ELEVE><ELEVE_ID>2</ELEVE_ID><PERSONNE_ID>7</PERSONNE_ID><NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
    <RESPONSABLE_ELEVE><ELEVE_ID>3</ELEVE_ID><PERSONNE_ID>7</PERSONNE_ID><NIVEAU_RESPONSABILITE>3</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
    <RESPONSABLE_ELEVE><ELEVE_ID>4</ELEVE_ID><PERSONNE_ID>7</PERSONNE_ID><NIVEAU_RESPONSABILITE>9</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
    </RESPONSABLES>)"));
  const auto& data = std::get<sources::ResponsablesExport>(parsed.data);
  ASSERT_EQ(data.persons.size(), 1u);
  EXPECT_EQ(data.persons[0].person.key, "");  // keyed by assemble/, which knows the UAI
  EXPECT_EQ(data.persons[0].person.given_name, "Ève");
  ASSERT_EQ(data.links.size(), 3u);
  EXPECT_EQ(data.links[0].responsibility, model::Responsibility::legal);
  EXPECT_TRUE(data.links[0].pays_fees);
  EXPECT_EQ(data.links[0].kinship, "10");
  EXPECT_FALSE(data.links[0].pre_2018);
  EXPECT_EQ(data.links[1].responsibility, model::Responsibility::in_charge);
  EXPECT_EQ(data.links[2].responsibility, model::Responsibility::contact);
  EXPECT_EQ(parsed.issues.size(), 1u);  // level 9
}

TEST(Parsers, ResponsablesPre2018RespLegal) {
  const auto parsed = parse_string(bee("BEE_RESPONSABLES", R"(<RESPONSABLES>
    <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>7</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL><CODE_PARENTE>2</CODE_PARENTE><RESP_FINANCIER>1</RESP_FINANCIER><PERS_PAIEMENT>1</PERS_PAIEMENT><PERS_CONTACT>1</PERS_CONTACT></RESPONSABLE_ELEVE>
    <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>8</PERSONNE_ID><RESP_LEGAL>2</RESP_LEGAL></RESPONSABLE_ELEVE>
    <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>9</PERSONNE_ID><RESP_LEGAL>0</RESP_LEGAL></RESPONSABLE_ELEVE>
    </RESPONSABLES>)"));
  const auto& links = std::get<sources::ResponsablesExport>(parsed.data).links;
  ASSERT_EQ(links.size(), 3u);
  EXPECT_TRUE(links[0].pre_2018);
  EXPECT_EQ(links[0].responsibility, model::Responsibility::legal);
  EXPECT_TRUE(links[0].pays_fees);
  EXPECT_EQ(links[1].responsibility, model::Responsibility::legal);
  EXPECT_EQ(links[2].responsibility, model::Responsibility::contact);
}

TEST(Parsers, StsUsesAttributesForUaiYearAndCodes) {
  const std::string xml = R"(<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT><PARAMETRES><UAJ CODE="0140065T"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES>
<DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE="3 A"><SERVICES>
  <SERVICE CODE_MATIERE="030201" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="42" TYPE="epp"/><ENSEIGNANT ID="43"/></ENSEIGNANTS></SERVICE>
</SERVICES></DIVISION></DIVISIONS><GROUPES><GROUPE CODE="3 AVSPRO"><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE="3 A"/></DIVISIONS_APPARTENANCE></GROUPE></GROUPES></STRUCTURE>
<INDIVIDUS><INDIVIDU ID="42" TYPE="epp"><SEXE>2</SEXE><NOM_USAGE>LE GOFF</NOM_USAGE><NOM_PATRONYMIQUE>KERMARREC</NOM_PATRONYMIQUE><PRENOM>Maëlle</PRENOM><DATE_NAISSANCE>1980-01-02</DATE_NAISSANCE><FONCTION>ENS</FONCTION>
<PROFS_PRINC><PROF_PRINC><CODE_STRUCTURE>3 A</CODE_STRUCTURE></PROF_PRINC></PROFS_PRINC></INDIVIDU></INDIVIDUS></DONNEES>
<NOMENCLATURES><MATIERES><MATIERE CODE="030201"><CODE_GESTION>AGL1</CODE_GESTION></MATIERE></MATIERES></NOMENCLATURES></STS_EDT>)";
  const auto parsed = parse_string(test::to_latin9(xml));
  EXPECT_EQ(parsed.kind, ExportKind::sts_emp);
  EXPECT_EQ(parsed.header.uai, "0140065T");
  EXPECT_EQ(parsed.header.school_year, "2025");
  EXPECT_EQ(parsed.header.export_date, "");
  const auto& sts = std::get<sources::StsExport>(parsed.data);
  ASSERT_EQ(sts.staff.size(), 1u);  // sections in any order
  EXPECT_EQ(sts.staff[0].staff.key, "sts:42");
  EXPECT_EQ(sts.staff[0].staff.given_name, "Maëlle");
  EXPECT_EQ(sts.staff[0].staff.birth_date, "1980-01-02");
  EXPECT_EQ(sts.staff[0].head_teacher_of, std::vector<std::string>{"3 A"});
  ASSERT_EQ(sts.services.size(), 2u);
  EXPECT_EQ(sts.services[1].staff_id, "43");
  EXPECT_EQ(sts.services[0].structure_code, "3 A");
  EXPECT_EQ(sts.services[0].subject_code, "030201");
  ASSERT_EQ(sts.groups.size(), 1u);
  EXPECT_EQ(sts.groups[0].divisions, std::vector<std::string>{"3 A"});
  EXPECT_EQ(sts.subjects.at(0).management_code, "AGL1");
}

TEST(Parsers, Latin9LigaturesAndUtf8BomDecodeToTheSameText) {
  const std::string data =
      R"(<ELEVES><ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>CŒUR</NOM_DE_FAMILLE><PRENOM>Lætitia</PRENOM></ELEVE></ELEVES>)";
  const auto latin9 = parse_string(test::to_latin9(bee("BEE_ELEVES", data, "ISO-8859-15")));
  const auto bom = parse_string("\xEF\xBB\xBF" + bee("BEE_ELEVES", data, "UTF-8"));
  EXPECT_EQ(eleves(latin9).pupils.at(0).pupil.surname, "CŒUR");
  EXPECT_EQ(eleves(latin9).pupils.at(0).pupil.given_name, "Lætitia");
  EXPECT_EQ(eleves(bom).pupils.at(0).pupil.surname, "CŒUR");
}

TEST(Parsers, ChunkBoundariesDoNotChangeTheResult) {
  const std::string xml = test::read_file(std::string(EDUSYNC_TEST_DATA) + "/handmade/eleves.xml");
  const auto whole = parse_string(xml);
  for (std::size_t piece : {1u, 7u, 4096u}) {
    const auto split = parse_string(xml, piece);
    EXPECT_EQ(split.sha256, whole.sha256);
    ASSERT_EQ(eleves(split).pupils.size(), eleves(whole).pupils.size());
    EXPECT_EQ(eleves(split).pupils[0].pupil.surname, eleves(whole).pupils[0].pupil.surname);
    EXPECT_EQ(eleves(split).structures.size(), eleves(whole).structures.size());
  }
}

TEST(Parsers, NomenclaturesAndStructures) {
  const auto nomenclatures = parse_string(bee(
      "BEE_NOMENCLATURES",
      R"(<MEFS><MEF CODE_MEF="10310019110"><FORMATION>6EME</FORMATION><LIBELLE_LONG>6EME</LIBELLE_LONG></MEF></MEFS>
    <REGIMES><REGIME CODE_REGIME="2"/></REGIMES>
    <MATIERES><MATIERE CODE_MATIERE="030201"><CODE_GESTION>AGL1</CODE_GESTION><LIBELLE_COURT>ANGLAIS</LIBELLE_COURT><LIBELLE_LONG>ANGLAIS LV1</LIBELLE_LONG></MATIERE></MATIERES>)"));
  const auto& n = std::get<sources::NomenclaturesExport>(nomenclatures.data);
  ASSERT_EQ(n.mefs.size(), 1u);
  EXPECT_EQ(n.mefs[0].formation, "6EME");
  ASSERT_EQ(n.subjects.size(), 1u);
  EXPECT_EQ(n.subjects[0].code, "030201");
  const auto structures = parse_string(bee(
      "BEE_STRUCTURES",
      R"(<DIVISIONS><DIVISION CODE_STRUCTURE="1 BTMS"><LIBELLE_LONG>1TMS</LIBELLE_LONG><CODE_RNE>0140065T</CODE_RNE>
    <MEFS_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>24723006310</CODE_MEF></MEF_APPARTENANCE></MEFS_APPARTENANCE></DIVISION></DIVISIONS>
    <GROUPES><GROUPE CODE_STRUCTURE="1ESP"><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE><CODE_STRUCTURE>1 BTMS</CODE_STRUCTURE></DIVISION_APPARTENANCE></DIVISIONS_APPARTENANCE></GROUPE></GROUPES>)"));
  const auto& s = std::get<sources::StructuresExport>(structures.data);
  ASSERT_EQ(s.divisions.size(), 1u);
  EXPECT_EQ(s.divisions[0].code, "1 BTMS");
  EXPECT_EQ(s.divisions[0].mefs, std::vector<std::string>{"24723006310"});
  EXPECT_EQ(s.groups.at(0).divisions, std::vector<std::string>{"1 BTMS"});
}

TEST(Parsers, ExpectedKindIsEnforced) {
  input::MemorySource source("x.xml", bee("BEE_ELEVES", ""));
  try {
    sources::parse_export(source, ExportKind::sts_emp);
    FAIL() << "a pupils' export was accepted as STS";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("sts-emp"), std::string::npos);
  }
}

TEST(Parsers, MissingParametresOrUaiIsAnError) {
  EXPECT_THROW(parse_string("<BEE_ELEVES><DONNEES/></BEE_ELEVES>"), InputError);
  EXPECT_THROW(parse_string("<BEE_ELEVES><PARAMETRES><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>"
                            "</PARAMETRES></BEE_ELEVES>"),
               InputError);
  EXPECT_THROW(parse_string("<BEE_ELEVES><PARAMETRES><UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>25"
                            "</ANNEE_SCOLAIRE></PARAMETRES></BEE_ELEVES>"),
               InputError);
}

TEST(Parsers, MalformedDocumentNamesFileLineAndColumn) {
  try {
    parse_string(bee("BEE_ELEVES",
                     "<ELEVES>\n<STRICTURES_ELEVE ELEVE_ID=\"1\"></STRUCTURES_ELEVE></ELEVES>"));
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().file, "test.xml");
    EXPECT_EQ(error.where().line, 6);
    EXPECT_GT(error.where().column, 0);
    EXPECT_NE(std::string(error.what()).find("mal formé"), std::string::npos);
  }
}

TEST(Parsers, ZipWithOneAndSeveralMembers) {
  test::TempDir dir;
  const std::string eleves_xml = bee("BEE_ELEVES", "<ELEVES><ELEVE ELEVE_ID=\"1\"/></ELEVES>");
  const std::string sts =
      R"(<STS_EDT><PARAMETRES><UAJ CODE="0140065T"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES></STS_EDT>)";
  const std::string one = (dir.path() / "ExportXML_ElevesSansAdresses.zip").string();
  test::write_zip(one, {{"ElevesSansAdresses.xml", eleves_xml}});
  const std::string several = (dir.path() / "exports.bin").string();  // the name does not matter
  test::write_zip(several, {{"__MACOSX/._ElevesSansAdresses.xml", "junk"},
                            {".hidden.xml", "junk"},
                            {"readme.txt", "not xml"},
                            {"a/ElevesSansAdresses.xml", eleves_xml},
                            {"b/sts_emp_0140065T_2025.xml", sts}});
  const auto parsed = sources::parse_files({one, several}, 2);
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_EQ(parsed[0].path, one + ":ElevesSansAdresses.xml");
  EXPECT_EQ(parsed[0].kind, ExportKind::siecle_eleves);
  EXPECT_EQ(parsed[1].kind, ExportKind::siecle_eleves);
  EXPECT_EQ(parsed[2].kind, ExportKind::sts_emp);
  EXPECT_EQ(parsed[0].sha256, parsed[1].sha256);  // hash of the XML, not of the archive
}

TEST(Parsers, ZipWithoutXmlIsRefused) {
  test::TempDir dir;
  const std::string path = (dir.path() / "empty.zip").string();
  test::write_zip(path, {{"notes.txt", "hello"}});
  EXPECT_THROW(sources::parse_files({path}, 1), InputError);
}

TEST(Parsers, MissingFileIsAClearError) {
  try {
    sources::parse_files({"/nonexistent/ElevesSansAdresses.xml"}, 1);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/ElevesSansAdresses.xml"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace edusync
