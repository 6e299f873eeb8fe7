// edusync-parse: the sources stage alone, for the parser benchmarks (bench/timetables.sh).
//
//   edusync-parse [--edt-key FILE] FILE...
//
// Parses the files exactly as `edusync inspect` and `edusync run` do (parse_files: kind from the
// content, zip members, the sealed EDT container, SHA-256 of the bytes read), one document at a
// time (each document's records still go to their parser on a second thread, as in inspect),
// then prints one line per document (kind, records, bytes) and exits: no model, no joins, no
// output of the records. What it times is the parser against `xmllint --stream --noout`.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parsers/export_parser.hpp"

int main(int argc, char** argv) {
  edusync::sources::ParseOptions options;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word(argv[i]);
    if (word == "--edt-key" && i + 1 < argc) {
      options.edt_key_file = argv[++i];
    } else {
      paths.emplace_back(word);
    }
  }
  if (paths.empty()) {
    std::fputs("usage: edusync-parse [--edt-key FILE] FILE...\n", stderr);
    return 2;
  }
  try {
    for (const auto& parsed : edusync::sources::parse_files(paths, 1, options)) {
      std::printf("%s\t%s\t%llu records\t%llu bytes\n", parsed.path.c_str(),
                  std::string(edusync::sources::to_string(parsed.kind)).c_str(),
                  static_cast<unsigned long long>(parsed.records),
                  static_cast<unsigned long long>(parsed.bytes));
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "edusync-parse: %s\n", error.what());
    return 1;
  }
  return 0;
}
