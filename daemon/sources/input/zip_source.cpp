#include "sources/input/zip_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/errors.hpp"
#include "sources/input/system_reason.hpp"

namespace edusync::input {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveCloser>;

// "REASON : téléchargez l'archive de nouveau (ou donnez les fichiers .xml qu'elle contient)".
text::Message download_again(text::Message reason) {
  return text::message("input.zip.download_again", {text::nested("reason", std::move(reason))});
}

// libzip's error, in the catalogue, with what to do (libzip's own text is English and says
// nothing of what to do).
text::Message describe_zip_error(int code, int system_code) {
  switch (code) {
    case ZIP_ER_NOZIP: return download_again(text::message("input.zip.not_zip"));
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF: return download_again(text::message("input.zip.inconsistent"));
    case ZIP_ER_CRC:
    case ZIP_ER_COMPRESSED_DATA:
    case ZIP_ER_ZLIB: return download_again(text::message("input.zip.bad_data"));
    case ZIP_ER_COMPNOTSUPP: return text::message("input.zip.compression_not_supported");
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD: return text::message("input.zip.encrypted");
    case ZIP_ER_MULTIDISK: return text::message("input.zip.multidisk");
    case ZIP_ER_MEMORY: return text::message("input.zip.no_memory");
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_TELL:
      return text::message(
          "input.zip.read_failed",
          {text::nested("reason", system_code != 0 ? system_reason(system_code)
                                                   : text::message("input.zip.io_error"))});
    case ZIP_ER_NOENT: return text::message("input.zip.member_vanished");
    default:
      return download_again(
          text::message("input.zip.other", {text::arg("code", std::to_string(code))}));
  }
}

text::Message describe_zip_error(zip_error_t* error) {
  return describe_zip_error(zip_error_code_zip(error), zip_error_code_system(error));
}

// "archive zip illisible : REASON".
text::Message unreadable(text::Message reason) {
  return text::message("input.zip.unreadable", {text::nested("reason", std::move(reason))});
}

ArchivePtr open_archive(const std::string& path) {
  int code = 0;
  errno = 0;
  ArchivePtr archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    throw InputError({path}, unreadable(describe_zip_error(code, errno)));
  }
  return archive;
}

bool ends_with_xml(std::string_view name) {
  if (name.size() < 4) return false;
  std::string tail(name.substr(name.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xml";
}

bool is_worth_reading(std::string_view name) {
  if (name.empty() || name.back() == '/') return false;
  if (name.starts_with("__MACOSX/")) return false;
  const auto slash = name.rfind('/');
  const auto base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return !base.starts_with('.') && ends_with_xml(base);
}

// Whole mebibytes, the number only: the catalogue writes the unit (Mio, MiB).
std::string mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes >> 20);
}

}  // namespace

bool looks_like_zip(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  unsigned char head[4] = {};
  const std::size_t got = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  return got == 4 && head[0] == 'P' && head[1] == 'K' &&
         ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
}

std::vector<std::string> list_xml_members(const std::string& archive_path) {
  ArchivePtr archive = open_archive(archive_path);
  std::vector<std::string> members;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr && is_worth_reading(name)) members.emplace_back(name);
  }
  if (members.empty()) {
    throw InputError({archive_path}, text::message("input.zip.no_xml"));
  }
  return members;
}

ZipMemberSource::ZipMemberSource(const std::string& archive_path, const std::string& member,
                                 ZipLimits limits)
    : display_name_(archive_path + ":" + member), limits_(limits) {
  int code = 0;
  errno = 0;
  archive_.reset(zip_open(archive_path.c_str(), ZIP_RDONLY, &code));
  if (!archive_) fail(unreadable(describe_zip_error(code, errno)));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), member.c_str(), 0, &stat) != 0)
    fail(text::message("input.zip.member_not_found"));
  declared_size_ = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  compressed_size_ = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  if (declared_size_ > limits_.max_member_bytes) {
    fail(text::message("input.zip.member_too_large",
                       {text::arg("size", mebibytes(declared_size_)),
                        text::arg("limit", mebibytes(limits_.max_member_bytes))}));
  }
  if (declared_size_ > limits_.ratio_checked_after &&
      declared_size_ > limits_.max_ratio * std::max<std::uint64_t>(compressed_size_, 1)) {
    fail(text::message("input.zip.member_ratio",
                       {text::arg("size", mebibytes(declared_size_)),
                        text::arg("compressed", std::to_string(compressed_size_))}));
  }
  file_.reset(zip_fopen_index(archive_.get(), stat.index, 0));
  if (!file_) {
    fail(
        text::message("input.zip.member_unreadable",
                      {text::nested("reason", describe_zip_error(zip_get_error(archive_.get())))}));
  }
}

std::size_t ZipMemberSource::read(char* buffer, std::size_t size) {
  const zip_int64_t got = zip_fread(file_.get(), buffer, size);
  if (got < 0) {
    fail(text::message(
        "input.zip.decompression",
        {text::nested("reason", describe_zip_error(zip_file_get_error(file_.get())))}));
  }
  bytes_read_ += static_cast<std::uint64_t>(got);
  // The declared size can lie: check what was really produced as well.
  if (bytes_read_ > limits_.max_member_bytes ||
      (bytes_read_ > limits_.ratio_checked_after &&
       bytes_read_ > limits_.max_ratio * std::max<std::uint64_t>(compressed_size_, 1))) {
    fail(text::message("input.zip.member_beyond_limits",
                       {text::arg("size", mebibytes(bytes_read_))}));
  }
  return static_cast<std::size_t>(got);
}

void ZipMemberSource::fail(text::Message message) const {
  throw InputError({display_name_}, std::move(message));
}

}  // namespace edusync::input
