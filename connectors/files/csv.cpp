#include "connectors/files/csv.hpp"

#include <stdexcept>

namespace edusync::connectors::files {

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

std::vector<CsvRow> parse_csv(const std::string& text, char separator) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false;
  bool line_has_content = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      line_has_content = true;
    } else if (c == separator) {
      row.push_back(std::move(field));
      field.clear();
      line_has_content = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      line_has_content = false;
    } else {
      field += c;
      line_has_content = true;
    }
  }
  if (line_has_content) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace edusync::connectors::files
