// The messages of the sources stage (catalogue entries input.*) in the reader's language: broken
// and odd inputs are refused or their records skipped with a message that reads in English in an
// English report, holding none of the French fixed words of its entry, while the French text
// (what(), logs, French reports) stays what it always was.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "sources/input/byte_source.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/input/zip_source.hpp"
#include "sources/parsers/export_parser.hpp"
#include "support/catalogue_evidence.hpp"
#include "support/test_support.hpp"
#include "text/catalogue.hpp"
#include "text/message.hpp"

namespace edusync {
namespace {

using test::bee_eleves;

// The fixed French fragments of an entry: its French template cut at its placeholders, those
// of 12 characters or more that its English template does not hold as well (a proper name, a
// list of XML elements, the same in both languages).

// The ids of a message and of every message nested in it.

// `message` in English holds every one of `words` and no French fragment of any entry it is
// made of; nor French quotation marks. Returns the English text.
std::string expect_english(const text::Message& message, const std::vector<std::string>& words) {
  std::string english = text::render(message, "en");
  std::set<std::string> ids;
  test::collect_ids(message, ids);
  EXPECT_FALSE(ids.empty()) << "a verbatim message: " << english;
  for (const auto& id : ids) {
    EXPECT_TRUE(id.starts_with("input.")) << id;
    const text::Entry* entry = text::find_entry(id);
    EXPECT_NE(entry, nullptr) << "no catalogue entry " << id;
    if (entry == nullptr) continue;
    for (const auto& fragment : test::french_evidence(*entry)) {
      EXPECT_EQ(english.find(fragment), std::string::npos)
          << "French \"" << fragment << "\" of " << id << " in: " << english;
    }
  }
  for (const auto& word : words) {
    EXPECT_NE(english.find(word), std::string::npos) << "\"" << word << "\" not in: " << english;
  }
  EXPECT_EQ(english.find("«"), std::string::npos) << english;
  EXPECT_EQ(english.find("»"), std::string::npos) << english;
  EXPECT_EQ(english.find('{'), std::string::npos) << english;
  return english;
}

InputError refusal(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "the input was accepted";
  return InputError({}, text::verbatim("<accepted>"));
}

InputError refuse_memory(const std::string& name, const std::string& bytes) {
  return refusal([&] {
    input::MemorySource source(name, bytes, 1u << 20);
    sources::parse_export(source);
  });
}

// What the parse of `path` (as the CLI opens it) refuses.
InputError refuse_file(const std::string& path) {
  return refusal([&] {
    for (auto& source : input::open_inputs(path)) sources::parse_export(*source);
  });
}

const std::string kDeclaration = test::kLatin9Declaration;

TEST(InputMessagesLanguage, AFileThatIsNotWellFormedReadsInEnglish) {
  const auto mismatch =
      refuse_memory("Eleves.xml", bee_eleves("<ELEVE ELEVE_ID=\"1\"><NOM>X</PRENOM></ELEVE>\n"));
  expect_english(mismatch.message(), {"malformed XML", "closing tag \"PRENOM\"", "element \"NOM\"",
                                      "Use the file as downloaded from SIECLE or STS-web"});

  // Cut inside a record: the open element and its record are named.
  const std::string whole = bee_eleves("<ELEVE ELEVE_ID=\"1\"><NOM>DUPONT</NOM></ELEVE>\n");
  const auto truncated = refuse_memory("Eleves.xml", whole.substr(0, whole.find("DUPONT") + 3));
  expect_english(truncated.message(),
                 {"malformed XML", "premature end of file", "element \"NOM\" (opened on line",
                  "\"ELEVE\" record", "truncated file"});

  const auto entity =
      refuse_memory("Eleves.xml", bee_eleves("<ELEVE ELEVE_ID=\"1\">&foo;</ELEVE>"));
  expect_english(entity.message(), {"undefined entity 'foo'"});
  EXPECT_NE(std::string(entity.what()).find("référence à l'entité 'foo' non définie"),
            std::string::npos)
      << entity.what();
}

TEST(InputMessagesLanguage, AnEmptyFileReadsInEnglish) {
  const auto empty = refuse_memory("Eleves.xml", "");
  expect_english(empty.message(), {"empty file (0 bytes)", "Download the export again"});
  EXPECT_FALSE(empty.is_stray());
}

TEST(InputMessagesLanguage, ADtdIsRefusedInEnglish) {
  const auto dtd = refuse_memory(
      "Eleves.xml", kDeclaration + "<!DOCTYPE BEE_ELEVES [<!ENTITY a \"b\">]>\n<BEE_ELEVES/>\n");
  expect_english(dtd.message(),
                 {"DOCTYPE declaration \"BEE_ELEVES\" refused", "a DTD can serve an attack"});
}

TEST(InputMessagesLanguage, APdfSavedAsXmlIsNamedInEnglish) {
  test::TempDir dir;
  const auto path = dir.write("ElevesSansAdresses.xml", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
  const auto pdf = refuse_file(path);
  EXPECT_TRUE(pdf.is_stray());
  expect_english(pdf.message(), {"a PDF document, not an export",
                                 "edusync reads the XML exports of SIECLE and STS-web"});
  // French, as it always read.
  EXPECT_EQ(text::french(pdf.message()),
            "document PDF, pas un export. edusync lit les exports XML de SIECLE et STS-web : "
            "donnez le fichier .xml, ou l'archive .zip telle que téléchargée.");
}

TEST(InputMessagesLanguage, AnUnknownRootReadsInEnglishAndUnchangedInFrench) {
  const auto unknown = refuse_memory("inconnu.xml", kDeclaration + "<INCONNU>\n</INCONNU>\n");
  EXPECT_TRUE(unknown.is_stray());
  expect_english(unknown.message(),
                 {"unknown root element \"INCONNU\"", "this is not an expected export",
                  "edusync reads the exports of SIECLE (BEE_ELEVES, BEE_RESPONSABLES, "
                  "BEE_STRUCTURES, BEE_NOMENCLATURES), STS-web (STS_EDT) and timetables (EDT, "
                  "PRONOTE, UDT)"});
  EXPECT_EQ(std::string(unknown.what()),
            "inconnu.xml:2: élément racine « INCONNU » inconnu : ce n'est pas un export attendu "
            "; edusync lit les exports SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_STRUCTURES, "
            "BEE_NOMENCLATURES), STS-web (STS_EDT) et d'emploi du temps (EDT, PRONOTE, UDT)");

  const auto edt = refuse_memory("edt.xml", kDeclaration + "<EDT_STS>\n</EDT_STS>\n");
  // The menu of STS-web keeps its French name in English.
  expect_english(edt.message(), {"\"Exports > Emploi du temps\"", "sts_emp_<UAI>_<year>.xml",
                                 "Download it from STS-web"});
}

TEST(InputMessagesLanguage, RecordsSkippedReadInEnglish) {
  const auto parsed = test::parse_string(
      bee_eleves("<ELEVE><NOM_DE_FAMILLE>SANS</NOM_DE_FAMILLE></ELEVE>\n"
                 "<ELEVE ELEVE_ID=\"2\"><NOM_DE_FAMILLE>X\xC2\x85Y</NOM_DE_FAMILLE></ELEVE>\n"
                 "<ELEVE ELEVE_ID=\"3\"><NOM_DE_FAMILLE>Z</NOM_DE_FAMILLE>"
                 "<DATE_SORTIE>31/13/2025</DATE_SORTIE></ELEVE>\n",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  ASSERT_EQ(parsed.issues.size(), 3u);
  expect_english(parsed.issues[0].message, {"pupil without ELEVE_ID ignored (incomplete record)"});
  EXPECT_EQ(text::french(parsed.issues[0].message),
            "élève sans ELEVE_ID ignoré (enregistrement incomplet)");
  expect_english(parsed.issues[1].message, {"record of pupil ELEVE_ID 2 refused",
                                            "NOM_DE_FAMILLE holds the control "
                                            "character U+0085",
                                            "correct it in SIECLE, then export again"});
  EXPECT_EQ(text::french(parsed.issues[1].message),
            "fiche de l'élève ELEVE_ID 2 refusée : NOM_DE_FAMILLE contient le caractère de "
            "contrôle U+0085 (invisible, il n'a pas sa place dans un nom : fichier converti deux "
            "fois ?). Elle n'est écrite dans aucune cible ; corrigez-la dans SIECLE puis "
            "exportez de nouveau.");
  expect_english(parsed.issues[2].message,
                 {"unreadable DATE_SORTIE \"31/13/2025\" for pupil 3", "DD/MM/YYYY"});
}

TEST(InputMessagesLanguage, HeaderAndKindErrorsReadInEnglish) {
  const auto wrong = refusal([] {
    input::MemorySource source("Eleves.xml", bee_eleves(""), 1u << 20);
    sources::parse_export(source, sources::ExportKind::sts_emp);
  });
  expect_english(wrong.message(), {"\"siecle-eleves\" export found, \"sts-emp\" expected"});

  const auto no_header =
      refuse_memory("Eleves.xml", kDeclaration + "<BEE_ELEVES>\n<DONNEES/>\n</BEE_ELEVES>\n");
  expect_english(no_header.message(), {"no PARAMETRES section", "school year"});
}

TEST(InputMessagesLanguage, EncodingAndArchiveErrorsReadInEnglish) {
  const auto encoding =
      refuse_memory("thai.xml", bee_eleves("", "<?xml version=\"1.0\" encoding=\"x-macthai\"?>\n"));
  expect_english(encoding.message(), {"encoding \"x-macthai\" declared but not supported"});

  const auto utf8 = refuse_memory(
      "Eleves.xml", bee_eleves("<ELEVE ELEVE_ID=\"1\"><NOM>\xC3\x89LODIE</NOM></ELEVE>\n"));
  expect_english(utf8.message(), {"declares the encoding \"ISO-8859-15\" but is written in UTF-8",
                                  "in bytes C3 89"});

  test::TempDir dir;
  const auto archive = dir.path() / "exports.zip";
  test::write_zip(archive.string(), {{"lisezmoi.txt", "rien"}});
  const auto no_xml = refusal([&] { input::list_xml_members(archive.string()); });
  expect_english(no_xml.message(), {"the zip archive holds no XML file"});

  const auto missing = refuse_file((dir.path() / "absent.xml").string());
  expect_english(missing.message(), {"cannot open the file: no such file or directory"});
  EXPECT_NE(std::string(missing.what())
                .find("impossible d'ouvrir le fichier : fichier ou dossier "
                      "absent"),
            std::string::npos)
      << missing.what();
}

// Beyond the cases above: no English text of the inputs' table carries French punctuation.
TEST(InputMessagesLanguage, NoEnglishTemplateOfTheInputsHasFrenchPunctuation) {
  for (const auto& entry : text::input_entries()) {
    const std::string english = entry.english;
    EXPECT_TRUE(std::string_view(entry.id).starts_with("input.")) << entry.id;
    for (const char* french : {"«", "»", " : ", " ; ", " ?", "\xC2\xA0"}) {
      EXPECT_EQ(english.find(french), std::string::npos) << entry.id << ": " << english;
    }
  }
}

}  // namespace
}  // namespace edusync
