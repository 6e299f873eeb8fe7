#include "common/errors.hpp"
#include "sources/input/byte_source.hpp"
#include "sources/input/file_source.hpp"
#include "sources/input/zip_source.hpp"

namespace edusync::input {

std::vector<std::unique_ptr<ByteSource>> open_inputs(const std::string& path) {
  std::vector<std::unique_ptr<ByteSource>> sources;
  if (!looks_like_zip(path)) {
    sources.push_back(std::make_unique<FileSource>(path));
    return sources;
  }
  for (const auto& member : list_xml_members(path)) {
    sources.push_back(std::make_unique<ZipMemberSource>(path, member));
  }
  return sources;
}

}  // namespace edusync::input
