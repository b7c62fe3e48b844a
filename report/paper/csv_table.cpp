#include "report/paper/csv_table.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

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

// Typed-up forms: far more than any event's forms, small enough to hold at once.
constexpr std::size_t kMaxCsvBytes = 4u * 1024u * 1024u;

bool read_csv(const std::string& path, std::vector<CsvRow>& rows, Diagnostics& diags) {
    const char* save_as = "In Excel choose Save As, \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, "
                          "Text CSV with the character set UTF-8 and , as the field delimiter.";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(path, 0, 0, "cannot-read", std::string("cannot open the CSV file: ") + std::strerror(errno),
                    "Check the file name and that you may read it.");
        return false;
    }
    std::string bytes;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > kMaxCsvBytes) break;  // no need to read a huge file to refuse it
    }
    if (bytes.size() > kMaxCsvBytes) {
        diags.error(path, 0, 0, "csv-too-large",
                    "this CSV file is over " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MB, the limit for CSV files",
                    "Split the forms into several CSV files and import each one.");
        return false;
    }
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);  // Excel's BOM
    int line = 0, column = 0;
    if (std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
        line_column_of(bytes, nul, line, column);
        diags.error(path, line, column, "csv-binary", "this is not a CSV file (it holds bytes no text has)",
                    std::string("A spreadsheet (.xlsx, .ods) must be saved as CSV first. ") + save_as);
        return false;
    }
    if (std::size_t bad = find_invalid_utf8(bytes); bad != std::string::npos) {
        line_column_of(bytes, bad, line, column);
        diags.error(path, line, column, "csv-encoding", "this CSV file is not UTF-8 text (a letter such as \u00e9 "
                    "was saved in another encoding)", std::string("Save it as CSV UTF-8. ") + save_as);
        return false;
    }
    std::string first = bytes.substr(0, bytes.find('\n'));
    if (first.find(',') == std::string::npos && first.find(';') != std::string::npos) {
        diags.error(path, 1, 1, "csv-semicolons", "the cells of this CSV file are separated by semicolons, not commas",
                    std::string("Save it again with commas. ") + save_as);
        return false;
    }
    return parse_csv(path, bytes, rows, diags);
}

}  // namespace easyread::report
