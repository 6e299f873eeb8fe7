#include "state/key_migration.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/sha256.hpp"
#include "state/run_details_upgrade.hpp"
#include "state/snapshot_codec.hpp"

namespace edusync::state {
namespace {

constexpr std::string_view kPupil = "eleve:";
constexpr std::string_view kPerson = "personne:";

bool has_prefix(const std::string& key, std::string_view prefix) {
  return key.starts_with(prefix);
}

std::string local_part(const std::string& key, std::string_view prefix) {
  return key.substr(prefix.size());
}

std::string with_uai(std::string_view prefix, const std::string& uai, const std::string& local) {
  return std::string(prefix) + uai + ":" + local;
}

// What the upgrade learns from the stored snapshots, used for the identities.
struct Learned {
  std::set<std::string> uais;                                // every school of the store
  std::map<std::string, std::set<std::string>> pupil_keys;   // version-0 key -> new keys
  std::map<std::string, std::set<std::string>> person_keys;  // version-0 key -> new keys
};

// Re-keys one version-0 snapshot. A contact's school is the one its linked pupils share: an
// INE-keyed pupil names it, a version-0 local key names every school with that ELEVE_ID.
class SnapshotRekeyer {
 public:
  SnapshotRekeyer(model::Directory& directory, Learned& learned, const std::string& only_uai)
      : directory_(directory), learned_(learned), only_uai_(only_uai) {}

  void run() {
    free_numbers_without_login();
    for (const auto& pupil : directory_.pupils) {
      if (has_prefix(pupil.key, kPupil)) {
        schools_of_local_[pupil.key].insert(pupil.uai);
      } else {
        school_of_ine_[pupil.key] = pupil.uai;
      }
    }
    for (auto& pupil : directory_.pupils) {
      if (!has_prefix(pupil.key, kPupil)) continue;
      auto renamed = with_uai(kPupil, pupil.uai, local_part(pupil.key, kPupil));
      learned_.pupil_keys[pupil.key].insert(renamed);
      pupil.key = std::move(renamed);
    }
    for (auto& m : directory_.memberships) {
      if (has_prefix(m.pupil_key, kPupil))
        m.pupil_key = with_uai(kPupil, m.uai, local_part(m.pupil_key, kPupil));
    }
    for (auto* contacts : {&directory_.guardians, &directory_.other_contacts}) {
      std::map<std::string, std::set<std::string>> used;  // version-0 key -> schools given
      for (auto& contact : *contacts) rekey(contact, used[contact.key]);
    }
  }

 private:
  void free_numbers_without_login() {
    for (auto& p : directory_.pupils) {
      if (p.account.login.empty()) p.account.uid_number = 0;
    }
    for (auto& s : directory_.staff) {
      if (s.account.login.empty()) s.account.uid_number = 0;
    }
  }

  void rekey(model::Contact& contact, std::set<std::string>& used) {
    if (!has_prefix(contact.key, kPerson)) return;
    const std::string uai = school_of(contact, used);
    if (uai.empty()) return;
    used.insert(uai);
    for (auto& link : contact.pupils) {
      if (has_prefix(link.pupil_key, kPupil))
        link.pupil_key = with_uai(kPupil, uai, local_part(link.pupil_key, kPupil));
    }
    auto renamed = with_uai(kPerson, uai, local_part(contact.key, kPerson));
    learned_.person_keys[contact.key].insert(renamed);
    contact.key = std::move(renamed);
  }

  // The schools every link allows; among them one not yet given to another record of the
  // same version-0 key (two schools' persons that shared it), else the first.
  std::string school_of(const model::Contact& contact, const std::set<std::string>& used) const {
    if (!only_uai_.empty()) return only_uai_;
    std::set<std::string> candidates;
    bool first = true;
    for (const auto& link : contact.pupils) {
      std::set<std::string> allowed;
      if (auto local = schools_of_local_.find(link.pupil_key); local != schools_of_local_.end()) {
        allowed = local->second;
      } else if (auto ine = school_of_ine_.find(link.pupil_key); ine != school_of_ine_.end()) {
        allowed = {ine->second};
      } else {
        continue;
      }
      if (first) {
        candidates = std::move(allowed);
        first = false;
        continue;
      }
      std::set<std::string> both;
      std::set_intersection(candidates.begin(), candidates.end(), allowed.begin(), allowed.end(),
                            std::inserter(both, both.begin()));
      if (!both.empty()) candidates = std::move(both);
    }
    for (const auto& uai : candidates) {
      if (!used.contains(uai)) return uai;
    }
    return candidates.empty() ? std::string() : *candidates.begin();
  }

  model::Directory& directory_;
  Learned& learned_;
  const std::string& only_uai_;
  std::map<std::string, std::set<std::string>> schools_of_local_;
  std::map<std::string, std::string> school_of_ine_;
};

struct StoredSnapshot {
  std::int64_t id = 0;
  model::Directory directory;
};

std::set<std::string> uais_of_store(Database& db, const std::vector<StoredSnapshot>& snapshots) {
  std::set<std::string> uais;
  auto marks = db.prepare("SELECT DISTINCT uai FROM export_marks WHERE uai <> ''");
  while (marks.step()) uais.insert(marks.text(0));
  for (const auto& snapshot : snapshots) {
    for (const auto& school : snapshot.directory.schools) uais.insert(school.uai);
    for (const auto& pupil : snapshot.directory.pupils) uais.insert(pupil.uai);
  }
  return uais;
}

void save_snapshot(Database& db, const StoredSnapshot& snapshot) {
  const std::string blob = encode_snapshot(snapshot.directory);
  const std::string digest = sha256_hex(blob);
  auto same = db.prepare("SELECT id FROM snapshots WHERE sha256 = ?1 AND id <> ?2");
  same.bind(1, digest).bind(2, snapshot.id);
  if (same.step()) {  // re-keyed into a copy of another snapshot: point at that one
    const auto other = same.integer(0);
    db.prepare("UPDATE acknowledgements SET snapshot_id = ?1 WHERE snapshot_id = ?2")
        .bind(1, other)
        .bind(2, snapshot.id)
        .run();
    db.prepare("UPDATE runs SET snapshot_id = ?1 WHERE snapshot_id = ?2")
        .bind(1, other)
        .bind(2, snapshot.id)
        .run();
    db.prepare("DELETE FROM snapshots WHERE id = ?1").bind(1, snapshot.id).run();
    return;
  }
  db.prepare("UPDATE snapshots SET sha256 = ?1, data = ?2 WHERE id = ?3")
      .bind(1, digest)
      .bind_blob(2, blob)
      .bind(3, snapshot.id)
      .run();
}

struct StoredIdentity {
  std::string key, kind, login, created, departed, removed, aliases;
  std::optional<std::int64_t> uid_number;
};

// The version-1 keys of one version-0 identity (one, or one per school for a guardian that
// stood for several; empty: kept as it is).
std::vector<std::string> new_keys(const StoredIdentity& identity, const Learned& learned,
                                  const std::string& only_uai) {
  const bool pupil = has_prefix(identity.key, kPupil);
  const bool person = has_prefix(identity.key, kPerson);
  if (!pupil && !person) return {};
  const auto prefix = pupil ? kPupil : kPerson;
  const std::string local = local_part(identity.key, prefix);
  if (pupil) {  // the alias written with the identity names the school
    std::size_t start = 0;
    while (start <= identity.aliases.size()) {
      const auto comma = std::min(identity.aliases.find(',', start), identity.aliases.size());
      const std::string alias = identity.aliases.substr(start, comma - start);
      if (alias.starts_with(kPupil) && alias.ends_with(":" + local) &&
          alias.size() > kPupil.size() + local.size() + 1) {
        return {alias};
      }
      start = comma + 1;
    }
  }
  const auto& seen = pupil ? learned.pupil_keys : learned.person_keys;
  if (const auto found = seen.find(identity.key); found != seen.end()) {
    if (person) return {found->second.begin(), found->second.end()};
    if (found->second.size() == 1) return {*found->second.begin()};
  }
  if (!only_uai.empty()) return {with_uai(prefix, only_uai, local)};
  return {};
}

void rekey_identities(Database& db, const Learned& learned, const std::string& only_uai) {
  std::vector<StoredIdentity> identities;
  auto query = db.prepare(
      "SELECT key, kind, login, uid_number, created, departed, removed, aliases FROM identities "
      "WHERE key LIKE 'eleve:%' OR key LIKE 'personne:%'");
  while (query.step()) {
    StoredIdentity identity{query.text(0), query.text(1), query.text(2), query.text(4),
                            query.text(5), query.text(6), query.text(7), std::nullopt};
    if (!query.is_null(3)) identity.uid_number = query.integer(3);
    identities.push_back(std::move(identity));
  }
  auto remove = db.prepare("DELETE FROM identities WHERE key = ?1");
  auto insert = db.prepare(
      "INSERT INTO identities(key, kind, login, uid_number, created, departed, removed, aliases) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  auto password = db.prepare("UPDATE initial_passwords SET key = ?1 WHERE key = ?2");
  db.exec(
      "CREATE TABLE IF NOT EXISTS renamed_keys(old_key TEXT PRIMARY KEY, new_key TEXT NOT NULL)");
  auto renamed = db.prepare("INSERT OR REPLACE INTO renamed_keys(old_key, new_key) VALUES(?1, ?2)");
  for (const auto& identity : identities) {
    const auto keys = new_keys(identity, learned, only_uai);
    if (keys.empty()) continue;
    remove.bind(1, identity.key).run();
    for (const auto& key : keys) {
      insert.bind(1, key).bind(2, identity.kind).bind_optional(3, identity.login);
      if (identity.uid_number) {
        insert.bind(4, *identity.uid_number);
      } else {
        insert.bind_null(4);
      }
      insert.bind(5, identity.created)
          .bind_optional(6, identity.departed)
          .bind_optional(7, identity.removed)
          .bind(8, identity.aliases)
          .run();
    }
    password.bind(1, keys.front()).bind(2, identity.key).run();
    if (keys.size() == 1) renamed.bind(1, identity.key).bind(2, keys.front()).run();
  }
}

void upgrade_to_school_keys(Database& db) {
  std::vector<StoredSnapshot> snapshots;
  auto query = db.prepare("SELECT id, data FROM snapshots ORDER BY id");
  while (query.step()) snapshots.push_back({query.integer(0), decode_snapshot(query.text(1))});
  Learned learned;
  learned.uais = uais_of_store(db, snapshots);
  const std::string only_uai = learned.uais.size() == 1 ? *learned.uais.begin() : std::string();
  for (auto& snapshot : snapshots) {
    SnapshotRekeyer(snapshot.directory, learned, only_uai).run();
    save_snapshot(db, snapshot);
  }
  rekey_identities(db, learned, only_uai);
  // Version 0 gave a uid number to persons who could get no login; no target holds an account
  // for them (accounts need a login), so the numbers go back to the range.
  db.exec(
      "UPDATE identities SET uid_number = NULL WHERE coalesce(login, '') = '' AND uid_number IS "
      "NOT NULL");
}

}  // namespace

int schema_version(Database& db) {
  auto query = db.prepare("PRAGMA user_version");
  return query.step() ? static_cast<int>(query.integer(0)) : 0;
}

void upgrade_schema(Database& db) {
  const int version = schema_version(db);
  if (version == kSchemaVersion) return;
  if (version > kSchemaVersion) {
    throw StateError(
        text::message("state.newer_schema", {text::arg("version", std::to_string(version)),
                                             text::arg("known", std::to_string(kSchemaVersion))}));
  }
  Transaction transaction(db);
  if (version < 1) upgrade_to_school_keys(db);
  if (version < 2) upgrade_to_run_details(db);
  db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  transaction.commit();
}

}  // namespace edusync::state
