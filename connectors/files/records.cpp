#include "connectors/files/records.hpp"

#include <algorithm>
#include <map>

namespace edusync::connectors::files {

std::string encode_csv(const CsvFile& file, const CsvStyle& style, Charset charset,
                       std::vector<model::Warning>& warnings) {
  const std::size_t columns = file.header.size();
  std::vector<Substitution> header_substitutions;
  std::string bytes(byte_order_mark(charset));
  bytes += encode(csv_line(file.header, columns, style), charset, header_substitutions);
  for (const auto& record : file.records) {
    std::vector<Substitution> substitutions;
    bytes += encode(csv_line(record.cells, columns, style), charset, substitutions);
    if (substitutions.empty()) continue;
    warnings.push_back(
        model::Warning{"CHARSET_TRANSLITERATED",
                       text::message("connector.charset.record",
                                     {text::nested("who", record.who),
                                      text::nested("substitutions", describe(substitutions))}),
                       {record.key},
                       {}});
  }
  return bytes;
}

std::string column_if_filled(const CsvFile& file, const std::string& column) {
  const auto found = std::find(file.header.begin(), file.header.end(), column);
  if (found == file.header.end()) return {};
  const auto index = static_cast<std::size_t>(found - file.header.begin());
  for (const auto& record : file.records) {
    if (index < record.cells.size() && !record.cells[index].empty()) return column;
  }
  return {};
}

CsvFile changed_records(const CsvFile& before, const CsvFile& after) {
  std::map<std::string, const CsvRow*> previous;
  for (const auto& record : before.records) previous[record.key] = &record.cells;
  CsvFile delta{after.header, {}};
  for (const auto& record : after.records) {
    const auto found = previous.find(record.key);
    if (found == previous.end() || *found->second != record.cells) delta.records.push_back(record);
  }
  return delta;
}

}  // namespace edusync::connectors::files
