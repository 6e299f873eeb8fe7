// The inbox: content detection, newest export wins, files being written are left alone.
#include "run/inbox.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "common/errors.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

std::string eleves(const std::string& export_date) {
  return "<BEE_ELEVES "
         "VERSION=\"3.0\"><PARAMETRES><UAJ>0140065T</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>"
         "<DATE_EXPORT>" +
         export_date + "</DATE_EXPORT></PARAMETRES><DONNEES/></BEE_ELEVES>";
}

std::vector<std::string> names(const std::vector<input::DocumentRef>& documents) {
  std::vector<std::string> out;
  for (const auto& d : documents)
    out.push_back(std::filesystem::path(d.path).filename().string() +
                  (d.member.empty() ? "" : ":" + d.member));
  return out;
}

TEST(Inbox, NewestExportOfEachKindWinsWhateverTheFileName) {
  test::TempDir dir;
  dir.write("a.xml", eleves("14/11/2025"));
  dir.write("b-old.xml", eleves("01/10/2025"));
  dir.write(
      "sts.data",
      R"(<STS_EDT><PARAMETRES><UAJ CODE="0140065T"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES></STS_EDT>)");
  test::write_zip((dir.path() / "export.zip").string(),
                  {{"ElevesSansAdresses.xml", eleves("20/11/2025")}});
  const auto selection = run::scan_inbox(dir.path().string(), std::chrono::milliseconds(0));
  EXPECT_EQ(names(selection.chosen),
            (std::vector<std::string>{"export.zip:ElevesSansAdresses.xml", "sts.data"}));
  ASSERT_EQ(selection.ignored.size(), 2u);
  for (const auto& ignored : selection.ignored)
    EXPECT_NE(text::french(ignored.reason).find("plus ancien"), std::string::npos);
}

TEST(Inbox, FilesBeingWrittenAndForeignFilesAreLeftAlone) {
  test::TempDir dir;
  dir.write("ElevesSansAdresses.xml.part", eleves("14/11/2025"));
  dir.write(".ElevesSansAdresses.xml", eleves("14/11/2025"));
  dir.write("download.crdownload", eleves("14/11/2025"));
  dir.write("LISEZMOI.txt", "Déposez ici les exports.");
  dir.write("Eleves.xml", eleves("14/11/2025"));
  const auto selection = run::scan_inbox(dir.path().string(), std::chrono::milliseconds(0));
  EXPECT_EQ(names(selection.chosen), std::vector<std::string>{"Eleves.xml"});
  EXPECT_EQ(selection.ignored.size(), 4u);
}

TEST(Inbox, AFileThatGrowsWhileEdusyncLooksIsLeftForTheNextRun) {
  test::TempDir dir;
  const auto path = dir.write("Eleves.xml", eleves("14/11/2025"));
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::ofstream(path, std::ios::app) << "\n<!-- more -->";
  });
  const auto selection = run::scan_inbox(dir.path().string(), std::chrono::milliseconds(400));
  writer.join();
  EXPECT_TRUE(selection.chosen.empty());
  ASSERT_EQ(selection.ignored.size(), 1u);
  EXPECT_NE(text::french(selection.ignored[0].reason).find("taille changeante"), std::string::npos);
}

// A file appended to half a second after the scan starts: read before the append when the scan
// trusts what the watch saw settle (no second wait), left alone when the inbox changed since.
run::InboxSelection selection_with_late_append(const run::InboxStamps& settled,
                                               const std::string& path, const std::string& inbox) {
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::ofstream(path, std::ios::app) << "\n<!-- more -->";
  });
  auto selection = run::scan_inbox(inbox, std::chrono::milliseconds(2000), {}, &settled);
  writer.join();
  return selection;
}

TEST(Inbox, FilesAWatchSawSettleAreNotWaitedForAgain) {
  test::TempDir dir;
  const auto path = dir.write("Eleves.xml", eleves("14/11/2025"));
  dir.write("Eleves.xml.part", "still coming");
  const auto settled = run::stamp_inbox(dir.path());
  ASSERT_EQ(settled.size(), 1u);  // the temporary name is not a file a run considers
  const auto selection = selection_with_late_append(settled, path, dir.path().string());
  EXPECT_EQ(names(selection.chosen), std::vector<std::string>{"Eleves.xml"});
}

TEST(Inbox, AFileChangedSinceTheWatchSawItSettleIsWaitedFor) {
  test::TempDir dir;
  const auto path = dir.write("Eleves.xml", eleves("14/11/2025"));
  auto settled = run::stamp_inbox(dir.path());
  settled.begin()->second.size += 1;  // as if rewritten since
  const auto rewritten = selection_with_late_append(settled, path, dir.path().string());
  EXPECT_TRUE(rewritten.chosen.empty());
  dir.write("Other.xml", eleves("14/11/2025"));  // a file the watch never saw
  const auto added = selection_with_late_append({}, path, dir.path().string());
  EXPECT_EQ(names(added.chosen), std::vector<std::string>{"Other.xml"});  // Eleves.xml grew
}

TEST(Inbox, ABrokenExportStopsTheRun) {
  test::TempDir dir;
  dir.write("Eleves.xml", "<BEE_ELEVES><PARAMETRES><UAJ>0140065T</UAJ>");
  EXPECT_THROW(run::scan_inbox(dir.path().string(), std::chrono::milliseconds(0)), InputError);
}

// A well-formed XML that is no export (an EDT file for STS-web, a page saved as .xml, in a zip
// too) is skipped with the reason, and the exports beside it are read.
TEST(Inbox, AStrayXmlFileIsSkippedAndListedWithTheReason) {
  test::TempDir dir;
  dir.write("Eleves.xml", eleves("14/11/2025"));
  dir.write("notes.xml", "<?xml version=\"1.0\"?><carnet><note>réunion</note></carnet>");
  dir.write("edt.xml", "<EDT_STS><PARAMETRES/></EDT_STS>");
  test::write_zip((dir.path() / "divers.zip").string(), {{"page.xml", "<html><body/></html>"}});
  const auto selection = run::scan_inbox(dir.path().string(), std::chrono::milliseconds(0));
  EXPECT_EQ(names(selection.chosen), std::vector<std::string>{"Eleves.xml"});
  std::map<std::string, std::string> reasons;
  for (const auto& ignored : selection.ignored)
    reasons[std::filesystem::path(ignored.path).filename().string()] = text::french(ignored.reason);
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_NE(reasons["notes.xml"].find("« carnet » inconnu"), std::string::npos);
  EXPECT_NE(reasons["edt.xml"].find("STS_EDT"), std::string::npos);
  EXPECT_NE(reasons["divers.zip:page.xml"].find("page web (HTML)"), std::string::npos);
  for (const auto& [name, reason] : reasons) {
    EXPECT_EQ(reason.find(dir.path().string()), std::string::npos) << "location repeated";
  }
}

}  // namespace
}  // namespace edusync
