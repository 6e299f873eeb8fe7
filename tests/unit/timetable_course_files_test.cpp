// The course-only timetable files on small synthetic documents, end to end through
// parse_export (which routes them by root and by their first bytes): EDT's EXP_COURS.xml (root
// TABLE, rows Cours and Cours_annuels whose children are the columns) and UDT's 12-column text
// file (';' or tab, header or not, UTF-8 or Windows-1252), and what is refused or skipped.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
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

ParsedExport parse_named(const std::string& name, const std::string& bytes,
                         std::size_t piece = 1u << 20) {
  input::MemorySource source(name, bytes, piece);
  return sources::parse_export(source);
}

const TimetableExport& timetable(const ParsedExport& parsed) {
  return std::get<TimetableExport>(parsed.data);
}

// teacher surname, given name, subject, structure.
using Named = std::tuple<std::string, std::string, std::string, std::string>;

std::vector<Named> services_of(const ParsedExport& parsed) {
  std::vector<Named> services;
  for (const auto& s : timetable(parsed).services) {
    EXPECT_TRUE(s.teacher_id.empty() && s.subject_id.empty() && s.structure_id.empty());
    services.emplace_back(s.teacher_surname, s.teacher_given_name, s.subject_code,
                          s.structure_code);
  }
  return services;
}

std::vector<std::string> french_issues(const ParsedExport& parsed) {
  std::vector<std::string> texts;
  for (const auto& issue : parsed.issues) {
    texts.push_back(std::to_string(issue.line) + ": " + text::french(issue.message));
  }
  return texts;
}

InputError refusal(const std::string& name, const std::string& bytes) {
  try {
    parse_named(name, bytes);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << name << " was accepted";
  return InputError({}, text::verbatim("<accepted>"));
}

// ---------------------------------------------------------------------------- EXP_COURS.xml

// Columns as EDT names them, '-' and '.' included; several classes in one course, the same
// service twice, a course of two teachers, and rows that give no service.
const std::string kExpCours = R"(<?xml version="1.0" encoding="UTF-8"?>
<TABLE nom="Cours">
<Cours>
<NUMERO>1</NUMERO><DUREE>1h00</DUREE><FREQUENCE>H</FREQUENCE><MAT_CODE>ANGL1</MAT_CODE>
<MAT_LIBELLE>ANGLAIS LV1</MAT_LIBELLE><PROF_NOM>MARTIN</PROF_NOM><PROF_PRENOM>Claire</PROF_PRENOM>
<CLASSE>3A, 3B+3C</CLASSE><SALLE>S12</SALLE><ALTERNANCE>H</ALTERNANCE><MODALITE>CG</MODALITE>
<CO-ENS.>N</CO-ENS.><POND.>1</POND.><JOUR>lundi</JOUR><H.DEBUT>08h00</H.DEBUT><EFFECTIF>28</EFFECTIF>
</Cours>
<Cours><NUMERO>2</NUMERO><MAT_CODE>ANGL1</MAT_CODE><PROF_NOM>MARTIN</PROF_NOM><PROF_PRENOM>Claire</PROF_PRENOM><CLASSE>3A</CLASSE><JOUR>mardi</JOUR></Cours>
<Cours_annuels><NUMERO>3</NUMERO><MAT_LIBELLE>VIE DE CLASSE</MAT_LIBELLE><PROF_NOM>DURAND, PETIT</PROF_NOM><PROF_PRENOM>Paul, Anne</PROF_PRENOM><CLASSE>3A</CLASSE></Cours_annuels>
<Cours><NUMERO>4</NUMERO><MAT_CODE>MATHS</MAT_CODE><CLASSE>3A</CLASSE></Cours>
<Cours><NUMERO>5</NUMERO><PROF_NOM>MARTIN</PROF_NOM><CLASSE>3A</CLASSE></Cours>
<Cours><NUMERO>6</NUMERO><PROF_NOM>MARTIN</PROF_NOM><MAT_CODE>MATHS</MAT_CODE></Cours>
<Cours><PROF_NOM>X&#x85;Y</PROF_NOM><MAT_CODE>MATHS</MAT_CODE><CLASSE>3A</CLASSE></Cours>
<Autre><PROF_NOM>IGNORE</PROF_NOM></Autre>
</TABLE>
)";

TEST(ExpCours, EachRowGivesAServicePerTeacherAndClassOnce) {
  for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    const auto parsed = parse_named("0140065T_20260914183000_EXP_COURS.xml", kExpCours, piece);
    EXPECT_EQ(parsed.kind, ExportKind::edt_courses);
    EXPECT_EQ(sources::to_string(parsed.kind), "edt-courses");
    EXPECT_EQ(parsed.header.uai, "0140065T");
    EXPECT_EQ(parsed.header.export_date, "2026-09-14");
    EXPECT_EQ(timetable(parsed).origin, model::Origin::edt);
    EXPECT_EQ(parsed.records, 7u);
    EXPECT_EQ(services_of(parsed), (std::vector<Named>{
                                       {"MARTIN", "Claire", "ANGL1", "3A"},
                                       {"MARTIN", "Claire", "ANGL1", "3B"},
                                       {"MARTIN", "Claire", "ANGL1", "3C"},
                                       {"DURAND", "Paul", "VIE DE CLASSE", "3A"},
                                       {"PETIT", "Anne", "VIE DE CLASSE", "3A"},
                                   }))
        << "piece " << piece;
  }
}

TEST(ExpCours, RowsWithoutTeacherSubjectOrClassOrWithABadNameAreReported) {
  const auto parsed = parse_named("EXP_COURS.xml", kExpCours);
  const auto issues = french_issues(parsed);
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0], "11: Cours sans PROF_NOM ignoré");
  EXPECT_EQ(issues[1], "12: Cours sans MAT_CODE ignoré");
  EXPECT_EQ(issues[2], "13: Cours sans CLASSE ignoré");
  EXPECT_NE(issues[3].find("14: fiche de l'enseignant d'un cours sans NUMERO refusée : PROF_NOM "
                           "contient le caractère de contrôle U+0085"),
            std::string::npos)
      << issues[3];
  EXPECT_NE(issues[3].find("corrigez-la dans EDT"), std::string::npos) << issues[3];
  EXPECT_EQ(text::render(parsed.issues[0].message, "en"), "Cours without PROF_NOM ignored");
  EXPECT_EQ(parsed.header.uai, "") << "no UAI in the file nor in its name";
}

TEST(ExpCours, TeachersArePairedWithTheirGivenNamesOnlyWhenBothColumnsListAsMany) {
  const auto parsed = parse_named(
      "EXP_COURS.xml",
      "<TABLE><Cours><NUMERO>8</NUMERO><MAT_CODE>SVT</MAT_CODE><PROF_NOM>DURAND, PETIT</PROF_NOM>"
      "<PROF_PRENOM>Paul</PROF_PRENOM><CLASSE>3A</CLASSE></Cours></TABLE>");
  EXPECT_EQ(services_of(parsed),
            (std::vector<Named>{{"DURAND", "", "SVT", "3A"}, {"PETIT", "", "SVT", "3A"}}));
}

TEST(ExpCours, ATableOfAnotherKindIsRefusedWhenCoursesAreNotExpected) {
  input::MemorySource source("EXP_COURS.xml", kExpCours);
  EXPECT_THROW(sources::parse_export(source, ExportKind::udt_courses), InputError);
}

// ---------------------------------------------------------------------------- UDT courses

const std::string kHeader =
    "Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire";

// Rows in UTF-8, after kHeader: lines 2 to 9.
const std::string kRows =
    "Lundi;08h00;3A;ANGL1;MARTIN Claire;S12;;;28;CG;H;\n"
    "Mardi;09h00;3A;ALL2;DURAND P.;S14;3A_ALL2;;12;CG;H;\n"
    "Jeudi;10h00;3A;ALL2;DE LA FONTAINE Jean Marc;S14;3A G1;3 LV2;12;CG;H;\n"
    "Vendredi;11h00;3A;ANGL1;MARTIN Claire;S12;;;28;CG;H;\n"
    "Samedi;08h00;3B;HG;Le Goff Hélène;S02;;;25;CG;H;\n"
    "\n"
    "Lundi;14h00;3B;EPS;DUPONT;GYM;;;25;CG;H;\n"
    "Lundi;15h00;3B\n";

const std::vector<Named> kServices = {
    {"MARTIN", "Claire", "ANGL1", "3A"},
    {"DURAND", "P.", "ALL2", "3A_ALL2"},
    {"DE LA FONTAINE", "Jean Marc", "ALL2", "3 LV2"},
    {"Le Goff", "Hélène", "HG", "3B"},
    {"DUPONT", "", "EPS", "3B"},
};

TEST(UdtCourses, ASemicolonFileWithAHeaderAndAByteOrderMark) {
  const std::string bytes = "\xEF\xBB\xBF" + kHeader + "\r\n" + kRows;
  for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 20}) {
    const auto parsed = parse_named("inbox/0140065T_20260914183000_cours.csv", bytes, piece);
    EXPECT_EQ(parsed.kind, ExportKind::udt_courses);
    EXPECT_EQ(sources::to_string(parsed.kind), "udt-courses");
    EXPECT_EQ(parsed.path, "inbox/0140065T_20260914183000_cours.csv");
    EXPECT_EQ(parsed.header.uai, "0140065T");
    EXPECT_EQ(parsed.header.export_date, "2026-09-14");
    EXPECT_EQ(parsed.records, 7u) << "the header and the empty line are no rows";
    EXPECT_EQ(parsed.bytes, bytes.size());
    EXPECT_EQ(parsed.sha256.size(), 64u);
    EXPECT_EQ(timetable(parsed).origin, model::Origin::udt);
    EXPECT_EQ(services_of(parsed), kServices) << "piece " << piece;
    EXPECT_EQ(french_issues(parsed),
              std::vector<std::string>{"9: ligne de 3 colonnes ignorée : 12 attendues "
                                       "(Jour;Heure;Div;Matière;Professeur;Salle;Groupe;Regroup;"
                                       "Eff;Mo;Freq;Aire)"});
  }
}

TEST(UdtCourses, ATabFileWithoutHeaderInWindows1252) {
  std::string rows = kRows;
  for (char& c : rows) {
    if (c == ';') c = '\t';
  }
  // Hélène in Windows-1252, and Œ (8C), which Latin-1 lacks.
  const auto at = rows.find("H\xC3\xA9l\xC3\xA8ne");
  rows.replace(at, 8, "H\xE9l\xE8ne");
  rows += "Mardi\t08h00\t3B\tFR\tC\x8CUR L\xE9o\tS03\t\t\t25\tCG\tH\t\n";
  const auto parsed = parse_named("cours.txt", rows, 2);
  EXPECT_EQ(parsed.kind, ExportKind::udt_courses);
  EXPECT_EQ(parsed.header.uai, "");
  std::vector<Named> expected = kServices;
  expected.emplace_back("CŒUR", "Léo", "FR", "3B");
  EXPECT_EQ(services_of(parsed), expected);
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].line, 8u) << "no header: the rows start on line 1";
}

TEST(UdtCourses, AHeaderGivesTheColumnsByNameInAnyCase) {
  const std::string bytes =
      "JOUR;HEURE;DIV;PROFESSEUR;MATIERE;SALLE;GROUPE;REGROUP;EFF;MO;FREQ;AIRE\n"
      "Lundi;08h00;3A;\"MARTIN Claire\";ANGL1;S12;;;28;CG;H;\n";
  const auto parsed = parse_named("cours.csv", bytes);
  EXPECT_EQ(services_of(parsed), (std::vector<Named>{{"MARTIN", "Claire", "ANGL1", "3A"}}));
}

TEST(UdtCourses, RowsWithoutTeacherSubjectOrAudienceAreReportedWithTheirLine) {
  const std::string bytes = kHeader + "\n" +
                            "Lundi;08h00;3A;ANGL1;;S12;;;28;CG;H;\n"
                            "Lundi;08h00;3A;;MARTIN Claire;S12;;;28;CG;H;\n"
                            "Lundi;08h00;;ANGL1;MARTIN Claire;S12;;;28;CG;H;\n"
                            "Lundi;08h00;3A;ANGL1;MARTIN\xC2\x85;S12;;;28;CG;H;\n";
  const auto parsed = parse_named("cours.csv", bytes);
  EXPECT_TRUE(timetable(parsed).services.empty());
  const auto issues = french_issues(parsed);
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0], "2: ligne sans Professeur ignorée");
  EXPECT_EQ(issues[1], "3: ligne sans Matière ignorée");
  EXPECT_EQ(issues[2], "4: ligne sans Div ignorée");
  EXPECT_NE(issues[3].find("5: fiche de l'enseignant de la ligne 5 refusée : Professeur contient "
                           "le caractère de contrôle U+0085"),
            std::string::npos)
      << issues[3];
  EXPECT_EQ(text::render(parsed.issues[0].message, "en"), "row without Professeur ignored");
}

TEST(UdtCourses, ALineThatIsNotUtf8InAUtf8FileIsSkipped) {
  const std::string bytes = "\xEF\xBB\xBF" + kHeader + "\n" +
                            "Lundi;08h00;3A;ANGL1;MARTIN Hélène;S12;;;28;CG;H;\n"
                            "Lundi;09h00;3A;ANGL1;PETIT L\xE9o;S12;;;28;CG;H;\n";
  const auto parsed = parse_named("cours.csv", bytes);
  EXPECT_EQ(services_of(parsed), (std::vector<Named>{{"MARTIN", "Hélène", "ANGL1", "3A"}}));
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].line, 3u);
  EXPECT_NE(text::french(parsed.issues[0].message).find("pas en UTF-8"), std::string::npos);
}

TEST(UdtCourses, ALineTooLongStopsTheFileAtThatLine) {
  const std::string bytes = kHeader + "\n" + "Lundi;08h00;3A;ANGL1;MARTIN;S12;;;28;CG;H;\n" +
                            "Lundi;" + std::string(70'000, 'x') + "\n";
  const auto error = refusal("cours.csv", bytes);
  EXPECT_EQ(error.where().line, 3);
  EXPECT_FALSE(error.is_stray());
  EXPECT_NE(std::string(error.what()).find("ligne de plus de 65536 octets"), std::string::npos)
      << error.what();
}

TEST(UdtCourses, AFileOfMoreRowsThanATimetableCanHaveIsRefused) {
  std::string bytes = kHeader + "\n";
  const std::string row = "Lundi;08h00;3A;ANGL1;MARTIN;S12;;;28;CG;H;\n";
  bytes.reserve(bytes.size() + row.size() * 200'001);
  for (int i = 0; i < 200'001; ++i) bytes += row;
  const auto error = refusal("cours.csv", bytes);
  EXPECT_EQ(error.where().line, 200'002);
  EXPECT_NE(std::string(error.what()).find("plus de 200000 lignes"), std::string::npos)
      << error.what();
}

TEST(UdtCourses, BeyondAThousandBadRowsTheRestAreOnlyCounted) {
  std::string bytes = kHeader + "\n";
  for (int i = 0; i < 1'500; ++i) bytes += "Lundi;08h00\n";
  const auto parsed = parse_named("cours.csv", bytes);
  EXPECT_EQ(parsed.records, 1'500u);
  ASSERT_EQ(parsed.issues.size(), 1'001u);
  EXPECT_EQ(parsed.issues[999].line, 1'001u);
  EXPECT_EQ(text::french(parsed.issues.back().message),
            "500 autres lignes ignorées (seules les premières sont détaillées)");
  EXPECT_EQ(text::render(parsed.issues.back().message, "en"),
            "500 other rows ignored (only the first ones are listed)");
}

TEST(UdtCourses, TheHeaderOnlyReadGivesTheKindAndTheSchool) {
  input::MemorySource source("0140065T_20260914183000_cours.csv", kHeader + "\n" + kRows);
  const auto parsed = sources::read_export_header(source);
  EXPECT_EQ(parsed.kind, ExportKind::udt_courses);
  EXPECT_EQ(parsed.header.uai, "0140065T");
}

TEST(UdtCourses, ACallerGivingAnotherFileGetsAnInputError) {
  input::MemorySource source("notes.txt", "pas un fichier de cours\n");
  EXPECT_THROW(sources::parse_udt_courses(source), InputError);
  input::MemorySource empty("vide.csv", "");
  EXPECT_THROW(sources::parse_udt_courses(empty), InputError);
}

TEST(UdtCourses, LooksLikeTheCourseFileOnlyWithTwelveColumnsAndAHeaderOrADay) {
  using sources::looks_like_udt_courses;
  EXPECT_TRUE(looks_like_udt_courses(kHeader + "\n"));
  EXPECT_TRUE(looks_like_udt_courses("\xEF\xBB\xBF\r\n" + kHeader));
  EXPECT_TRUE(looks_like_udt_courses("MERCREDI\t08h00\t3A\tM\tP\t\t\t\t\t\t\t\n"));
  EXPECT_TRUE(looks_like_udt_courses("lundi;08h00;3A;M;P;;;;;;;;\n")) << "a separator at the end";
  EXPECT_TRUE(
      looks_like_udt_courses("Jour;Heure;Div;Mati\xE8re;Professeur;Salle;Groupe;Regroup;"
                             "Eff;Mo;Freq;Aire\n"))
      << "a Windows-1252 header";

  EXPECT_FALSE(looks_like_udt_courses(""));
  EXPECT_FALSE(looks_like_udt_courses("\n\n"));
  EXPECT_FALSE(looks_like_udt_courses("<?xml version=\"1.0\"?>\n<TABLE/>\n"));
  EXPECT_FALSE(looks_like_udt_courses("<TABLE>;;;;;;;;;;;</TABLE>"));
  EXPECT_FALSE(looks_like_udt_courses("Ceci est un texte quelconque.\nRien d'autre.\n"));
  EXPECT_FALSE(looks_like_udt_courses("Jour;Heure;Div\nLundi;08h00;3A\n"));
  EXPECT_FALSE(looks_like_udt_courses("Dimanche;a;b;c;d;e;f;g;h;i;j;k\n"));
  EXPECT_FALSE(looks_like_udt_courses("Lundi;08h00;3A;M;P;;;;;;;;;\n")) << "13 columns";
  EXPECT_FALSE(looks_like_udt_courses(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")));
}

TEST(UdtCourses, AnXmlDocumentIsNeverTakenForTheCourseFile) {
  // A TABLE whose first line has 12 ';'-separated pieces is still XML.
  const auto parsed = parse_named(
      "EXP_COURS.xml",
      "<TABLE>;;;;;;;;;;;\n<Cours><MAT_CODE>M</MAT_CODE><PROF_NOM>P</PROF_NOM><CLASSE>3A</CLASSE>"
      "</Cours></TABLE>\n");
  EXPECT_EQ(parsed.kind, ExportKind::edt_courses);
}

TEST(UdtCourses, TheFuzzSeedsAreUsableCourseFiles) {
  const std::string seeds = std::string(EDUSYNC_TEST_DATA) + "/../fuzz/seeds/";
  const auto csv = parse_named("udt_cours.csv", test::read_file(seeds + "udt_cours.csv"), 5);
  EXPECT_EQ(csv.kind, ExportKind::udt_courses);
  EXPECT_EQ(timetable(csv).services.size(), 5u);
  EXPECT_EQ(csv.issues.size(), 1u);
  const auto xml = parse_named("exp_cours.xml", test::read_file(seeds + "exp_cours.xml"), 5);
  EXPECT_EQ(xml.kind, ExportKind::edt_courses);
  EXPECT_EQ(timetable(xml).services.size(), 5u);
  EXPECT_EQ(xml.issues.size(), 1u);
}

}  // namespace
}  // namespace edusync
