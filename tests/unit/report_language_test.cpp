// A report holds the words of its own language only: the bundled sample's two runs rendered in
// French and in English, text and HTML, are searched for every fixed word of the other
// language (report/labels.hpp, catalogue_pairs), as whole words. Warning and gate messages are
// still French in both languages: the HTML's warning details are left out of the English check
// (the text report holds their codes only).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "report/labels.hpp"
#include "report/run_report.hpp"
#include "run/runner.hpp"
#include "support/test_support.hpp"

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
// are English), and without the warnings' details (their messages are French in both languages).
std::string shown_text(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<details>[\\s\\S]*?</details>"), "");
  text = std::regex_replace(text, std::regex("<style>[\\s\\S]*?</style>"), "");
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
    const auto html = shown_text(report::to_html(report));
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

TEST(ReportLanguage, AFrenchReportHoldsNoEnglishWord) {
  expect_only_own_words("fr");
}

TEST(ReportLanguage, AnEnglishReportHoldsNoFrenchWord) {
  expect_only_own_words("en");
}

}  // namespace
}  // namespace edusync
