// The state store on a real SQLite file in a temporary directory.
#include "state/state_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "state/snapshot_codec.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

model::Directory sample_directory() {
  model::Directory d;
  d.school_year = "2025";
  d.schools.push_back({"0140065T"});
  model::Pupil p;
  p.key = "123456789AB";
  p.uai = "0140065T";
  p.eleve_id = "0100001";
  p.ines = {"123456789AB", "0123456789Z"};
  p.surname = "CŒURDEVEY";
  p.given_name = "Lætitia";
  p.sex = model::Sex::female;
  p.account = {"coeurdel", 1001};
  p.departed_on = "2025-11-20";
  d.pupils.push_back(p);
  model::Contact c;
  c.key = "personne:1";
  c.pupils.push_back({"123456789AB", model::Responsibility::legal, "10", true});
  d.guardians.push_back(c);
  d.divisions.push_back({"0140065T", "6 A", "6EME A", {"10310019110"}});
  d.memberships.push_back(
      {"123456789AB", "0140065T", model::StructureKind::division, "6 A", model::Origin::siecle});
  d.services.push_back({"sts:42", "0140065T", model::StructureKind::group, "6LAT", "020300", "CG",
                        model::Origin::sts});
  return d;
}

TEST(SnapshotCodec, RoundTripKeepsEveryField) {
  const auto d = sample_directory();
  const auto back = state::decode_snapshot(state::encode_snapshot(d));
  EXPECT_EQ(state::encode_snapshot(back), state::encode_snapshot(d));
  ASSERT_EQ(back.pupils.size(), 1u);
  EXPECT_EQ(back.pupils[0].surname, "CŒURDEVEY");
  EXPECT_EQ(back.pupils[0].ines, d.pupils[0].ines);
  EXPECT_EQ(back.pupils[0].sex, model::Sex::female);
  EXPECT_EQ(back.pupils[0].account.uid_number, 1001u);
  EXPECT_EQ(back.pupils[0].departed_on, "2025-11-20");
  EXPECT_TRUE(back.guardians[0].pupils[0].pays_fees);
  EXPECT_EQ(back.services[0].structure_kind, model::StructureKind::group);
  EXPECT_EQ(back.divisions[0].mefs, d.divisions[0].mefs);
}

TEST(SnapshotCodec, TruncatedOrForeignBlobsAreRefused) {
  const std::string blob = state::encode_snapshot(sample_directory());
  for (std::size_t cut : {0u, 3u, 10u, 40u}) {
    EXPECT_THROW(state::decode_snapshot(blob.substr(0, cut)), std::runtime_error) << cut;
  }
  EXPECT_THROW(state::decode_snapshot(blob + "x"), std::runtime_error);
  std::string newer = blob;
  newer[4] = '\x09';  // version 9
  EXPECT_THROW(state::decode_snapshot(newer), std::runtime_error);
}

TEST(StateStore, CreatesAPrivateDatabase) {
  test::TempDir dir;
  const std::string state_dir = (dir.path() / "state").string();
  state::StateStore store(state_dir);
  struct stat info {};
  ASSERT_EQ(::stat((state_dir + "/edusync.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(state_dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
}

TEST(StateStore, IdentitiesPersistAcrossReopen) {
  test::TempDir dir;
  {
    state::StateStore store(dir.path().string());
    state::Transaction tx(store.database());
    store.save_identities(
        {{"123456789AB", state::PersonKind::pupil, "coeurdel", 1001, "2025-09-01", "", "",
          "eleve:0140065T:1"},
         {"personne:1", state::PersonKind::guardian, "", 0, "2025-09-01", "2025-11-20", "", ""}});
    tx.commit();
  }
  state::StateStore store(dir.path().string());
  const auto identities = store.load_identities();
  ASSERT_EQ(identities.size(), 2u);
  EXPECT_EQ(identities[0].key, "123456789AB");
  EXPECT_EQ(identities[0].login, "coeurdel");
  EXPECT_EQ(identities[0].uid_number, 1001u);
  EXPECT_EQ(identities[1].kind, state::PersonKind::guardian);
  EXPECT_EQ(identities[1].departed, "2025-11-20");
  EXPECT_EQ(identities[1].login, "");
}

TEST(StateStore, UncommittedTransactionLeavesNothing) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  {
    state::Transaction tx(store.database());
    store.save_identities(
        {{"k", state::PersonKind::pupil, "dupontj", 1001, "2025-09-01", "", "", ""}});
  }  // no commit: rolled back
  EXPECT_TRUE(store.load_identities().empty());
}

TEST(StateStore, LoginsAndUidNumbersAreUnique) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  store.save_identities(
      {{"a", state::PersonKind::pupil, "dupontj", 1001, "2025-09-01", "", "", ""}});
  EXPECT_THROW(store.save_identities(
                   {{"b", state::PersonKind::pupil, "dupontj", 1002, "2025-09-01", "", "", ""}}),
               state::StateError);
  EXPECT_THROW(store.save_identities(
                   {{"c", state::PersonKind::pupil, "dupont2", 1001, "2025-09-01", "", "", ""}}),
               state::StateError);
}

TEST(StateStore, SnapshotsAreDeduplicatedAndAcknowledged) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  const auto first = store.store_snapshot(sample_directory(), "2025-11-20");
  EXPECT_EQ(store.store_snapshot(sample_directory(), "2025-11-21"), first);
  auto changed = sample_directory();
  changed.pupils[0].given_name = "Léa";
  const auto second = store.store_snapshot(changed, "2025-11-21");
  EXPECT_NE(second, first);
  EXPECT_EQ(store.load_snapshot(second).pupils[0].given_name, "Léa");
  EXPECT_FALSE(store.acknowledged("journal"));
  store.acknowledge("journal", first, "2025-11-20");
  EXPECT_EQ(store.acknowledged("journal"), first);
  store.prune_snapshots();  // `second` is referenced by nothing
  EXPECT_THROW(store.load_snapshot(second), state::StateError);
  EXPECT_NO_THROW(store.load_snapshot(first));
}

TEST(StateStore, PasswordsExpire) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  store.save_passwords({{"a", "Kx7pQm2z"}}, "2025-11-20", "2025-11-27");
  EXPECT_EQ(store.passwords({"a", "b"}, "2025-11-27").at("a"), "Kx7pQm2z");
  EXPECT_TRUE(store.passwords({"a"}, "2025-11-28").empty());
  store.purge_expired_passwords("2025-11-28");
  EXPECT_TRUE(store.passwords({"a"}, "2025-11-20").empty());
}

TEST(StateStore, RunsAndExportMarks) {
  test::TempDir dir;
  state::StateStore store(dir.path().string());
  store.save_run(
      {"r1", "2025-11-20T02:30:00Z", "2025-11-20T02:31:00Z", "ok", false, "d1", "/r/1", 0});
  store.save_run({"r2", "2025-11-21T02:30:00Z", "", "held", false, "d2", "/r/2", 0});
  store.save_run({"r3", "2025-11-21T09:00:00Z", "", "ok", true, "d3", "/r/3", 0});
  EXPECT_EQ(store.last_run()->id, "r2");
  EXPECT_EQ(store.last_run(true)->id, "r3");
  EXPECT_EQ(store.last_held_run()->id, "r2");
  EXPECT_EQ(store.run("r1")->status, "ok");
  EXPECT_FALSE(store.run("nope"));
  store.save_export_marks({{{"siecle-eleves", "0140065T"}, {"2025-11-14", 720}}});
  EXPECT_EQ(store.export_marks().at({"siecle-eleves", "0140065T"}).records, 720u);
}

}  // namespace
}  // namespace edusync
