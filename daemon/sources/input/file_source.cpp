#include "sources/input/file_source.hpp"

#include <cerrno>
#include <cstring>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace edusync::input {

FileSource::FileSource(std::string path) : path_(std::move(path)) {
  file_.reset(std::fopen(path_.c_str(), "rb"));
  if (!file_) {
    throw InputError({path_}, "impossible d'ouvrir le fichier : " + system_error_text(errno));
  }
}

std::size_t FileSource::read(char* buffer, std::size_t size) {
  const std::size_t got = std::fread(buffer, 1, size, file_.get());
  if (got == 0 && std::ferror(file_.get())) {
    throw InputError({path_}, "erreur de lecture : " + system_error_text(errno));
  }
  bytes_read_ += got;
  return got;
}

}  // namespace edusync::input
