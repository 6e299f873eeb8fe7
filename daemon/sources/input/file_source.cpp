#include "sources/input/file_source.hpp"

#include <cerrno>
#include <cstring>

#include "common/errors.hpp"
#include "sources/input/system_reason.hpp"

namespace edusync::input {

FileSource::FileSource(std::string path) : path_(std::move(path)) {
  file_.reset(std::fopen(path_.c_str(), "rb"));
  if (!file_) {
    throw InputError({path_}, text::message("input.file.open_failed",
                                            {text::nested("reason", system_reason(errno))}));
  }
}

std::size_t FileSource::read(char* buffer, std::size_t size) {
  const std::size_t got = std::fread(buffer, 1, size, file_.get());
  if (got == 0 && std::ferror(file_.get())) {
    throw InputError({path_}, text::message("input.file.read_failed",
                                            {text::nested("reason", system_reason(errno))}));
  }
  bytes_read_ += got;
  return got;
}

}  // namespace edusync::input
