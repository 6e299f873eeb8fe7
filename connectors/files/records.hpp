#pragma once
// A CSV file as the writers build it: a header and one record per person, each record knowing
// whose it is (for warnings) and its key (for deltas). Encoding into the target's charset
// happens line by line so that a transliterated character is reported with its record.
#include <string>
#include <vector>

#include "connectors/files/csv.hpp"
#include "connectors/files/encoding.hpp"
#include "model/warning.hpp"

namespace edusync::connectors::files {

struct Record {
  std::string key;    // the directory key (INE, sts:<ID>, personne:<ID>)
  text::Message who;  // see directory_view.hpp
  CsvRow cells;
};

struct CsvFile {
  CsvRow header;
  std::vector<Record> records;
};

// Header and records in `charset` (BOM first for utf8_bom), in the CSV `style`. A record with
// characters the charset lacks is written transliterated, and a CHARSET_TRANSLITERATED warning
// names it and the characters.
std::string encode_csv(const CsvFile& file, const CsvStyle& style, Charset charset,
                       std::vector<model::Warning>& warnings);

// `column` when `file` has a column of that header with at least one non-empty cell (a file
// that holds initial passwords), else empty.
std::string column_if_filled(const CsvFile& file, const std::string& column);

// The delta between two renderings of one file: the records of `after` that are new or whose
// cells differ from the record of the same key in `before`, in `after`'s order.
CsvFile changed_records(const CsvFile& before, const CsvFile& after);

}  // namespace edusync::connectors::files
