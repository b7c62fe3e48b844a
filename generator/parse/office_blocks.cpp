#include "generator/parse/office_blocks.hpp"

namespace easyread::office {

bool Para::has_text() const {
    for (const auto& r : runs)
        if (r.text.find_first_not_of(" \t") != std::string::npos) return true;
    return false;
}

int to_int(const std::string& s, int fallback) {
    try {
        return s.empty() ? fallback : std::stoi(s);
    } catch (...) {
        return fallback;
    }
}

bool BlockReader::optional_part(Package& pkg, const std::string& part,
                                const std::function<void(const xmlNode*)>& use) {
    if (!pkg.has(part)) return true;
    std::string xml;
    if (!pkg.read(part, xml, diags_)) return false;
    XmlDocument d(parse_xml(path_, part, xml, diags_));
    if (!d.doc) return false;
    use(d.root());
    return true;
}

void BlockReader::picture() {
    if (pictures_++ == 0) first_picture_para_ = para_;
}

void BlockReader::emit(const Para& p) {
    if (!p.has_text()) return;
    if (p.heading > 0) out_.heading(p.heading, p.runs, p.number);
    else if (p.list) out_.list_item(p.depth, p.ordered, item_number(p), p.runs, p.number);
    else out_.paragraph(p.runs, p.number);
}

void BlockReader::inner_table(const xmlNode* tbl, Cell& into) {
    std::vector<Row> rows;
    rows_of(tbl, rows);
    for (auto& r : rows)
        for (auto& cell : r)
            for (auto& p : cell) into.push_back(std::move(p));
}

void BlockReader::table(const xmlNode* tbl) {
    std::vector<Row> rows;
    rows_of(tbl, rows);
    if (rows.empty()) return;
    bool layout = true;
    for (const auto& r : rows) {
        if (r.size() != 2) layout = false;
        else
            for (const auto& p : r[0])
                if (p.has_text()) layout = false;
    }
    if (layout) {
        for (const auto& r : rows)
            for (const auto& p : r[1]) emit(p);
        return;
    }
    std::vector<std::vector<std::string>> cells;
    int first = 0;
    for (const auto& r : rows) {
        std::vector<std::string> line;
        for (const auto& c : r) {
            std::string text;
            for (const auto& p : c) {
                if (!first) first = p.number;
                std::string t = MarkdownBuilder::inline_markdown(p.runs);
                if (t.empty()) continue;
                if (!text.empty()) text += ' ';
                text += t;
            }
            line.push_back(text);
        }
        cells.push_back(std::move(line));
    }
    out_.table(cells, first);
}

void BlockReader::finish() {
    out_.end_list();
    note_pictures_left_out(path_, pictures_, first_picture_para_, diags_);
}

}  // namespace easyread::office
