#include "state/snapshot_codec.hpp"

#include <stdexcept>

#include "state/binary_archive.hpp"
#include "state/snapshot_fields.hpp"

namespace edusync::state {
namespace {

constexpr std::uint32_t kSnapshotVersion = 1;
constexpr char kMagic[4] = {'E', 'D', 'S', 'N'};

}  // namespace

std::string encode_snapshot(const model::Directory& directory) {
  Writer writer;
  writer.out.append(kMagic, sizeof kMagic);
  writer(kSnapshotVersion, directory);
  return std::move(writer.out);
}

model::Directory decode_snapshot(std::string_view blob) {
  Reader reader(blob);
  reader.expect_magic(kMagic);
  const std::uint64_t version = reader.varint();
  if (version != kSnapshotVersion) {
    throw std::runtime_error("instantané d'état de version " + std::to_string(version) +
                             " : cette version d'edusync ne lit que la version " +
                             std::to_string(kSnapshotVersion));
  }
  model::Directory directory;
  reader(directory);
  if (!reader.at_end()) throw std::runtime_error("instantané d'état illisible (données en trop)");
  return directory;
}

}  // namespace edusync::state
