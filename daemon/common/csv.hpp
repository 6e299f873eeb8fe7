#pragma once
// CSV, written for the file targets' importers and read from files operators give: one record a
// line, a separator (`;` for KOXO, the ENT, Pix; `,` for Moodle), `"` quoting with doubled inner
// quotes, CRLF or LF line ends. Text is UTF-8 here; encodings (and the byte order mark a
// charset wants on output) are the caller's business.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edusync {

// ------------------------------------------------------------------------------ writing

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

// One line, its line ending included, with the same number of cells on every line: throws
// std::logic_error when the row is longer than `columns` (a programming error: writers build
// rows from the header); pads it with empty fields when shorter.
std::string csv_line(const CsvRow& row, std::size_t columns, const CsvStyle& style);

// The whole table, header first.
std::string csv_text(const CsvTable& table, const CsvStyle& style);

// ------------------------------------------------------------------------------ reading

// Splits CSV text we wrote back into rows (tests and the column-count check): honours quoting,
// the separator and CRLF or LF line ends, and never fails (an empty line is one empty cell, an
// unclosed quote runs to the end of the text, a quote inside a field opens quoting there).
std::vector<CsvRow> parse_csv(const std::string& text, char separator);

// A record of a file an operator gives, with the line it starts on (1 for the first; a quoted
// field spanning lines makes the next record start further down).
struct CsvRecord {
  std::size_t line = 0;
  CsvRow cells;
};

// A file that is not CSV, at `line`. what() is the French message for operators,
// "ligne 12 : ...", for the caller to prefix with the file name.
class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& problem);
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

// Reads a file an operator gives (an export from a timetable program or a spreadsheet): a
// UTF-8 byte order mark at the start is skipped, and so are empty lines. A quote opens a quoted
// field only at the start of a field (elsewhere it is a character, as spreadsheets read it).
// Throws CsvError for a quoted field that is never closed or is followed by anything but a
// separator or a line end. Checking the number of cells is the caller's (it knows the header).
std::vector<CsvRecord> read_csv(std::string_view text, char separator);

}  // namespace edusync
