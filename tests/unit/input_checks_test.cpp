// Inputs that must be refused or reported, and messages an operator can act on: one UAI per
// --uai, UTF-8 text in a file declaring Latin-9, names no person has, text where an export
// has only elements, libxml2 and libzip errors in French, binary files named for what they
// are, `inspect --json` errors as JSON, and the report and state messages around them.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "connectors/ldap_sambaedu/users.hpp"
#include "inspect/inspection.hpp"
#include "report/run_report.hpp"
#include "sources/parsers/export_parser.hpp"
#include "state/database.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;
const std::string kSamples = EDUSYNC_SAMPLES;
const std::string kData = EDUSYNC_TEST_DATA;
const std::string kLatin9 = test::kLatin9Declaration;

using test::bee_eleves;

std::string pupil(const std::string& id, const std::string& surname,
                  const std::string& given_name = "Zoe") {
  return "<ELEVE ELEVE_ID=\"" + id + "\">\n<NOM_DE_FAMILLE>" + surname +
         "</NOM_DE_FAMILLE>\n<PRENOM>" + given_name + "</PRENOM>\n</ELEVE>\n";
}

// The InputError a document is refused with (the test fails when it is accepted).
InputError refusal_of(const std::string& xml, std::size_t piece = 1u << 20) {
  try {
    test::parse_string(xml, piece);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "document accepted";
  return InputError({}, "");
}

InputError refusal_of_file(const std::string& path) {
  try {
    sources::parse_files({path}, 1);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << path << " accepted";
  return InputError({}, "");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---------------------------------------------------------------------------------------------
// --uai takes one value per occurrence and only a UAI

std::string college_next(const std::string& name) {
  return kSamples + "/college-next/" + name;
}

TEST(InspectUaiOption, OneUaiThenTwoFilesReadsBothFiles) {
  std::string output;
  ASSERT_EQ(test::run_command(kBinary + " inspect --json --uai 0069500U " +
                                  college_next("ElevesSansAdresses.xml") + " " +
                                  college_next("sts_emp_0069500U_2025.xml"),
                              output),
            0)
      << output;
  const auto json = nlohmann::json::parse(output);
  ASSERT_EQ(json["sources"].size(), 2u);
  EXPECT_EQ(json["sources"][0]["kind"], "siecle-eleves");
  EXPECT_EQ(json["sources"][1]["kind"], "sts-emp");
  EXPECT_GT(json["totals"]["pupils"].get<int>(), 0);
  EXPECT_GT(json["totals"]["staff"].get<int>(), 0);
}

TEST(InspectUaiOption, TwoUaisAndTwoFilesOfTwoSchoolsReadBoth) {
  std::string output;
  ASSERT_EQ(test::run_command(kBinary + " inspect --json --today 2025-11-20 --uai 0069500U " +
                                  "--uai 0140065T " + college_next("ElevesSansAdresses.xml") + " " +
                                  kData + "/handmade/eleves.xml",
                              output),
            0)
      << output;
  const auto json = nlohmann::json::parse(output);
  ASSERT_EQ(json["sources"].size(), 2u);
  EXPECT_EQ(json["sources"][0]["uai"], "0069500U");
  EXPECT_EQ(json["sources"][1]["uai"], "0140065T");
  EXPECT_GT(json["totals"]["pupils"].get<int>(), 5);
}

TEST(InspectUaiOption, AFileNameGivenAsUaiIsAUsageError) {
  std::string output;
  EXPECT_EQ(test::run_command(kBinary + " inspect --uai foo.xml " +
                                  college_next("ElevesSansAdresses.xml") + " 2>&1",
                              output),
            2);
  EXPECT_TRUE(contains(output, "« foo.xml » n'est pas un UAI")) << output;
  // With --json, stdout still holds one JSON document.
  EXPECT_EQ(test::run_command(kBinary + " inspect --json --uai 123 " +
                                  college_next("ElevesSansAdresses.xml") + " 2>/dev/null",
                              output),
            2);
  auto json = nlohmann::json::parse(output);
  EXPECT_EQ(json["error"]["code"], "USAGE_ERROR");
  EXPECT_EQ(test::run_command(kBinary + " inspect --json 2>/dev/null", output), 2);
  json = nlohmann::json::parse(output);
  EXPECT_EQ(json["error"]["code"], "USAGE_ERROR");
}

TEST(InspectUaiOption, ALowerCaseLetterIsAccepted) {
  std::string output;
  EXPECT_EQ(test::run_command(kBinary + " inspect --uai 0069500u " +
                                  college_next("ElevesSansAdresses.xml") + " 2>&1",
                              output),
            0)
      << output;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 text in a file that declares ISO-8859-15

TEST(Utf8DeclaredLatin9, IsRefusedWithWhatHappenedAndTheFix) {
  // "Hélène" in UTF-8 (C3 A9, C3 A8) under a Latin-9 declaration: libxml2 reads "HÃ©lÃ¨ne".
  const std::string xml = bee_eleves(pupil("1", "MARTIN", "H\xC3\xA9l\xC3\xA8ne"));
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{1}}) {
    SCOPED_TRACE(piece);
    const auto error = refusal_of(xml, piece);
    const std::string message = error.what();
    EXPECT_TRUE(contains(message, "déclare l'encodage « ISO-8859-15 » mais il est écrit en UTF-8"))
        << message;
    EXPECT_TRUE(contains(message, "C3 A9")) << message;
    EXPECT_TRUE(contains(message, "\xC3\x83\xC2\xA9")) << message;  // "Ã©", what would be read
    EXPECT_TRUE(contains(message, "encoding=\"UTF-8\"")) << message;
    EXPECT_EQ(error.where().line, 7);
  }
}

TEST(Utf8DeclaredLatin9, ARealLatin9FileAndAnAsciiOneAreRead) {
  const auto latin9 =
      test::parse_string(test::to_latin9(bee_eleves(pupil("1", "MARTIN", "Hélène"))));
  const auto& pupils = std::get<sources::ElevesExport>(latin9.data).pupils;
  ASSERT_EQ(pupils.size(), 1u);
  EXPECT_EQ(pupils[0].pupil.given_name, "Hélène");
  EXPECT_NO_THROW(test::parse_string(bee_eleves(pupil("1", "MARTIN", "Helene"))));
  // The same UTF-8 text declared as UTF-8 is fine.
  EXPECT_NO_THROW(test::parse_string(
      bee_eleves(pupil("1", "MARTIN", "Hélène"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")));
}

TEST(Utf8DeclaredLatin9, OneByteThatIsNotUtf8ClearsTheSuspicion) {
  // A Latin-9 "é" (E9) later in the file: the file is Latin-9, its "Ã©" is what it says.
  const std::string xml =
      bee_eleves(pupil("1", "MARTIN", "H\xC3\xA9l\xC3\xA8ne") + pupil("2", "DURAND", "Zo\xE9"));
  EXPECT_NO_THROW(test::parse_string(xml));
}

// ---------------------------------------------------------------------------------------------
// Names no person has: the record is refused with a warning naming file, line and record

TEST(InvalidNames, C1ControlsAndAbsurdLengthsRefuseTheRecord) {
  const std::string huge(1u << 20, 'A');
  const std::string xml = bee_eleves(pupil("1", "MARTIN") +
                                         pupil("2",
                                               "DUR\xC2\x85"
                                               "AND") +
                                         pupil("3", huge) + pupil("4", "PETIT", "L\xC2\x9Fo"),
                                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  const auto parsed = test::parse_string(xml);
  const auto& pupils = std::get<sources::ElevesExport>(parsed.data).pupils;
  ASSERT_EQ(pupils.size(), 1u);
  EXPECT_EQ(pupils[0].pupil.eleve_id, "1");
  ASSERT_EQ(parsed.issues.size(), 3u);
  EXPECT_TRUE(contains(text::french(parsed.issues[0].message), "ELEVE_ID 2"))
      << text::french(parsed.issues[0].message);
  EXPECT_TRUE(contains(text::french(parsed.issues[0].message),
                       "NOM_DE_FAMILLE contient le caractère de contrôle U+0085"))
      << text::french(parsed.issues[0].message);
  EXPECT_TRUE(contains(text::french(parsed.issues[1].message), "1048576 caractères"))
      << text::french(parsed.issues[1].message);
  EXPECT_TRUE(contains(text::french(parsed.issues[2].message),
                       "PRENOM contient le caractère de contrôle U+009F"))
      << text::french(parsed.issues[2].message);
  EXPECT_EQ(parsed.issues[0].line, 9u);  // the ELEVE's start tag
}

TEST(InvalidNames, AreInvalidRecordWarningsWithFileAndLine) {
  test::TempDir dir;
  const std::string path = dir.write("ElevesSansAdresses.xml",
                                     bee_eleves(pupil("1", "MARTIN") + pupil("2",
                                                                             "DUR\xC2\x85"
                                                                             "AND"),
                                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  inspect::Request request;
  request.files = {path};
  request.today = "2025-11-20";
  const auto inspection = inspect::inspect_files(request);
  const auto& warnings = inspection.result.warnings;
  const auto found = std::find_if(warnings.begin(), warnings.end(),
                                  [](const auto& w) { return w.code == "INVALID_RECORD"; });
  ASSERT_NE(found, warnings.end());
  EXPECT_EQ(found->where, path + ":9");
  EXPECT_TRUE(contains(text::french(found->message), "élève ELEVE_ID 2"))
      << text::french(found->message);
  for (const auto& p : inspection.result.directory.pupils) EXPECT_NE(p.eleve_id, "2");
}

TEST(InvalidNames, GuardiansAndStaffAreCheckedToo) {
  const std::string utf8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const auto responsables = test::parse_string(
      utf8 +
      "<BEE_RESPONSABLES VERSION=\"3.0\"><PARAMETRES><UAJ>0140065T</UAJ>"
      "<ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><PERSONNES>\n"
      "<PERSONNE PERSONNE_ID=\"7\"><NOM_DE_FAMILLE>A\xC2\x80</NOM_DE_FAMILLE></PERSONNE>\n"
      "<PERSONNE PERSONNE_ID=\"8\"><NOM_DE_FAMILLE>BERNARD</NOM_DE_FAMILLE></PERSONNE>\n"
      "</PERSONNES></DONNEES></BEE_RESPONSABLES>\n");
  EXPECT_EQ(std::get<sources::ResponsablesExport>(responsables.data).persons.size(), 1u);
  ASSERT_EQ(responsables.issues.size(), 1u);
  EXPECT_TRUE(contains(text::french(responsables.issues[0].message), "PERSONNE_ID 7"));

  const auto sts = test::parse_string(
      utf8 +
      "<STS_EDT><PARAMETRES><UAJ CODE=\"0140065T\"/><ANNEE_SCOLAIRE ANNEE=\"2025\"/></PARAMETRES>"
      "<DONNEES><INDIVIDUS>\n<INDIVIDU ID=\"9\" TYPE=\"epp\"><NOM_USAGE>" +
      std::string(201, 'B') +
      "</NOM_USAGE><FONCTION>ENS</FONCTION></INDIVIDU>\n"
      "</INDIVIDUS></DONNEES></STS_EDT>\n");
  EXPECT_TRUE(std::get<sources::StsExport>(sts.data).staff.empty());
  ASSERT_EQ(sts.issues.size(), 1u);
  EXPECT_TRUE(contains(text::french(sts.issues[0].message), "l'individu ID 9"))
      << text::french(sts.issues[0].message);
  EXPECT_TRUE(contains(text::french(sts.issues[0].message), "STS-web"))
      << text::french(sts.issues[0].message);
}

// ---------------------------------------------------------------------------------------------
// Text where an export has only elements

TEST(StrayText, TextDirectlyUnderAListElementIsRefused) {
  const std::string xml = bee_eleves(pupil("1", "MARTIN") + std::string(4u << 20, 'x'));
  const auto error = refusal_of(xml, 64u << 10);
  EXPECT_TRUE(contains(error.what(), "texte directement dans l'élément « ELEVES »"))
      << error.what();
}

TEST(StrayText, AHugeBlankRunIsRefusedButIndentationAndSkippedSectionsAreRead) {
  const auto error = refusal_of(bee_eleves(std::string(17u << 20, ' ')), 1u << 20);
  EXPECT_TRUE(contains(error.what(), "« ELEVES »")) << error.what();
  // Text inside a section no record path goes through (OPTIONS) is not stray.
  const std::string options = "<OPTIONS>" + std::string(64u << 10, 'o') + "</OPTIONS>\n";
  std::string xml = bee_eleves(pupil("1", "MARTIN"));
  xml.insert(xml.find("</DONNEES>"), options);
  const auto parsed = test::parse_string(xml);
  EXPECT_EQ(std::get<sources::ElevesExport>(parsed.data).pupils.size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// gecos

TEST(LdapGecos, AnEmptyNamePartLeavesNoLeadingSpace) {
  model::Directory directory;
  model::Pupil pupil;
  pupil.key = "eleve:1";
  pupil.surname = "Durand";
  pupil.birth_date = "2012-03-04";
  pupil.sex = model::Sex::female;
  pupil.account.login = "durand";
  pupil.account.uid_number = 10001;
  directory.pupils.push_back(pupil);
  pupil.key = "eleve:2";
  pupil.surname = "";
  pupil.given_name = "Zoé";
  pupil.account.login = "zoe";
  pupil.account.uid_number = 10002;
  directory.pupils.push_back(pupil);
  connectors::ldap::Layout layout;
  layout.base_dn = "dc=test";
  layout.domain_sid = "S-1-5-21-1-2-3";
  const auto users = connectors::ldap::desired_users(directory, layout);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].attributes.at("gecos").at(0), "Durand,20120304,F,N");
  EXPECT_EQ(users[1].attributes.at("gecos").at(0), "Zoe,20120304,F,N");
}

// ---------------------------------------------------------------------------------------------
// Messages in French, naming what is wrong

TEST(InputMessages, TagMismatchNamesBothElementsInFrench) {
  const auto error = refusal_of(bee_eleves("<ELEVE ELEVE_ID=\"1\">\n<NOM>X</PRENOM>\n</ELEVE>\n"));
  const std::string message = error.what();
  EXPECT_TRUE(
      contains(message, "balise fermante « PRENOM » alors que l'élément « NOM » ouvert ligne 6"))
      << message;
  EXPECT_FALSE(contains(message, "Opening and ending tag mismatch")) << message;
  EXPECT_EQ(error.where().line, 6);
}

TEST(InputMessages, Latin9BytesWithoutDeclarationAreNamed) {
  const auto error = refusal_of(bee_eleves(pupil("1", "MARTIN", "Zo\xE9"), ""));
  const std::string message = error.what();
  EXPECT_TRUE(contains(message, "octets illisibles dans l'encodage déclaré (octets 0xE9 0x3C"))
      << message;
  EXPECT_TRUE(contains(message, "ISO-8859-15 sans déclaration d'encodage")) << message;
  EXPECT_FALSE(contains(message, "Input is not proper UTF-8")) << message;
}

TEST(InputMessages, ATruncatedFileNamesTheElementLeftOpen) {
  const std::string full = bee_eleves(pupil("1", "MARTIN") + pupil("2", "DURAND"));
  const std::string cut = full.substr(0, full.find("DURAND") + 3);  // inside NOM_DE_FAMILLE
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{5}}) {
    SCOPED_TRACE(piece);
    const std::string message = refusal_of(cut, piece).what();
    EXPECT_TRUE(contains(message,
                         "élément « NOM_DE_FAMILLE » (ouvert ligne 10, dans "
                         "l'enregistrement « ELEVE » de la ligne 9) non fermé"))
        << message;
    EXPECT_TRUE(contains(message, "tronqué")) << message;
    EXPECT_FALSE(contains(message, "« enregistrement »")) << message;
  }
  // Cut inside a start tag: libxml2 sees an unfinished tag, the message says why.
  const std::string in_tag =
      full.substr(0, full.find("<PRENOM>Zoe</PRENOM>\n</ELEVE>\n</ELEVES>") + 4);
  const std::string tag_message = refusal_of(in_tag).what();
  EXPECT_TRUE(contains(
      tag_message,
      "à la fin des données : élément « PRE » (ouvert ligne 11, dans l'enregistrement « ELEVE » "
      "de la ligne 9) non fermé, fichier tronqué"))
      << tag_message;
  // Cut between two records: the list element is named.
  const std::string between = full.substr(0, full.find("<ELEVE ELEVE_ID=\"2\""));
  const std::string message = refusal_of(between).what();
  EXPECT_TRUE(contains(message, "élément « ELEVES » non fermé")) << message;
}

TEST(InputMessages, GzipAndOtherBinaryFilesAreNamedForWhatTheyAre) {
  test::TempDir dir;
  const std::string gzip =
      dir.write("ElevesSansAdresses.xml.gz", std::string("\x1F\x8B\x08\x00", 4) + "garbage");
  std::string message = refusal_of_file(gzip).what();
  EXPECT_TRUE(contains(message, "gzip")) << message;
  EXPECT_TRUE(contains(message, "gunzip")) << message;
  EXPECT_FALSE(contains(message, "Document is empty")) << message;
  const std::string pdf = dir.write("Eleves.xml", "%PDF-1.4\n...");
  message = refusal_of_file(pdf).what();
  EXPECT_TRUE(contains(message, "document PDF")) << message;
  const std::string html =
      dir.write("Eleves2.xml", "<!DOCTYPE html><html><body>Session expirée</body></html>");
  message = refusal_of_file(html).what();
  EXPECT_TRUE(contains(message, "page web (HTML)")) << message;
  const std::string empty = dir.write("vide.xml", "");
  message = refusal_of_file(empty).what();
  EXPECT_TRUE(contains(message, "fichier vide (0 octet)")) << message;
  // Inside a zip archive too.
  const std::string zip = (dir.path() / "export.zip").string();
  test::write_zip(zip, {{"ElevesSansAdresses.xml", std::string("\x1F\x8B\x08\x00", 4) + "x"}});
  message = refusal_of_file(zip).what();
  EXPECT_TRUE(contains(message, "export.zip:ElevesSansAdresses.xml")) << message;
  EXPECT_TRUE(contains(message, "gzip")) << message;
}

TEST(InputMessages, NotAZipArchiveIsSaidInFrench) {
  test::TempDir dir;
  const std::string damaged = dir.write("abime.zip", "PK\x03\x04" + std::string(4096, 'z'));
  std::string message;
  try {
    sources::parse_files({damaged}, 1);
  } catch (const InputError& error) {
    message = error.what();
  }
  EXPECT_TRUE(contains(message, "archive zip illisible : ")) << message;
  EXPECT_TRUE(contains(message, "téléchargez l'archive de nouveau")) << message;
  EXPECT_FALSE(contains(message, "Not a zip archive")) << message;
  EXPECT_FALSE(contains(message, "inconsistent")) << message;
}

TEST(InputMessages, AFileThatCannotBeOpenedIsSaidInFrench) {
  const std::string message = refusal_of_file("/nonexistent/ElevesSansAdresses.xml").what();
  EXPECT_TRUE(contains(message, "impossible d'ouvrir le fichier : fichier ou dossier absent"))
      << message;
  EXPECT_FALSE(contains(message, "No such file")) << message;
}

TEST(InputMessages, InspectJsonPrintsAnErrorObjectWhenItFails) {
  test::TempDir dir;
  const std::string bad = dir.write("bad.xml", "<BEE_ELEVES>\n  <PARAMETRES>\n</BEE_ELEVES>\n");
  std::string output;
  const std::string json_path = (dir.path() / "error.json").string();
  ASSERT_EQ(
      test::run_command(kBinary + " inspect --json " + bad + " 2>/dev/null > " + json_path, output),
      1);
  const auto json = nlohmann::json::parse(test::read_file(json_path));
  const std::string schema = std::string(EDUSYNC_SCHEMAS) + "/inspect-error.schema.json";
  EXPECT_EQ(test::run_command(
                std::string(EDUSYNC_VALIDATOR) + " " + schema + " " + json_path + " 2>&1", output),
            0)
      << output;
  EXPECT_EQ(json["error"]["code"], "INPUT_ERROR");
  EXPECT_EQ(json["error"]["file"], bad);
  EXPECT_EQ(json["error"]["line"], 3);
  EXPECT_TRUE(
      contains(json["error"]["message"].get<std::string>(), "balise fermante « BEE_ELEVES »"))
      << json.dump();
}

TEST(InputMessages, ConnectorWarningsAreIndentedUnderTheirTarget) {
  report::RunReport r;
  r.id = "1";
  r.status = "ok";
  r.connectors.push_back({"koxo",
                          "koxo-csv",
                          "ok",
                          3,
                          0,
                          {},
                          {},
                          {{"NO_INE", text::verbatim("Élève sans INE"), {}, ""}}});
  r.connectors.push_back({"audit", "journal", "ok", 3, 0, {}, {}, {}});
  const std::string text = report::to_text(r);
  EXPECT_TRUE(contains(text,
                       "  koxo (koxo-csv) : réussi, 3 opérations appliquées, 0 échec\n"
                       "    Avertissements (1) :\n"
                       "      - NO_INE — Élève sans INE\n"
                       "  audit (journal) : réussi, 3 opérations appliquées, 0 échec\n"))
      << text;
}

TEST(InputMessages, AStateFileThatExistsIsNotSaidToBeCreated) {
  test::TempDir dir;
  const std::string path = (dir.path() / "state.db").string();
  std::filesystem::create_directory(path);  // exists, cannot be opened for writing, even by root
  std::string message;
  try {
    state::Database db(path);
  } catch (const state::StateError& error) {
    message = error.what();
  }
  EXPECT_TRUE(contains(message, "impossible d'ouvrir en écriture " + path)) << message;
  EXPECT_FALSE(contains(message, "créer")) << message;
  if (::geteuid() != 0) {  // a read-only state directory and file, as a service user sees them
    const auto locked = dir.path() / "locked";
    std::filesystem::create_directory(locked);
    const std::string file = dir.write("locked/state.db", "");
    ::chmod(file.c_str(), 0400);
    ::chmod(locked.c_str(), 0500);
    try {
      state::Database db(file);
      message.clear();
    } catch (const state::StateError& error) {
      message = error.what();
    }
    ::chmod(locked.c_str(), 0700);
    EXPECT_TRUE(contains(message, "impossible d'ouvrir en écriture")) << message;
    EXPECT_TRUE(contains(message, "permission refusée")) << message;
  }
}

}  // namespace
}  // namespace edusync
