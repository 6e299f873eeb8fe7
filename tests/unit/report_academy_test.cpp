// An academy's report stays a morning read: the HTML sums up the schools that changed (each
// linked to its section), names at most kHtmlNamedPerSchool persons a school and says where
// the others are; the text report heads each group with its school.
#include <gtest/gtest.h>

#include "report/report_lists.hpp"
#include "report/run_report.hpp"

namespace edusync {
namespace {

report::RunReport academy_report() {
  report::RunReport r;
  r.id = "20260116T023000Z-0001";
  r.status = "ok";
  r.school_year = "2025";
  r.uais = {"0069500U", "0069501V", "0069502W"};
  for (std::size_t i = 0; i < report::kHtmlNamedPerSchool + 50; ++i) {
    r.person_changes.push_back({"pupil",
                                "added",
                                "0069500U",
                                "ine" + std::to_string(i),
                                "ÉLÈVE N" + std::to_string(i),
                                "login" + std::to_string(i),
                                "6 A",
                                {},
                                ""});
  }
  r.person_changes.push_back({"pupil",
                              "updated",
                              "0069501V",
                              "ine-x",
                              "DURAND Léa",
                              "durandl",
                              "3E 1",
                              {{"division", "4E 1", "3E 1"}},
                              ""});
  return r;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(AcademyReport, TheHtmlSumsUpTheSchoolsAndCapsEachOne) {
  const auto html = report::to_html(academy_report());
  EXPECT_TRUE(contains(html, "Établissements avec des changements (2 sur 3)"));
  EXPECT_TRUE(contains(html, "<a href=\"#uai-0069500U\">0069500U</a></td><td class=\"num\">150"));
  EXPECT_TRUE(contains(html, "<h3 id=\"uai-0069500U\">0069500U</h3>"));
  EXPECT_TRUE(contains(html, "<h3 id=\"uai-0069501V\">0069501V</h3>"));
  EXPECT_FALSE(contains(html, "id=\"uai-0069502W\"")) << "no section for a school without change";
  EXPECT_TRUE(contains(html, "… 50 autres (liste complète : person_changes.jsonl)"));
  EXPECT_TRUE(contains(html, "ÉLÈVE N99<"));
  EXPECT_FALSE(contains(html, "ÉLÈVE N100<")) << "the 101st person of a school is not listed";
  EXPECT_TRUE(contains(html,
                       "<td>DURAND Léa</td><td>durandl</td><td>modification</td>"
                       "<td>classe : 4E 1 → 3E 1</td>"));
}

TEST(AcademyReport, TheTextHeadsEachGroupWithItsSchool) {
  const auto text = report::to_text(academy_report());
  EXPECT_TRUE(contains(text, "Qui a changé (151) :\n  0069500U — 6 A :\n"));
  EXPECT_TRUE(contains(text, "(+91 autres, liste complète : person_changes.jsonl)"));
}

// A file of the inbox not read (a web page saved in place of an export) is on the to-do list.
TEST(AcademyReport, AFileOfTheInboxNotReadIsOnTheToDoList) {
  auto r = academy_report();
  r.ignored_inputs.push_back(
      {"/inbox/Eleves.xml", text::verbatim("page web (HTML) enregistrée à la place")});
  const auto text = report::to_text(r);
  EXPECT_TRUE(contains(text,
                       "À faire :\n  ! 1 fichier de la boîte de dépôt non lu (le premier : "
                       "/inbox/Eleves.xml — page web (HTML) enregistrée à la place)\n"))
      << text;
}

// A run held by one MISSING_EXPORT per school names each code once, with its count.
TEST(AcademyReport, AHeldRunNamesEachGateCodeOnceWithItsCount) {
  auto r = academy_report();
  r.status = "held";
  for (int i = 0; i < 95; ++i) r.gates.push_back({"MISSING_EXPORT", text::verbatim("absent")});
  r.gates.push_back({"REMOVAL_THRESHOLD", text::verbatim("trop")});
  const auto text = report::to_text(r);
  EXPECT_TRUE(contains(text, "Retenu par MISSING_EXPORT (95), REMOVAL_THRESHOLD : rien n'a"))
      << text;
}

// Reused schools are said in one line, naming the first re-read ones.
TEST(AcademyReport, ReusedSchoolsAreOneLineThatNamesTheFirstReReadOnes) {
  auto r = academy_report();
  for (int i = 0; i < 12; ++i) r.schools_reread.push_back("00695" + std::to_string(10 + i) + "X");
  r.schools_reused = {"0069500U", "0069501V"};
  const auto text = report::to_text(r);
  EXPECT_TRUE(contains(text,
                       "Établissements : 2 repris tels quels (exports identiques à ceux de leur "
                       "dernière lecture, non relus), 12 relus : 0069510X, 0069511X, 0069512X, "
                       "0069513X, 0069514X, 0069515X, 0069516X, 0069517X, 0069518X, 0069519X … "
                       "(+2)\n"))
      << text;
}

}  // namespace
}  // namespace edusync
