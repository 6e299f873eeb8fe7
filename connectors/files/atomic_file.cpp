#include "connectors/files/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "common/file_writer.hpp"
#include "connectors/error.hpp"

namespace edusync::connectors::files {
namespace {

[[noreturn]] void fail(const char* id, std::vector<text::Arg> args = {}) {
  throw Error(text::message(id, std::move(args)));
}

}  // namespace

void ensure_directory(const std::string& dir) {
  try {
    // The importer reads through its group: owner rwx, group r-x, nothing for others, whatever
    // the umask (files holding passwords are 0600 themselves).
    make_directories(dir, 0750);
  } catch (const std::exception& error) {
    // common/file_writer's own text, kept as it is.
    fail("connector.file.output", {text::nested("error", message_of(error))});
  }
  if (!std::filesystem::is_directory(dir)) {
    fail("connector.file.not_a_directory", {text::arg("dir", dir)});
  }
}

void write_atomically(const std::string& dir, const std::string& name, const std::string& bytes,
                      unsigned mode) {
  auto file = FileWriter::replace(dir + "/" + name, {mode, true, "file-target-before-rename"});
  file << bytes;
  file.commit();
}

std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) fail("connector.zip.buffer");
  zip_source_keep(buffer);  // read back after zip_close
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> source_owner(buffer,
                                                                               &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) fail("connector.zip.open");
  for (const auto& [name, content] : members) {
    zip_source_t* member = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (member == nullptr || zip_file_add(archive, name.c_str(), member, ZIP_FL_ENC_UTF_8) < 0) {
      if (member != nullptr) zip_source_free(member);
      zip_discard(archive);
      fail("connector.zip.add", {text::arg("name", name)});
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    fail("connector.zip.write");
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0)
    fail("connector.zip.reread");
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) fail("connector.zip.incomplete");
  return bytes;
}

}  // namespace edusync::connectors::files
