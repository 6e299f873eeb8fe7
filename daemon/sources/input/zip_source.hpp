#pragma once
#include <zip.h>

#include <memory>
#include <string>
#include <vector>

#include "sources/input/byte_source.hpp"
#include "text/message.hpp"

namespace edusync::input {

// Limits that make a zip bomb fail fast instead of filling the disk or the memory. Real SIECLE
// XML deflates about 15:1 (docs/input.md §1.2); a bomb is near deflate's 1032:1 maximum.
struct ZipLimits {
  std::uint64_t max_member_bytes = 8ull << 30;    // 8 GiB: far above an academy-wide export
  std::uint64_t ratio_checked_after = 16u << 20;  // small members may compress very well
  std::uint64_t max_ratio = 200;
};

// The names of the XML members of an archive worth reading: "*.xml" (any case), not a
// directory, not a dot-file, nothing under "__MACOSX/". Throws InputError on a bad archive.
std::vector<std::string> list_xml_members(const std::string& archive_path);

// One member of a zip archive, decompressed on the fly while it is read.
class ZipMemberSource final : public ByteSource {
 public:
  ZipMemberSource(const std::string& archive_path, const std::string& member,
                  ZipLimits limits = {});
  std::size_t read(char* buffer, std::size_t size) override;
  const std::string& display_name() const override { return display_name_; }
  std::uint64_t bytes_read() const override { return bytes_read_; }
  bool inflates() const override { return true; }

 private:
  struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };
  struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
  };
  [[noreturn]] void fail(text::Message message) const;

  std::string display_name_;
  ZipLimits limits_;
  std::unique_ptr<zip_t, ArchiveCloser> archive_;
  std::unique_ptr<zip_file_t, FileCloser> file_;
  std::uint64_t declared_size_ = 0;
  std::uint64_t compressed_size_ = 0;
  std::uint64_t bytes_read_ = 0;
};

// True when the file starts with a zip local-file or end-of-central-directory signature.
bool looks_like_zip(const std::string& path);

}  // namespace edusync::input
