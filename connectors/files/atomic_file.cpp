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

namespace edusync::connectors::files {
void ensure_directory(const std::string& dir) {
  try {
    // The importer reads through its group: owner rwx, group r-x, nothing for others, whatever
    // the umask (files holding passwords are 0600 themselves).
    make_directories(dir, 0750);
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("sortie : ") + error.what());
  }
  if (!std::filesystem::is_directory(dir)) {
    throw std::runtime_error("dossier de sortie " + dir + " : pas un dossier");
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
  if (buffer == nullptr) throw std::runtime_error("zip : création du tampon impossible");
  zip_source_keep(buffer);  // read back after zip_close
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> source_owner(buffer,
                                                                               &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip : ouverture impossible");
  for (const auto& [name, content] : members) {
    zip_source_t* member = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (member == nullptr || zip_file_add(archive, name.c_str(), member, ZIP_FL_ENC_UTF_8) < 0) {
      if (member != nullptr) zip_source_free(member);
      zip_discard(archive);
      throw std::runtime_error("zip : ajout impossible de " + name);
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("zip : écriture impossible");
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0)
    throw std::runtime_error("zip : relecture impossible");
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    throw std::runtime_error("zip : relecture incomplète");
  return bytes;
}

}  // namespace edusync::connectors::files
