#pragma once
// Entry point of the sources stage: one document in, one ParsedExport out. The kind of export
// is detected from the root element, never from the file name (docs/input.md §0.1).
#include <optional>
#include <string>
#include <vector>

#include "sources/exports.hpp"
#include "sources/input/byte_source.hpp"

namespace edusync::sources {

struct ParseOptions {
  // PEM file of the ENT partner's RSA private key, which opens Index Éducation's encrypted
  // container (EXPORT_INDEX_EDUCATION). Empty: such a container is refused, saying so.
  std::string edt_key_file;
};

// Parses one document. When `expected` is given, a document of another kind is refused.
// Throws InputError (file, line, column, a message of the catalogue) when the document cannot
// be used.
ParsedExport parse_export(input::ByteSource& source,
                          std::optional<ExportKind> expected = std::nullopt,
                          const ParseOptions& options = {});

// Reads only up to the end of PARAMETRES: the kind, school, year and export date of a document,
// to choose among the files of an inbox before parsing them. `data` is left empty.
ParsedExport read_export_header(input::ByteSource& source, const ParseOptions& options = {});

// Parses every document of the given paths (zip archives contribute each XML member),
// independent documents in parallel on up to `threads` threads. Results keep the order of
// the paths (and of members inside an archive). The first InputError is rethrown.
std::vector<ParsedExport> parse_files(const std::vector<std::string>& paths, unsigned threads,
                                      const ParseOptions& options = {});
std::vector<ParsedExport> parse_documents(const std::vector<input::DocumentRef>& documents,
                                          unsigned threads, const ParseOptions& options = {});

// UDT's course text file (udt_courses_parser.cpp). `head` is the start of a document that is
// neither XML nor zip: true when it has the 12 `;`- or tab-separated columns of that file.
bool looks_like_udt_courses(std::string_view head);
// Parses it; `source` is read from its start. Throws InputError when it cannot be used.
ParsedExport parse_udt_courses(input::ByteSource& source);

}  // namespace edusync::sources
