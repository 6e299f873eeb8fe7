// Packs one file into a zip archive, as SIECLE delivers its XML exports
// (ExportXML_ElevesSansAdresses.zip containing ElevesSansAdresses.xml).
#pragma once

#include <string>

#include "dates.hpp"

namespace gen {

// Creates/truncates `zip_path` with the single member `member_name` holding
// the bytes of `source_path` (deflated). The member's DOS timestamp is
// `stamp` + hh:mm:ss, never the file's mtime, so archives are reproducible.
// Throws std::runtime_error on failure.
void zip_single_file(const std::string& zip_path, const std::string& member_name,
                     const std::string& source_path, Date stamp, int hour, int minute, int second);

}  // namespace gen
