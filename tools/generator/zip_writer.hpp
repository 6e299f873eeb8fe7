// Packs files into a zip archive, as SIECLE delivers its XML exports
// (ExportXML_ElevesSansAdresses.zip containing ElevesSansAdresses.xml) and UDT
// its export for ENTs (several UDCal_NN.xml).
#pragma once

#include <string>
#include <vector>

#include "dates.hpp"

namespace gen {

struct ZipMember {
  std::string name;         // name in the archive
  std::string source_path;  // file whose bytes it holds
};

// Creates/truncates `zip_path` with `members` in that order (deflated). Each
// member's DOS timestamp is `stamp` + hh:mm:ss, never the file's mtime, so
// archives are reproducible. Throws std::runtime_error on failure.
void zip_files(const std::string& zip_path, const std::vector<ZipMember>& members, Date stamp,
               int hour, int minute, int second);

// The one-member case.
void zip_single_file(const std::string& zip_path, const std::string& member_name,
                     const std::string& source_path, Date stamp, int hour, int minute, int second);

}  // namespace gen
