#include "common/csv.hpp"

#include "common/utf8.hpp"

namespace edusync {

std::string csv_field(const std::string& value, const CsvStyle& style) {
  const bool needs_quotes =
      style.quote_all ||
      value.find_first_of(std::string{style.separator, '"', '\r', '\n'}) != std::string::npos;
  if (!needs_quotes) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_line(const CsvRow& row, std::size_t columns, const CsvStyle& style) {
  if (row.size() > columns) {
    throw std::logic_error("ligne CSV de " + std::to_string(row.size()) + " champs pour " +
                           std::to_string(columns) + " colonnes");
  }
  std::string line;
  for (std::size_t i = 0; i < columns; ++i) {
    if (i > 0) line += style.separator;
    line += csv_field(i < row.size() ? row[i] : std::string(), style);
  }
  return line + style.line_end;
}

std::string csv_text(const CsvTable& table, const CsvStyle& style) {
  const std::size_t columns = table.header.size();
  std::string text = csv_line(table.header, columns, style);
  for (const auto& row : table.rows) text += csv_line(row, columns, style);
  return text;
}

CsvError::CsvError(std::size_t line, const std::string& problem)
    : std::runtime_error("ligne " + std::to_string(line) + " : " + problem), line_(line) {}

namespace {

// The one CSV scanner behind parse_csv (lenient) and read_csv (strict), record by record,
// counting lines (CRLF, LF or CR end one) to say where each record starts.
class Scanner {
 public:
  Scanner(std::string_view text, char separator, bool strict)
      : text_(text), separator_(separator), strict_(strict) {}

  // Reads the next record; false at the end of the text.
  bool next(CsvRecord& record) {
    if (at_ >= text_.size()) return false;
    record.line = line_;
    record.cells.clear();
    std::string field;
    bool field_started = false;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == separator_) {
        record.cells.push_back(std::move(field));
        field.clear();
        field_started = false;
        ++at_;
      } else if (c == '\r' || c == '\n') {
        skip_line_end();
        break;
      } else if (c == '"' && (!strict_ || !field_started)) {
        read_quoted(field);
        field_started = true;
        if (strict_) expect_field_end();
      } else {
        field += c;
        field_started = true;
        ++at_;
      }
    }
    record.cells.push_back(std::move(field));
    return true;
  }

 private:
  bool at_line_end() const { return text_[at_] == '\r' || text_[at_] == '\n'; }

  // Consumes one line end (CRLF counts once) and counts the line; appends it to `kept` if given.
  void skip_line_end(std::string* kept = nullptr) {
    const std::size_t length = text_.substr(at_, 2) == "\r\n" ? 2 : 1;
    if (kept != nullptr) kept->append(text_.substr(at_, length));
    at_ += length;
    ++line_;
  }

  // From the opening quote at at_ through the closing one; a doubled quote is one quote.
  void read_quoted(std::string& field) {
    const std::size_t opened_on = line_;
    ++at_;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"' && text_.substr(at_, 2) == "\"\"") {
        field += '"';
        at_ += 2;
      } else if (c == '"') {
        ++at_;
        return;
      } else if (at_line_end()) {
        skip_line_end(&field);
      } else {
        field += c;
        ++at_;
      }
    }
    if (strict_) throw CsvError(opened_on, "guillemet ouvrant sans guillemet fermant");
  }

  void expect_field_end() const {
    if (at_ == text_.size() || text_[at_] == separator_ || at_line_end()) return;
    const std::size_t length = utf8::decode(text_, at_).length;
    throw CsvError(line_, "« " + std::string(text_.substr(at_, length)) +
                              " » après un guillemet fermant (un guillemet dans un champ entre "
                              "guillemets s'écrit doublé : \"\")");
  }

  std::string_view text_;
  char separator_;
  bool strict_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
};

bool is_blank(const CsvRow& cells) {
  return cells.size() == 1 && cells.front().empty();
}

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, char separator) {
  std::vector<CsvRow> rows;
  Scanner scanner(text, separator, false);
  CsvRecord record;
  while (scanner.next(record)) rows.push_back(std::move(record.cells));
  return rows;
}

std::vector<CsvRecord> read_csv(std::string_view text, char separator) {
  if (text.starts_with(utf8::kByteOrderMark)) text.remove_prefix(utf8::kByteOrderMark.size());
  std::vector<CsvRecord> records;
  Scanner scanner(text, separator, true);
  CsvRecord record;
  while (scanner.next(record)) {
    if (!is_blank(record.cells)) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace edusync
