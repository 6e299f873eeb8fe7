#include "zip_writer.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace gen {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }  // only on error paths
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

[[noreturn]] void fail(zip_t* archive, const std::string& what) {
  throw std::runtime_error(what + ": " +
                           (archive != nullptr ? zip_strerror(archive) : "libzip error"));
}

void add_member(zip_t* archive, const ZipMember& member, zip_uint16_t dos_time,
                zip_uint16_t dos_date) {
  zip_source_t* source =
      zip_source_file(archive, member.source_path.c_str(), 0, -1);  // -1: to the end
  if (source == nullptr) fail(archive, "cannot read " + member.source_path);
  const zip_int64_t index = zip_file_add(archive, member.name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail(archive, "cannot add " + member.name);
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  if (zip_file_set_dostime(archive, entry, dos_time, dos_date, 0) != 0 ||
      zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 6) != 0) {
    fail(archive, "cannot set attributes of " + member.name);
  }
}

}  // namespace

void zip_files(const std::string& zip_path, const std::vector<ZipMember>& members, Date stamp,
               int hour, int minute, int second) {
  int error = 0;
  Archive archive(zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!archive) throw std::runtime_error("cannot create " + zip_path);
  const auto dos_time = static_cast<zip_uint16_t>((hour << 11) | (minute << 5) | (second / 2));
  const auto dos_date =
      static_cast<zip_uint16_t>(((stamp.y - 1980) << 9) | (stamp.m << 5) | stamp.d);
  for (const ZipMember& member : members) add_member(archive.get(), member, dos_time, dos_date);
  zip_t* raw = archive.release();  // zip_close frees it on success only
  if (zip_close(raw) != 0) {
    const std::string message = "cannot write " + zip_path + ": " + zip_strerror(raw);
    zip_discard(raw);
    throw std::runtime_error(message);
  }
}

void zip_single_file(const std::string& zip_path, const std::string& member_name,
                     const std::string& source_path, Date stamp, int hour, int minute, int second) {
  zip_files(zip_path, {ZipMember{member_name, source_path}}, stamp, hour, minute, second);
}

}  // namespace gen
