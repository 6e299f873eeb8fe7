#pragma once
// `edusync inspect`: parse export files, build the directory, and describe what was found,
// for a person (text) or a program (JSON, same keys as the run report: sources, totals,
// warnings, plus the whole model).
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "sources/exports.hpp"

namespace edusync::inspect {

struct Inspection {
  std::vector<sources::ParsedExport> sources;  // data moved into `result`
  assemble::Result result;
  std::string language = "fr";  // of the messages: fr or en
};

struct Request {
  std::vector<std::string> files;
  std::vector<std::string> uais;  // empty: the first file's
  unsigned threads = 2;
  std::string today;            // ISO; empty: the system's date
  std::string language = "fr";  // of the messages (--language): fr or en
  // PEM private key that opens Index Éducation's encrypted container (--edt-key).
  std::string edt_key_file;
};

// Throws InputError when a file cannot be used.
Inspection inspect_files(const Request& request);

nlohmann::ordered_json to_json(const Inspection& inspection);
void print_text(const Inspection& inspection, std::ostream& out);

// Report items shared with the run report, which reuses them.
nlohmann::ordered_json sources_json(const std::vector<sources::ParsedExport>& sources);
nlohmann::ordered_json totals_json(const model::Directory& directory);

}  // namespace edusync::inspect
