// A report holds the words of its own language only: the bundled sample's two runs rendered in
// French and in English, text, HTML and JSON, are searched for every fixed word of the other
// language (report/labels.hpp, catalogue_pairs), as whole words, and for every fixed fragment of
// the other language's messages (text/catalogue.hpp): warnings, gates, the to-do list, headings.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "report/labels.hpp"
#include "report/run_report.hpp"
#include "run/runner.hpp"
#include "support/catalogue_evidence.hpp"
#include "support/test_support.hpp"
#include "text/catalogue.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;

bool word_char(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80 || c == '_' || c == '-';
}

// `word` in `text` with neither a letter nor a digit right before or after it.
bool has_word(const std::string& text, const std::string& word) {
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !word_char(static_cast<unsigned char>(text[at - 1]));
    const auto end = at + word.size();
    const bool ends = end == text.size() || !word_char(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

std::vector<report::RunReport> sample_runs(const std::string& language) {
  test::TempDir dir;
  const auto root = dir.path().string();
  const std::string config = "school: {uai: 0069500U, name: Sample}\nstate_dir: " + root +
                             "/state\ninbox: " + root + "/inbox\nreport: {language: " + language +
                             "}\nconnectors:\n  - {name: audit, type: journal, path: " + root +
                             "/journal.jsonl}\n";
  std::vector<report::RunReport> reports;
  for (const auto& [sample, today] :
       {std::pair{"college", "2026-01-16"}, std::pair{"college-next", "2026-01-30"}}) {
    fs::remove_all(dir.path() / "inbox");
    fs::create_directories(dir.path() / "inbox");
    for (const auto& entry : fs::directory_iterator(std::string(EDUSYNC_SAMPLES) + "/" + sample)) {
      if (entry.path().extension() != ".json")
        fs::copy_file(entry.path(), dir.path() / "inbox" / entry.path().filename());
    }
    run::RunOptions options;
    options.today = today;
    reports.push_back(test::run_config(config, options).report);
  }
  return reports;
}

// What the HTML page shows: its text without the style, the script and the tags (class names
// are English).
std::string shown_text(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<style>[\\s\\S]*?</style>"), "");
  text = std::regex_replace(text, std::regex("<script>[\\s\\S]*?</script>"), "");
  return std::regex_replace(text, std::regex("<[^>]*>"), " ");
}

// The words of `pairs` that differ between the languages, on the side `other` takes.
std::vector<std::string> words_of_other_language(bool other_is_french) {
  std::vector<std::string> words;
  for (const auto& [fr, en] : report::catalogue_pairs()) {
    if (fr == en) continue;
    words.push_back(other_is_french ? fr : en);
  }
  return words;
}

void expect_only_own_words(const std::string& language) {
  const bool french = language == "fr";
  const auto foreign = words_of_other_language(!french);
  for (const auto& report : sample_runs(language)) {
    const auto text = report::to_text(report);
    // The warnings' details quote menu paths of SIECLE in both languages (« Base élèves »):
    // their words are checked as messages, below.
    const auto html = shown_text(std::regex_replace(
        report::to_html(report), std::regex("<details>[\\s\\S]*?</details>"), ""));
    for (const auto& word : foreign) {
      // Words both languages write alike in one of their forms ("divisions", "grade") are not
      // evidence: only a word absent from the own language's catalogue counts.
      bool shared = false;
      for (const auto& [fr, en] : report::catalogue_pairs()) shared |= (french ? fr : en) == word;
      if (shared) continue;
      EXPECT_FALSE(has_word(text, word)) << "« " << word << " » in the " << language << " text";
      EXPECT_FALSE(has_word(html, word)) << "« " << word << " » in the " << language << " HTML";
    }
  }
}

// The fixed parts of a catalogue template, trimmed of spaces and punctuation.
std::vector<std::string> fragments(const std::string& pattern) {
  std::vector<std::string> parts;
  for (const auto& part : test::template_fragments(pattern)) {
    const auto first = part.find_first_not_of(" .,:;()");
    const auto last = part.find_last_not_of(" .,:;()");
    if (first != std::string::npos) parts.push_back(part.substr(first, last - first + 1));
  }
  return parts;
}

// The fragments of the other language's messages that are evidence of it: long enough to be a
// phrase (12 bytes), and in no template of the own language (menu paths of SIECLE and STS-web,
// file and key names are the same in both).
std::vector<std::string> foreign_fragments(bool other_is_french) {
  std::string own_templates;
  for (const auto& entry : text::all_entries())
    own_templates += other_is_french ? entry.english : entry.french;
  std::vector<std::string> found;
  for (const auto& entry : text::all_entries()) {
    for (const auto& fragment : fragments(other_is_french ? entry.french : entry.english)) {
      if (fragment.size() >= 12 && own_templates.find(fragment) == std::string::npos)
        found.push_back(fragment);
    }
  }
  return found;
}

void expect_no_foreign_message(const std::string& language) {
  const bool french = language == "fr";
  const auto foreign = foreign_fragments(!french);
  ASSERT_GT(foreign.size(), 100u);
  for (const auto& report : sample_runs(language)) {
    ASSERT_FALSE(report.warnings.empty());  // the sample seeds data-quality warnings
    std::string messages;  // every warning as report.json and warnings.jsonl write it
    for (const auto& w : report.warnings) messages += text::render(w.message, language) + "\n";
    const auto outputs = {report::to_text(report), shown_text(report::to_html(report)), messages};
    // The check can see messages: the own language's fragments are there.
    std::size_t own_seen = 0;
    for (const auto& fragment : foreign_fragments(french))
      own_seen += messages.find(fragment) != std::string::npos;
    EXPECT_GE(own_seen, 8u) << language;
    for (const auto& output : outputs) {
      for (const auto& fragment : foreign)
        EXPECT_EQ(output.find(fragment), std::string::npos)
            << "« " << fragment << " » in a report in " << language;
    }
  }
}

TEST(ReportLanguage, AFrenchReportHoldsNoEnglishWord) {
  expect_only_own_words("fr");
}

TEST(ReportLanguage, AnEnglishReportHoldsNoFrenchWord) {
  expect_only_own_words("en");
}

}  // namespace
}  // namespace edusync

namespace edusync {
namespace {

TEST(ReportLanguage, AFrenchReportHoldsNoEnglishMessage) {
  expect_no_foreign_message("fr");
}

TEST(ReportLanguage, AnEnglishReportHoldsNoFrenchMessage) {
  expect_no_foreign_message("en");
}

// French sets a space before a colon or a semicolon; an English report does not.
TEST(ReportLanguage, EachLanguageHasItsOwnPunctuation) {
  for (const auto& report : sample_runs("en")) {
    const auto text = report::to_text(report);
    EXPECT_EQ(text.find(" :"), std::string::npos) << text;
    EXPECT_EQ(text.find(" ;"), std::string::npos) << text;
    EXPECT_NE(text.find("Changes:\n"), std::string::npos) << text;
  }
  for (const auto& report : sample_runs("fr")) {
    const auto text = report::to_text(report);
    EXPECT_NE(text.find("Changements :\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Année scolaire : 2025-2026"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace edusync
