#include "generator/parse/office_blocks.hpp"

#include <algorithm>
#include <optional>

#include "base/text_util.hpp"

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

void BlockReader::add_picture(Para& into, const std::string& part, const std::string& alt) {
    const std::string named = alt.empty() ? std::string() : " (\"" + alt + "\")";
    std::string bytes, kind;
    Diagnostics quiet;  // a missing or damaged picture part is this warning, not an error
    if (!pkg_ || !pkg_->has(part) || !pkg_->read(part, bytes, quiet)) {
        say_at_paragraph(diags_, Severity::Warning, path_, para_, "picture-left-out",
                         "a picture" + named + " was left out: its file " + part + " is missing or damaged",
                         "Insert the picture again in Word or LibreOffice, or choose one with {picture=ID}.");
        return;
    }
    const std::string file = save_picture(bytes, kind);
    if (file.empty()) {
        say_at_paragraph(diags_, Severity::Warning, path_, para_, "picture-left-out",
                         "a picture" + named + " was left out: it is " +
                             (kind == "unknown" ? std::string("in a format easyread cannot read") : "a " + kind + " file"),
                         "Save the picture as PNG or JPEG and insert it again, or choose one with {picture=ID}.");
        return;
    }
    into.pictures.push_back({file, alt});
}

void BlockReader::left_out(int para, const std::string& id, const std::string& what, const std::string& words) {
    std::string shown = trim(words);
    for (char& c : shown)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    say_at_paragraph(diags_, Severity::Warning, path_, para, id,
                     what + " was left out" + (shown.empty() ? std::string() : ": \"" + shown + "\""),
                     "If readers need these words, write them into the text.");
}

Para BlockReader::note(const std::vector<Para>& body, int para) {
    Para out;
    out.number = para;
    out.runs.push_back({"Note: ", false, false, {}});
    for (const auto& p : body) {
        if (!p.has_text()) continue;
        if (out.runs.size() > 1) out.runs.push_back({" ", false, false, {}});
        out.runs.insert(out.runs.end(), p.runs.begin(), p.runs.end());
    }
    for (const auto& p : body) out.pictures.insert(out.pictures.end(), p.pictures.begin(), p.pictures.end());
    return out;
}

void BlockReader::take_box_paragraphs(Para& into, std::vector<Para> box) {
    for (auto& p : box) {
        into.pictures.insert(into.pictures.end(), p.pictures.begin(), p.pictures.end());
        p.pictures.clear();
        into.after.push_back(std::move(p));
    }
}

void BlockReader::flush_pictures(int para) {
    for (const auto& pic : waiting_) out_.picture_only(pic, para);
    waiting_.clear();
}

void BlockReader::emit(const Para& p) {
    // A picture alone in its paragraph is the picture of the text after it.
    waiting_.insert(waiting_.end(), p.pictures.begin(), p.pictures.end());
    if (p.has_text()) {
        if (p.heading > 0) {
            flush_pictures(p.number);
            out_.heading(p.heading, p.runs, p.number);
        } else {
            std::optional<Picture> own;
            if (!waiting_.empty()) {
                own = waiting_.front();
                waiting_.erase(waiting_.begin());
            }
            const Picture* pic = own ? &*own : nullptr;
            if (p.list) out_.list_item(p.depth, p.ordered, item_number(p), p.runs, p.number, pic);
            else out_.paragraph(p.runs, p.number, pic);
            // More than one picture: the others are chunks of their own.
            flush_pictures(p.number);
        }
    }
    for (const auto& a : p.after) emit(a);
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
    auto cell_has_text = [](const Cell& c) {
        return std::any_of(c.begin(), c.end(), [](const Para& p) { return p.has_text(); });
    };
    // An easy read layout table (picture left, text right) holds the text
    // itself: its text column is the document's blocks, the picture beside
    // each text its picture.
    bool layout = true;
    for (const auto& r : rows)
        if (r.size() != 2 || cell_has_text(r[0])) layout = false;
    if (layout) {
        for (auto& r : rows) {
            std::vector<Picture> left;
            for (auto& p : r[0]) left.insert(left.end(), p.pictures.begin(), p.pictures.end());
            for (auto& p : r[1]) {
                if (!left.empty() && p.has_text()) {
                    p.pictures.insert(p.pictures.begin(), left.begin(), left.end());
                    left.clear();
                }
                emit(p);
            }
            for (const auto& pic : left) out_.picture_only(pic, para_);
        }
        return;
    }
    // A one-row table has no body under its heading row: its cells are paragraphs.
    if (rows.size() == 1) {
        for (auto& c : rows[0])
            for (auto& p : c) {
                p.heading = 0;
                p.list = false;
                emit(p);
            }
        return;
    }
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    // A column with a heading but no text under it would lose the heading.
    std::vector<bool> keep(cols, false);
    for (std::size_t c = 0; c < cols; ++c)
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (c < rows[i].size() && cell_has_text(rows[i][c])) keep[c] = true;
    std::vector<std::vector<std::string>> cells;
    std::vector<Para> after;
    int first = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < rows[i].size(); ++c) {
            std::string text;
            for (auto& p : rows[i][c]) {
                if (!first) first = p.number;
                std::string t = MarkdownBuilder::inline_markdown(p.runs);
                if (!keep[c] && !t.empty()) {
                    left_out(p.number, "empty-column", "a table column with no text under its heading", t);
                    t.clear();
                }
                // Pictures and notes in cells follow the table.
                if (!p.pictures.empty() || !p.after.empty()) {
                    Para rest;
                    rest.number = p.number;
                    rest.pictures = std::move(p.pictures);
                    rest.after = std::move(p.after);
                    after.push_back(std::move(rest));
                }
                if (t.empty()) continue;
                if (!text.empty()) text += ' ';
                text += t;
            }
            if (keep[c]) line.push_back(text);
        }
        cells.push_back(std::move(line));
    }
    out_.table(cells, first);
    for (const auto& p : after) emit(p);
}

void BlockReader::finish() {
    flush_pictures(para_);
    out_.end_list();
}

}  // namespace easyread::office
