// Reading a CSV file (RFC 4180: commas, "quoted, cells", "" for a quote),
// remembering where each cell starts so errors can name line and column.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::report {

struct CsvCell {
    std::string text;
    int line = 0, column = 0;  // 1-based, where the cell starts
};

struct CsvRow {
    std::vector<CsvCell> cells;
    int line = 0;
};

// Reads the file (UTF-8; a byte order mark is skipped; blank lines are
// ignored). False with an error naming file, line and column when the file
// cannot be read or a quote is never closed.
bool read_csv(const std::string& path, std::vector<CsvRow>& rows, Diagnostics& diags);

// The same, from text already in memory.
bool parse_csv(const std::string& path, const std::string& text, std::vector<CsvRow>& rows, Diagnostics& diags);

}  // namespace easyread::report
