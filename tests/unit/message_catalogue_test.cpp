// The message catalogue (text/catalogue.hpp) and its renderer (text/message.hpp): every entry is
// complete in both languages, names the same placeholders in both, and renders; ids are unique.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "text/catalogue.hpp"
#include "text/message.hpp"

namespace edusync::text {
namespace {

// The placeholder names of a template: "{n|élève|élèves}" -> "n".
std::set<std::string> placeholders(const std::string& pattern) {
  std::set<std::string> names;
  const std::regex placeholder("\\{([A-Za-z_][A-Za-z0-9_]*)([|?][^}]*)?\\}");
  for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1].str());
  }
  return names;
}

TEST(MessageCatalogue, IdsAreUniqueAndEveryEntryHasBothLanguages) {
  std::set<std::string> ids;
  for (const auto& entry : all_entries()) {
    EXPECT_TRUE(ids.insert(entry.id).second) << "id twice: " << entry.id;
    EXPECT_NE(std::string(entry.french), "") << entry.id;
    EXPECT_NE(std::string(entry.english), "") << entry.id;
    EXPECT_EQ(find_entry(entry.id), &entry) << entry.id;
  }
  EXPECT_GT(ids.size(), 20u);
}

TEST(MessageCatalogue, BothLanguagesNameTheSamePlaceholders) {
  for (const auto& entry : all_entries()) {
    EXPECT_EQ(placeholders(entry.french), placeholders(entry.english)) << entry.id;
  }
}

TEST(MessageCatalogue, EveryEntryRendersWithItsArgumentsInBothLanguages) {
  for (const auto& entry : all_entries()) {
    std::vector<Arg> args;
    for (const auto& name : placeholders(entry.french)) {
      // A name the catalogue outlives: the Arg keeps a pointer to it.
      static std::set<std::string> names;
      args.push_back(arg(names.insert(name).first->c_str(), "<" + name + ">"));
    }
    const auto m = message(entry.id, args);
    for (const char* language : {"fr", "en"}) {
      const auto rendered = render(m, language);
      EXPECT_EQ(rendered.find('{'), std::string::npos) << entry.id << " (" << language << ")";
      EXPECT_EQ(rendered.find('}'), std::string::npos) << entry.id << " (" << language << ")";
    }
  }
}

// A catalogue entry of a test's own cannot be added; the renderer is checked on real entries.
TEST(MessageRendering, CountsTakeTheWordTheirNumberNeedsInEachLanguage) {
  EXPECT_EQ(counted(0, "élève", "élèves", "fr"), "0 élève");
  EXPECT_EQ(counted(1, "élève", "élèves", "fr"), "1 élève");
  EXPECT_EQ(counted(2, "élève", "élèves", "fr"), "2 élèves");
  EXPECT_EQ(counted(0, "pupil", "pupils", "en"), "0 pupils");
  EXPECT_EQ(counted(1, "pupil", "pupils", "en"), "1 pupil");
  const auto others = message("warning.other_records", {count("count", 3)});
  EXPECT_EQ(render(others, "fr"), "3 autres fiches");
  EXPECT_EQ(render(others, "en"), "3 other records");
  EXPECT_EQ(render(message("warning.other_records", {count("count", 1)}), "en"), "1 other record");
}

TEST(MessageRendering, ListsAndNestedMessagesFollowTheReadersLanguage) {
  EXPECT_EQ(join_words({"A"}, "fr"), "A");
  EXPECT_EQ(join_words({"A", "B", "C"}, "fr"), "A, B et C");
  EXPECT_EQ(join_words({"A", "B"}, "en"), "A and B");
  const auto shared = nested_list("shared", {message("warning.same_mobile", {arg("value", "06")}),
                                             message("warning.same_email", {arg("value", "a@b")})});
  const auto m = message("warning.duplicate_guardian.pair",
                         {arg("times", "2"), list("names", {"X (1)", "Y (2)"}), shared});
  EXPECT_NE(render(m, "fr").find("X (1) et Y (2) ont le même nom et le même téléphone portable "
                                 "(06) et le même mél (a@b)"),
            std::string::npos)
      << render(m, "fr");
  EXPECT_NE(render(m, "en").find("X (1) and Y (2) have the same name and the same mobile phone "
                                 "(06) and the same e-mail (a@b)"),
            std::string::npos)
      << render(m, "en");
}

TEST(MessageRendering, AGapIsShownNeverDroppedAndVerbatimTextIsKept) {
  EXPECT_EQ(render(message("no.such.id"), "fr"), "{no.such.id}");
  const auto missing_arg = render(message("warning.missing_sex"), "fr");
  EXPECT_NE(missing_arg.find("{pupil}"), std::string::npos) << missing_arg;
  EXPECT_EQ(render(verbatim("Invalid credentials (49)"), "fr"), "Invalid credentials (49)");
  EXPECT_EQ(render(verbatim("Invalid credentials (49)"), "en"), "Invalid credentials (49)");
  EXPECT_TRUE(Message().empty());
}

}  // namespace
}  // namespace edusync::text
