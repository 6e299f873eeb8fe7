#include "timetable_files.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sources/timetable/index_seal.hpp"
#include "timetable_writers.hpp"

namespace gen {

void write_bytes(const std::string& path, std::string_view bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + path);
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  if (std::fclose(file) != 0 || !ok) throw std::runtime_error("cannot write " + path);
}

void prepare_edt_keys(Options& options) {
  if (!options.edt_key_file.empty()) {
    std::ifstream in(options.edt_key_file, std::ios::binary);
    std::ostringstream pem;
    pem << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read --edt-key " + options.edt_key_file);
    options.edt_key_pem = pem.str();
  } else {
    const auto pair = edusync::timetable::generate_test_key_pair();
    write_bytes(options.out_dir + "/" + std::string(kEdtKeyFile), pair.private_pem);
    options.edt_key_pem = pair.private_pem;
  }
  options.edt_other_partner_pem = edusync::timetable::generate_test_key_pair().public_pem;
}

FileList timetable_files(const School& school) {
  const std::string& uai = school.uai;
  return {{"edt", "ExportEmploiDuTemps_" + uai + ".xml"},
          {"edt_encrypted", uai + "_EXPORT_INDEX_EDUCATION.xml"},
          {"udt", uai + "_" + timetable_stamp(school) + "_UDT.zip"},
          {"edt_courses", "EXP_COURS.xml"},
          {"udt_courses", uai + "_udt_cours.csv"}};
}

void write_timetables(const School& school, const Timetable& tt, const Options& options) {
  const FileList files = timetable_files(school);
  const std::string dir = school.plan->dir + "/";
  write_edt(school, tt, dir + files[0].second);
  write_edt_sealed(school, dir + files[0].second, dir + files[1].second, options);
  write_udt(school, tt, dir + files[2].second);
  write_exp_cours(school, tt, dir + files[3].second);
  write_udt_courses(school, tt, dir + files[4].second);
}

}  // namespace gen
