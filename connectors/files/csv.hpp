#pragma once
// CSV as the file targets' importers read it: one header line, a separator (`;` for KOXO, the
// ENT, Pix; `,` for Moodle), `"` quoting with doubled inner quotes, a fixed line ending, and the
// same number of cells on every line (a short row is padded, a long one is a programming
// error: the writers build rows from the header).
#include <string>
#include <vector>

namespace edusync::connectors::files {

struct CsvStyle {
  char separator = ';';
  std::string line_end = "\r\n";
  bool quote_all = false;  // the ENT "export classique" quotes every field
};

using CsvRow = std::vector<std::string>;

struct CsvTable {
  CsvRow header;
  std::vector<CsvRow> rows;
};

// One field: quoted when quote_all, or when it holds the separator, a quote, CR or LF.
std::string csv_field(const std::string& value, const CsvStyle& style);

// One line, its line ending included. Throws std::logic_error when the row is longer than
// `columns`; pads it with empty fields when shorter.
std::string csv_line(const CsvRow& row, std::size_t columns, const CsvStyle& style);

// The whole table (UTF-8; encoding is the caller's business), header first.
std::string csv_text(const CsvTable& table, const CsvStyle& style);

// Splits CSV text back into rows (tests and the column-count check): honours quoting, the
// separator and CRLF or LF line ends.
std::vector<CsvRow> parse_csv(const std::string& text, char separator);

}  // namespace edusync::connectors::files
