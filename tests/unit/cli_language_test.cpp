// The real binary: which language a command speaks. --language wins; else the configuration's
// report.language when the command reads one (even a broken one: check-config answers in the
// language of the file it refuses); else French.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "support/catalogue_evidence.hpp"
#include "support/test_support.hpp"
#include "text/catalogue.hpp"

namespace edusync {
namespace {

const std::string kBinary = EDUSYNC_BINARY;
const std::string kData = EDUSYNC_TEST_DATA;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A configuration with one unknown key (line 4) and a value out of range (line 5).
std::string broken_config(const std::string& extra = "") {
  return "school: {uai: 0140065T, name: Test}\nstate_dir: /tmp/x\ninbox: /tmp/y\nsaftey: {}\n"
         "diff: {rename_similarity: 2}\n" +
         extra;
}

TEST(CliLanguage, CheckConfigOnABrokenFileIsFrenchByDefault) {
  test::TempDir dir;
  const auto bad = dir.write("bad.yaml", broken_config());
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + bad + " check-config 2>&1", out), 2);
  EXPECT_TRUE(
      contains(out, "bad.yaml:4:1: clé inconnue « saftey » (vouliez-vous dire « safety » ?)"))
      << out;
  EXPECT_TRUE(
      contains(out, "diff.rename_similarity : 2 est hors limites ; attendu : un nombre de 0 à 1"))
      << out;
  EXPECT_TRUE(contains(out, "edusync check-config : 2 problèmes dans " + bad)) << out;
  EXPECT_FALSE(contains(out, "unknown key")) << out;
}

TEST(CliLanguage, CheckConfigOnABrokenFileSpeaksItsReportLanguage) {
  test::TempDir dir;
  const auto bad = dir.write("bad.yaml", broken_config("report: {language: en}\n"));
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + bad + " check-config 2>&1", out), 2);
  EXPECT_TRUE(contains(out,
                       "bad.yaml:4:1: unknown key \"saftey\" (did you mean \"safety\"?); "
                       "allowed keys: "))
      << out;
  EXPECT_TRUE(
      contains(out, "diff.rename_similarity: 2 is out of range: expected number from 0 to 1"))
      << out;
  EXPECT_TRUE(contains(out, "edusync check-config: 2 problems in " + bad)) << out;
  EXPECT_FALSE(contains(out, "clé inconnue")) << out;
  // --language wins over the file.
  EXPECT_EQ(
      test::run_command(kBinary + " --language fr --config " + bad + " check-config 2>&1", out), 2);
  EXPECT_TRUE(contains(out, "clé inconnue « saftey »")) << out;
}

TEST(CliLanguage, CheckConfigSpeaksTheLanguageOption) {
  test::TempDir dir;
  const auto bad = dir.write("bad.yaml", broken_config());
  std::string out;
  EXPECT_EQ(
      test::run_command(kBinary + " --language en --config " + bad + " check-config 2>&1", out), 2);
  EXPECT_TRUE(contains(out, "unknown key \"saftey\" (did you mean \"safety\"?)")) << out;
  EXPECT_TRUE(contains(out, "edusync check-config: 2 problems in ")) << out;
  // A valid file: the summary.
  const auto good = dir.write("good.yaml", "school: {uai: 0140065T, name: Test}\n");
  EXPECT_EQ(
      test::run_command(kBinary + " --language=en --config " + good + " check-config 2>&1", out), 0)
      << out;
  EXPECT_TRUE(
      contains(out, good + ": valid\n  school      Test (UAI 0140065T)\n  connectors  none\n"))
      << out;
  EXPECT_EQ(test::run_command(kBinary + " --config " + good + " check-config 2>&1", out), 0) << out;
  EXPECT_TRUE(contains(out, good + " : valide\n  établissement  Test (UAI 0140065T)\n"
                                   "  connecteurs    aucun\n"))
      << out;
}

TEST(CliLanguage, AnUnknownCommandIsAnsweredInEitherLanguage) {
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " runn 2>&1", out), 2);
  EXPECT_TRUE(contains(out,
                       "edusync : commande inconnue « runn » : vouliez-vous dire « run » ? "
                       "Commandes : "))
      << out;
  EXPECT_EQ(test::run_command(kBinary + " --language en runn 2>&1", out), 2);
  EXPECT_TRUE(contains(out, "edusync: unknown command \"runn\": did you mean \"run\"? Commands: "))
      << out;
  EXPECT_TRUE(contains(out, "(edusync --help).")) << out;
  EXPECT_FALSE(contains(out, "vouliez-vous")) << out;
}

// The words CLI11 writes itself (its labels, the help flag, the groups) follow the language.
TEST(CliLanguage, HelpSpeaksTheLanguageOfTheCommandDownToItsLabels) {
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " --help 2>&1", out), 0);
  for (const char* word :
       {"Utilisation: ", "[OPTIONS] COMMANDE", "Affiche cette aide", "Commandes:"})
    EXPECT_TRUE(contains(out, word)) << word << " in\n" << out;
  for (const char* word : {"Usage:", "Print this help message", "Subcommands:"})
    EXPECT_FALSE(contains(out, word)) << word << " in\n" << out;
  EXPECT_EQ(test::run_command(kBinary + " check-config --help 2>&1", out), 0);
  EXPECT_TRUE(contains(out, "Arguments:")) << out;
  EXPECT_FALSE(contains(out, "Positionals:")) << out;
  EXPECT_EQ(test::run_command(kBinary + " --language en check-config --help 2>&1", out), 0);
  for (const char* word : {"Usage: ", "Positionals:", "Print this help message and exit"})
    EXPECT_TRUE(contains(out, word)) << word << " in\n" << out;
  EXPECT_FALSE(contains(out, "Affiche cette aide")) << out;
}

TEST(CliLanguage, AUsageErrorIsToldInEitherLanguage) {
  std::string out;
  EXPECT_EQ(test::run_command(kBinary + " inspect 2>&1", out), 2);
  EXPECT_TRUE(contains(out, "edusync inspect : aucun fichier à lire : edusync inspect")) << out;
  EXPECT_EQ(test::run_command(kBinary + " --language en inspect 2>&1", out), 2);
  EXPECT_TRUE(contains(out,
                       "edusync inspect: no file to read: edusync inspect [--uai UAI]... "
                       "[--json] FILE..."))
      << out;
  EXPECT_EQ(test::run_command(kBinary + " --language en inspect --uai 12 x.xml 2>&1", out), 2);
  EXPECT_TRUE(contains(out, "--uai \"12\" is not a UAI")) << out;
  // --help speaks it too.
  EXPECT_EQ(test::run_command(kBinary + " --language en --help 2>&1", out), 0);
  EXPECT_TRUE(contains(out, "Synchronises from the inbox")) << out;
  EXPECT_TRUE(contains(out, "Language of the messages, fr or en")) << out;
  EXPECT_FALSE(contains(out, "Synchronise depuis la boîte de dépôt")) << out;
}

// The fixed parts of a French template ("{...}" cut out), those of 12 characters or more that
// the English template does not hold as well: none of them may reach an English output.

TEST(CliLanguage, InspectInEnglishPrintsNoFrenchFragmentOfItsMessages) {
  std::string out;
  ASSERT_EQ(test::run_command(kBinary + " --language en inspect --today 2025-11-20 " + kData +
                                  "/handmade/eleves.xml " + kData + "/handmade/responsables.xml " +
                                  kData + "/handmade/sts.xml 2>&1",
                              out),
            0)
      << out;
  EXPECT_TRUE(contains(out, "Files read:")) << out;
  EXPECT_TRUE(contains(out, "\nDirectory (year ")) << out;
  std::size_t checked = 0;
  for (const auto& entry : text::all_entries()) {
    const std::string id = entry.id;
    if (!id.starts_with("cli.inspect.") && !id.starts_with("warning.")) continue;
    for (const auto& fragment : test::french_evidence(entry)) {
      ++checked;
      EXPECT_FALSE(contains(out, fragment)) << id << ": \"" << fragment << "\" in\n" << out;
    }
  }
  EXPECT_GT(checked, 10u);
  std::string french;
  ASSERT_EQ(test::run_command(kBinary + " inspect --today 2025-11-20 " + kData +
                                  "/handmade/eleves.xml " + kData + "/handmade/responsables.xml " +
                                  kData + "/handmade/sts.xml 2>&1",
                              french),
            0);
  EXPECT_TRUE(contains(french, "Fichiers lus :")) << french;
  EXPECT_TRUE(contains(french, "personnes sans élève scolarisé")) << french;
}

}  // namespace
}  // namespace edusync
