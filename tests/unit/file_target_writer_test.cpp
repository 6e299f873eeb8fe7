// The shared layer of the file targets (connectors/files/): CSV quoting and column counts,
// output encodings with Latin-1 transliteration, atomic writes, rotation of old runs, zips.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/csv.hpp"
#include "connectors/files/encoding.hpp"
#include "connectors/files/records.hpp"
#include "connectors/files/rotation.hpp"
#include "support/test_support.hpp"

namespace edusync::connectors::files {
namespace {

TEST(FileCsv, QuotesOnlyWhatNeedsIt) {
  const CsvStyle style{';', "\r\n", false};
  EXPECT_EQ(csv_field("Dupont", style), "Dupont");
  EXPECT_EQ(csv_field("a;b", style), "\"a;b\"");
  EXPECT_EQ(csv_field("dit \"Jo\"", style), "\"dit \"\"Jo\"\"\"");
  EXPECT_EQ(csv_field("l1\nl2", style), "\"l1\nl2\"");
  EXPECT_EQ(csv_field("a,b", style), "a,b");
  EXPECT_EQ(csv_field("a,b", CsvStyle{',', "\n", false}), "\"a,b\"");
  EXPECT_EQ(csv_field("", CsvStyle{';', "\r\n", true}), "\"\"");
}

TEST(FileCsv, EveryLineHasTheHeadersColumnCount) {
  const CsvTable table{{"A", "B", "C"}, {{"1"}, {"1", "2", "3"}, {}}};
  const std::string text = csv_text(table, CsvStyle{';', "\r\n", false});
  EXPECT_EQ(text, "A;B;C\r\n1;;\r\n1;2;3\r\n;;\r\n");
  for (const auto& row : parse_csv(text, ';')) EXPECT_EQ(row.size(), 3u);
  EXPECT_THROW(csv_line({"1", "2", "3", "4"}, 3, CsvStyle{}), std::logic_error);
}

TEST(FileCsv, ParsesWhatItWrites) {
  const CsvTable table{{"Nom", "Note"}, {{"O'NEILL; Jr", "dit \"Jo\""}, {"a", "b\r\nc"}}};
  const auto rows = parse_csv(csv_text(table, CsvStyle{';', "\r\n", true}), ';');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "O'NEILL; Jr");
  EXPECT_EQ(rows[1][1], "dit \"Jo\"");
  EXPECT_EQ(rows[2][1], "b\r\nc");
}

TEST(FileEncoding, Latin1KeepsFrenchLettersAndTransliteratesTheRest) {
  std::vector<Substitution> substitutions;
  EXPECT_EQ(encode("Hélène", Charset::latin1, substitutions), "H\xE9l\xE8ne");
  EXPECT_TRUE(substitutions.empty());
  EXPECT_EQ(encode("LEBŒUF Lœtitia l’île", Charset::latin1, substitutions),
            "LEBOEUF Loetitia l'\xEEle");
  ASSERT_EQ(substitutions.size(), 3u);
  EXPECT_EQ(substitutions[0].original, "Œ");
  EXPECT_EQ(substitutions[0].replacement, "OE");
  EXPECT_EQ(text::french(describe({substitutions[1]})), "« œ » -> « oe »");
  EXPECT_EQ(text::render(describe({substitutions[1]}), "en"), "\"œ\" -> \"oe\"");
  EXPECT_EQ(text::french(describe(substitutions)),
            "« Œ » -> « OE », « œ » -> « oe », « ’ » -> « ' »");
}

TEST(FileEncoding, Latin1FoldsOtherScriptsThroughIcuAndKeepsCapitals) {
  std::vector<Substitution> substitutions;
  EXPECT_EQ(encode("Šťastný Łukasz", Charset::latin1, substitutions), "Stastn\xFD Lukasz");
  EXPECT_EQ(substitutions.size(), 3u);
}

TEST(FileEncoding, Latin9HoldsOeAndEuroButNotTheCurrencySign) {
  std::vector<Substitution> substitutions;
  EXPECT_EQ(encode("Œœ€Ÿ", Charset::latin9, substitutions), "\xBC\xBD\xA4\xBE");
  EXPECT_TRUE(substitutions.empty());
  encode("¤", Charset::latin9, substitutions);
  EXPECT_EQ(substitutions.size(), 1u);
}

TEST(FileEncoding, Utf8IsUnchangedAndInvalidBytesAreReported) {
  std::vector<Substitution> substitutions;
  EXPECT_EQ(encode("Œdipe", Charset::utf8_bom, substitutions), "Œdipe");
  EXPECT_EQ(byte_order_mark(Charset::utf8_bom), "\xEF\xBB\xBF");
  EXPECT_EQ(byte_order_mark(Charset::latin1), "");
  EXPECT_EQ(encode("a\xFF", Charset::latin1, substitutions), "a?");
  EXPECT_EQ(substitutions.size(), 1u);
}

TEST(FileRecords, EncodingWarnsOncePerRecordNamingIt) {
  CsvFile file{{"Nom"},
               {{"k1", text::verbatim("LEBŒUF Mélissa (élève 33451)"), {"LEBŒUF"}},
                {"k2", text::verbatim("X"), {"MARTIN"}}}};
  std::vector<model::Warning> warnings;
  const auto bytes = encode_csv(file, CsvStyle{}, Charset::latin1, warnings);
  EXPECT_EQ(bytes, "Nom\r\nLEBOEUF\r\nMARTIN\r\n");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "CHARSET_TRANSLITERATED");
  EXPECT_EQ(warnings[0].keys, std::vector<std::string>{"k1"});
  EXPECT_NE(text::french(warnings[0].message).find("LEBŒUF Mélissa (élève 33451)"),
            std::string::npos);
}

TEST(FileRecords, DeltaHoldsNewAndChangedRecordsOnly) {
  const CsvFile before{{"Id", "Classe"},
                       {{"a", {}, {"a", "6A"}}, {"b", {}, {"b", "6A"}}, {"c", {}, {"c", "6B"}}}};
  const CsvFile after{{"Id", "Classe"},
                      {{"a", {}, {"a", "6A"}}, {"b", {}, {"b", "5A"}}, {"d", {}, {"d", "6A"}}}};
  const auto delta = changed_records(before, after);
  ASSERT_EQ(delta.records.size(), 2u);
  EXPECT_EQ(delta.records[0].key, "b");
  EXPECT_EQ(delta.records[1].key, "d");
}

TEST(FileAtomic, WritesReplacesAndLeavesNoTemporary) {
  test::TempDir dir;
  const std::string out = (dir.path() / "out" / "koxo").string();
  ensure_directory(out);
  write_atomically(out, "a.csv", "first");
  write_atomically(out, "a.csv", "second");
  EXPECT_EQ(test::read_file(out + "/a.csv"), "second");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(out)) ++files;
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(
      std::filesystem::status(out + "/a.csv").permissions() & std::filesystem::perms::others_all,
      std::filesystem::perms::none);
  EXPECT_EQ(std::filesystem::status(out).permissions() & std::filesystem::perms::others_all,
            std::filesystem::perms::none);
}

TEST(FileAtomic, AnUnwritableDirectoryIsAnErrorNamingIt) {
  test::TempDir dir;
  const std::string file = dir.write("plain", "x");
  try {
    ensure_directory(file);
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(file), std::string::npos);
  }
  EXPECT_THROW(write_atomically(file + "/sub", "a.csv", "x"), std::runtime_error);
}

TEST(FileRotation, KeepsTheLastRunsOfOneSchoolAndPrefix) {
  test::TempDir dir;
  const std::string out = dir.path().string();
  const char* runs[] = {"20250101T010101Z-aaaa", "20250102T010101Z-bbbb", "20250103T010101Z-cccc"};
  const char* days[] = {"2025-01-01", "2025-01-02", "2025-01-03"};
  for (int i = 0; i < 3; ++i) {
    const auto stem = run_stem("koxo", "0140065T", days[i], runs[i]);
    dir.write(stem + "_full.csv", "x");
    dir.write(stem + "_delta.csv", "x");
  }
  dir.write("koxo_0690001A_20250101_20250101T010101Z-aaaa_full.csv", "other school");
  dir.write("ent_0140065T_20250101_20250101T010101Z-aaaa_Eleves.csv", "other target");
  dir.write(".koxo_0140065T_20250101_x_full.csv.tmp", "temporary");
  EXPECT_EQ(rotate(out, "koxo", "0140065T", 2), 3u);  // the oldest run's two files, the temporary
  EXPECT_FALSE(std::filesystem::exists(out + "/.koxo_0140065T_20250101_x_full.csv.tmp"));
  EXPECT_FALSE(
      std::filesystem::exists(out + "/koxo_0140065T_20250101_20250101T010101Z-aaaa_full.csv"));
  EXPECT_TRUE(
      std::filesystem::exists(out + "/koxo_0140065T_20250102_20250102T010101Z-bbbb_full.csv"));
  EXPECT_TRUE(
      std::filesystem::exists(out + "/koxo_0140065T_20250103_20250103T010101Z-cccc_delta.csv"));
  EXPECT_TRUE(
      std::filesystem::exists(out + "/koxo_0690001A_20250101_20250101T010101Z-aaaa_full.csv"));
  EXPECT_TRUE(
      std::filesystem::exists(out + "/ent_0140065T_20250101_20250101T010101Z-aaaa_Eleves.csv"));
  EXPECT_EQ(run_stem("pix", "0140065T", "2025-11-20", "R"), "pix_0140065T_20251120_R");
}

TEST(FileZip, ArchiveHoldsTheMembersAsGiven) {
  test::TempDir dir;
  const std::string path =
      dir.write("a.zip", zip_archive({{"Eleves.csv", "a;b\r\n"}, {"Parents.csv", "c\r\n"}}));
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(zip_get_num_entries(archive, 0), 2);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "Eleves.csv", 0, &stat), 0);
  EXPECT_EQ(stat.size, 5u);
  zip_close(archive);
}

}  // namespace
}  // namespace edusync::connectors::files
