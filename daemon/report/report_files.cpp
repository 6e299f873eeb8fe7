#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "report/run_report.hpp"

namespace edusync::report {
namespace {

// Temporary name, write, fsync, rename: a reader never sees half a report.
void write_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("impossible d'écrire " + temporary);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("écriture interrompue : " + temporary);
    }
    done += static_cast<std::size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  std::filesystem::rename(temporary, path);
}

}  // namespace

std::string write_report_files(const RunReport& report, const std::string& dir) {
  std::filesystem::create_directories(dir);
  ::chmod(dir.c_str(), 0700);
  write_atomically(dir + "/report.json", to_json(report).dump(2) + "\n");
  write_atomically(dir + "/report.txt", to_text(report));
  write_atomically(dir + "/report.html", to_html(report));
  return dir;
}

}  // namespace edusync::report
