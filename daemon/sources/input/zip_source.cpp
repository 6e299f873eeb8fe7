#include "sources/input/zip_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace edusync::input {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveCloser>;

constexpr const char* kDownloadAgain =
    " : téléchargez l'archive de nouveau (ou donnez les fichiers .xml qu'elle contient)";

// libzip's error, in French, with what to do (libzip's own text is English).
std::string describe_zip_error(int code, int system_code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "ce n'est pas une archive zip valide (répertoire central introuvable : archive "
             "tronquée ?)" +
             std::string(kDownloadAgain);
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
      return "archive zip incohérente ou tronquée (téléchargement ou copie interrompus ?)" +
             std::string(kDownloadAgain);
    case ZIP_ER_CRC:
    case ZIP_ER_COMPRESSED_DATA:
    case ZIP_ER_ZLIB:
      return "données compressées abîmées (somme de contrôle fausse)" + std::string(kDownloadAgain);
    case ZIP_ER_COMPNOTSUPP:
      return "méthode de compression non prise en charge : recompressez les fichiers .xml en "
             "zip standard (deflate), ou donnez-les directement";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "archive chiffrée (protégée par un mot de passe) : extrayez-en les fichiers .xml et "
             "donnez-les directement";
    case ZIP_ER_MULTIDISK:
      return "archive zip en plusieurs volumes, non prise en charge : donnez les fichiers .xml";
    case ZIP_ER_MEMORY: return "mémoire insuffisante pour lire l'archive";
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_TELL:
      return std::string("impossible de lire l'archive : ") +
             (system_code != 0 ? system_error_text(system_code) : "erreur d'entrée-sortie");
    case ZIP_ER_NOENT: return "membre introuvable dans l'archive (modifiée pendant la lecture ?)";
    default:
      return "archive zip illisible (erreur libzip n° " + std::to_string(code) + ")" +
             std::string(kDownloadAgain);
  }
}

std::string describe_zip_error(zip_error_t* error) {
  return describe_zip_error(zip_error_code_zip(error), zip_error_code_system(error));
}

ArchivePtr open_archive(const std::string& path) {
  int code = 0;
  errno = 0;
  ArchivePtr archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    throw InputError({path}, "archive zip illisible : " + describe_zip_error(code, errno));
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

std::string mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " Mio";
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
    throw InputError(
        {archive_path},
        "l'archive zip ne contient aucun fichier XML (export SIECLE ou STS-web attendu)");
  }
  return members;
}

ZipMemberSource::ZipMemberSource(const std::string& archive_path, const std::string& member,
                                 ZipLimits limits)
    : display_name_(archive_path + ":" + member), limits_(limits) {
  int code = 0;
  errno = 0;
  archive_.reset(zip_open(archive_path.c_str(), ZIP_RDONLY, &code));
  if (!archive_) fail("archive zip illisible : " + describe_zip_error(code, errno));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), member.c_str(), 0, &stat) != 0) fail("membre introuvable");
  declared_size_ = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  compressed_size_ = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  if (declared_size_ > limits_.max_member_bytes) {
    fail("membre refusé : il se décompresse en " + mebibytes(declared_size_) +
         ", au-delà de la limite de " + mebibytes(limits_.max_member_bytes) + " (bombe zip ?)");
  }
  if (declared_size_ > limits_.ratio_checked_after &&
      declared_size_ > limits_.max_ratio * std::max<std::uint64_t>(compressed_size_, 1)) {
    fail("membre refusé : taux de compression anormal (" + mebibytes(declared_size_) + " pour " +
         std::to_string(compressed_size_) + " octets compressés ; bombe zip ?)");
  }
  file_.reset(zip_fopen_index(archive_.get(), stat.index, 0));
  if (!file_) fail("membre illisible : " + describe_zip_error(zip_get_error(archive_.get())));
}

std::size_t ZipMemberSource::read(char* buffer, std::size_t size) {
  const zip_int64_t got = zip_fread(file_.get(), buffer, size);
  if (got < 0) {
    fail("erreur de décompression : " + describe_zip_error(zip_file_get_error(file_.get())));
  }
  bytes_read_ += static_cast<std::uint64_t>(got);
  // The declared size can lie: check what was really produced as well.
  if (bytes_read_ > limits_.max_member_bytes ||
      (bytes_read_ > limits_.ratio_checked_after &&
       bytes_read_ > limits_.max_ratio * std::max<std::uint64_t>(compressed_size_, 1))) {
    fail("membre refusé : décompression au-delà des limites après " + mebibytes(bytes_read_) +
         " (bombe zip ?)");
  }
  return static_cast<std::size_t>(got);
}

void ZipMemberSource::fail(const std::string& message) const {
  throw InputError({display_name_}, message);
}

}  // namespace edusync::input
