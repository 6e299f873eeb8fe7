#include "common/errors.hpp"
#include "sources/input/byte_source.hpp"
#include "sources/input/file_source.hpp"
#include "sources/input/zip_source.hpp"

namespace edusync::input {

std::vector<DocumentRef> list_documents(const std::string& path) {
  if (!looks_like_zip(path)) return {{path, ""}};
  std::vector<DocumentRef> documents;
  for (auto& member : list_xml_members(path)) documents.push_back({path, std::move(member)});
  return documents;
}

std::unique_ptr<ByteSource> open_document(const DocumentRef& document) {
  if (document.member.empty()) return std::make_unique<FileSource>(document.path);
  return std::make_unique<ZipMemberSource>(document.path, document.member);
}

std::vector<std::unique_ptr<ByteSource>> open_inputs(const std::string& path) {
  std::vector<std::unique_ptr<ByteSource>> sources;
  for (const auto& document : list_documents(path)) sources.push_back(open_document(document));
  return sources;
}

}  // namespace edusync::input
