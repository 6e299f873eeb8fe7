#pragma once
// The file targets write CSV with the common writer (common/csv.hpp); these names keep the
// targets' vocabulary.
#include "common/csv.hpp"

namespace edusync::connectors::files {

using edusync::csv_field;
using edusync::csv_line;
using edusync::csv_text;
using edusync::CsvRow;
using edusync::CsvStyle;
using edusync::CsvTable;
using edusync::parse_csv;

}  // namespace edusync::connectors::files
