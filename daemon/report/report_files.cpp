#include <sys/stat.h>

#include <filesystem>

#include "common/file_writer.hpp"
#include "report/report_lists.hpp"
#include "report/run_report.hpp"

namespace edusync::report {
namespace {

void write_atomically(const std::string& path, const std::string& content) {
  auto file = FileWriter::replace(path);
  file << content;
  file.commit();
}

}  // namespace

std::string write_report_files(const RunReport& report, const std::string& dir) {
  // reports/ and reports/<run>/ name pupils and may receive the account sheets: 0700, whatever
  // the umask.
  make_directories(dir, 0700);
  ::chmod(dir.c_str(), 0700);
  write_report_lists(report, dir);  // before report.json, which names these files
  auto json = FileWriter::replace(dir + "/report.json");
  write_json(report, json);
  json.commit();
  write_atomically(dir + "/report.txt", to_text(report));
  write_atomically(dir + "/report.html", to_html(report));
  return dir;
}

}  // namespace edusync::report
