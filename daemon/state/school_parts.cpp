#include "state/school_parts.hpp"

#include <set>

#include "state/binary_archive.hpp"

namespace edusync::state {

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, RunInput> {
  a(x.path, x.kind, x.uai, x.school_year, x.export_date, x.version, x.records, x.bytes, x.sha256);
}

namespace {

std::string encode_inputs(const std::vector<RunInput>& inputs) {
  Writer writer;
  writer(inputs);
  return std::move(writer.out);
}

std::vector<RunInput> decode_inputs(const std::string& blob) {
  std::vector<RunInput> inputs;
  Reader reader(blob);
  reader(inputs);
  if (!reader.at_end()) throw std::runtime_error("school part inputs: trailing data");
  return inputs;
}

}  // namespace

void create_school_parts_table(Database& db) {
  db.exec(R"(
    CREATE TABLE IF NOT EXISTS school_parts(
      uai TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, inputs BLOB NOT NULL, data BLOB NOT NULL);
  )");
}

std::map<std::string, StoredPart> stored_parts(Database& db) {
  std::map<std::string, StoredPart> parts;
  auto query = db.prepare("SELECT uai, fingerprint, inputs FROM school_parts");
  while (query.step()) {
    try {
      parts[query.text(0)] = {query.text(1), decode_inputs(query.text(2))};
    } catch (const std::runtime_error&) {
      // An unreadable row is a cache miss: the school is parsed and its row replaced.
    }
  }
  return parts;
}

std::optional<std::string> load_school_part(Database& db, const std::string& uai,
                                            const std::string& fingerprint) {
  auto query = db.prepare("SELECT data FROM school_parts WHERE uai = ?1 AND fingerprint = ?2");
  query.bind(1, uai).bind(2, fingerprint);
  if (!query.step()) return std::nullopt;
  return query.text(0);
}

void save_school_part(Database& db, const std::string& uai, const StoredPart& part,
                      std::string_view data) {
  db.prepare(
        "INSERT INTO school_parts(uai, fingerprint, inputs, data) VALUES(?1, ?2, ?3, ?4) "
        "ON CONFLICT(uai) DO UPDATE SET fingerprint = excluded.fingerprint, "
        "inputs = excluded.inputs, data = excluded.data")
      .bind(1, uai)
      .bind(2, part.fingerprint)
      .bind_blob(3, encode_inputs(part.inputs))
      .bind_blob(4, data)
      .run();
}

void keep_school_parts(Database& db, const std::vector<std::string>& uais) {
  const std::set<std::string> kept(uais.begin(), uais.end());
  std::vector<std::string> dropped;
  auto query = db.prepare("SELECT uai FROM school_parts");
  while (query.step()) {
    if (!kept.contains(query.text(0))) dropped.push_back(query.text(0));
  }
  for (const auto& uai : dropped)
    db.prepare("DELETE FROM school_parts WHERE uai = ?1").bind(1, uai).run();
}

}  // namespace edusync::state
