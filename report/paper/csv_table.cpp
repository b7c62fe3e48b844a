#include "report/paper/csv_table.hpp"

#include "base/source_text.hpp"

namespace easyread::report {

namespace {

bool is_blank(const CsvRow& row) { return row.cells.size() == 1 && row.cells[0].text.empty(); }

}  // namespace

bool parse_csv(const std::string& path, const std::string& text_in, std::vector<CsvRow>& rows, Diagnostics& diags) {
    rows.clear();
    std::string_view text(text_in);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's byte order mark
    int line = 1, column = 1;
    std::size_t i = 0;
    CsvRow row;
    row.line = 1;
    auto start_cell = [&] { row.cells.push_back({std::string(), line, column}); };
    auto end_row = [&] {
        if (!is_blank(row)) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    start_cell();
    while (i < text.size()) {
        char c = text[i];
        if (c == '"' && row.cells.back().text.empty()) {
            // A quoted cell: runs to the closing quote, may hold commas and line breaks.
            int open_line = line, open_column = column;
            ++i;
            ++column;
            bool closed = false;
            while (i < text.size()) {
                char q = text[i];
                if (q == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        row.cells.back().text += '"';
                        i += 2;
                        column += 2;
                        continue;
                    }
                    ++i;
                    ++column;
                    closed = true;
                    break;
                }
                row.cells.back().text += q;
                ++i;
                if (q == '\n') {
                    ++line;
                    column = 1;
                } else if ((static_cast<unsigned char>(q) & 0xC0) != 0x80) {
                    ++column;  // count characters, not the bytes inside them
                }
            }
            if (!closed) {
                diags.error(path, open_line, open_column, "csv-quote", "this quote is never closed",
                            "Add the closing \" at the end of the cell.");
                return false;
            }
            continue;
        }
        ++i;
        if (c == ',') {
            ++column;
            start_cell();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
            ++line;
            column = 1;
            end_row();
            start_cell();
        } else {
            row.cells.back().text += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        }
    }
    end_row();
    return true;
}

bool read_csv(const std::string& path, std::vector<CsvRow>& rows, Diagnostics& diags) {
    SourceText src;
    if (!load_source(path, src, diags)) return false;
    return parse_csv(path, src.text, rows, diags);
}

}  // namespace easyread::report
