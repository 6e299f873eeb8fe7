#include "state/school_part_codec.hpp"

#include <mutex>
#include <set>

#include "state/binary_archive.hpp"
#include "state/snapshot_fields.hpp"

namespace edusync::state {

// A message argument's name is a string literal in the code (text/message.hpp); read back, it
// points into a set that lives as long as the process (placeholder names are few).
const char* interned_name(const std::string& name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  const std::lock_guard lock(mutex);
  return names.insert(name).first->c_str();
}

void fields(Writer& a, const text::Arg& x) {
  a(std::string(x.name), x.kind, x.value, x.items, x.nested);
}

void fields(Reader& a, text::Arg& x) {
  std::string name;
  a(name, x.kind, x.value, x.items, x.nested);
  x.name = interned_name(name);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, text::Message> {
  a(x.id, x.args, x.verbatim);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::Warning> {
  a(x.code, x.message, x.keys, x.where);
}

template <typename Archive, typename T>
void fields(Archive& a, T& x) requires std::is_same_v<std::remove_const_t<T>, model::RecordOrigin> {
  a(x.source, x.line);
}

template <typename Archive, typename T>
void fields(Archive& a,
            T& x) requires std::is_same_v<std::remove_const_t<T>, model::IgnoredCounts> {
  a(x.departed_pupils, x.pupils_without_class, x.unlinked_persons, x.staff_without_role);
}

namespace {

constexpr std::uint32_t kPartVersion = 2;
constexpr char kMagic[4] = {'E', 'D', 'S', 'P'};

// What a snapshot leaves out, record by record in the snapshot's order.
template <typename Archive, typename D>
void part_extras(Archive& a, D& d) {
  for (auto& p : d.pupils) {
    a(p.birth_country, p.birth_department, p.birth_commune, p.birth_city, p.status, p.origin);
  }
  for (auto& c : d.guardians) a(c.origin);
  for (auto& c : d.other_contacts) a(c.origin);
  for (auto& s : d.staff) a(s.origin);
  a(d.ignored);
}

}  // namespace

std::string encode_school_part(const model::Directory& directory,
                               const std::vector<model::Warning>& warnings,
                               const std::vector<std::string>& shared_key_ines) {
  Writer writer;
  writer.out.append(kMagic, sizeof kMagic);
  writer(kPartVersion, directory);
  part_extras(writer, directory);
  writer(warnings, shared_key_ines);
  return std::move(writer.out);
}

PartContents decode_school_part(const std::string& blob) {
  Reader reader(blob);
  reader.expect_magic(kMagic);
  if (reader.varint() != kPartVersion) throw std::runtime_error("school part of another version");
  PartContents part;
  reader(part.directory);
  part_extras(reader, part.directory);
  reader(part.warnings, part.shared_key_ines);
  if (!reader.at_end()) throw std::runtime_error("school part: trailing data");
  return part;
}

}  // namespace edusync::state
