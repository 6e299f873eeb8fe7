#include "sources/input/file_source.hpp"

#include <cerrno>
#include <cstring>

#include "common/errors.hpp"

namespace edusync::input {

FileSource::FileSource(std::string path) : path_(std::move(path)) {
  file_.reset(std::fopen(path_.c_str(), "rb"));
  if (!file_) {
    throw InputError({path_}, std::string("impossible d'ouvrir le fichier : ") +
                                  std::strerror(errno));
  }
}

std::size_t FileSource::read(char* buffer, std::size_t size) {
  const std::size_t got = std::fread(buffer, 1, size, file_.get());
  if (got == 0 && std::ferror(file_.get())) {
    throw InputError({path_}, std::string("erreur de lecture : ") + std::strerror(errno));
  }
  bytes_read_ += got;
  return got;
}

}  // namespace edusync::input
