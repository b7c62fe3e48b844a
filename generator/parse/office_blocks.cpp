#include "generator/parse/office_blocks.hpp"

#include <algorithm>
#include <optional>

#include "base/text_util.hpp"

namespace easyread::office {

bool Para::has_text() const {
    for (const auto& r : runs)
        if (r.text.find_first_not_of(" \t\n") != std::string::npos) return true;
    return false;
}

bool Para::has_style(const char* name) const { return std::find(styles.begin(), styles.end(), name) != styles.end(); }

std::string Para::plain() const {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return trim(out);
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
    if (file.empty() && kind.rfind("too big", 0) == 0) {
        say_at_paragraph(diags_, Severity::Warning, path_, para_, "picture-left-out",
                         "a picture" + named + " was left out: it is " + kind.substr(9) +
                             ", too big to draw safely (the limit is 50 million pixels)",
                         "Make the picture smaller (a photo for print needs about 1500 pixels across) and insert it again.");
        return;
    }
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

void BlockReader::set_meta(const std::string& key, const std::string& value) {
    for (auto& [k, v] : meta_)
        if (k == key) {
            v = value;
            return;
        }
    meta_.emplace_back(key, value);
}

bool BlockReader::body_paragraph(const Para& p) {
    if (!own_) return true;
    const std::string text = p.plain();
    auto after_line = [&](const std::string& first) {
        const std::size_t nl = text.find('\n');
        if (nl == std::string::npos || text.compare(0, nl, first) != 0) return std::string();
        return trim(text.substr(nl + 1));
    };
    // Each made page starts with its heading; the credits end the back page.
    if (p.heading > 0 && !p.has_style("title") && part_ != Part::Back) {
        if (text == "Contents") part_ = Part::Contents;
        else if (text == "Hard words") part_ = Part::HardWords;
        else if (text == "Contact us") part_ = Part::Back;
        else part_ = Part::Body;
        if (part_ != Part::Body) return false;
    }
    switch (part_) {
    case Part::Cover:
        // Title, subtitle, "This is an easy read version of ...", organisation, date.
        if (p.has_style("title")) set_meta("title", text);
        else if (p.has_style("subtitle")) set_meta("subtitle", text);
        else if (static const std::string of = "This is an easy read version of ";
                 text.compare(0, of.size(), of) == 0 && text.size() > of.size() + 1)
            set_meta("summary_of", text.substr(of.size(), text.size() - of.size() - (text.back() == '.' ? 1 : 0)));
        else if (!text.empty()) cover_lines_.push_back(text);
        return false;
    case Part::Contents:
        return false;
    case Part::Body:
        return true;
    case Part::HardWords:
    case Part::Back:
        if (std::string checked = after_line("This document was checked by:"); !checked.empty())
            set_meta("checked_by", checked);
        else if (part_ == Part::Back && text.find('\n') != std::string::npos && text.compare(0, 9, "Pictures:") != 0) {
            // The contact row: the organisation (or a stock line), then the contact.
            const std::string first = trim(text.substr(0, text.find('\n')));
            if (first != "If you want to know more:") set_meta("organisation", first);
            set_meta("contact", trim(text.substr(text.find('\n') + 1)));
        }
        return false;
    }
    return true;
}

void BlockReader::flush_answers() {
    if (answers_.empty()) return;
    std::vector<std::string> labels;
    for (const auto& a : answers_) labels.push_back(trim(a.plain().substr(0, a.plain().find('\n'))));
    // The shortest run of headings that repeats through all of them.
    std::size_t k = 1;
    auto repeats = [&](std::size_t n) {
        if (labels.size() % n != 0) return false;
        for (std::size_t i = n; i < labels.size(); ++i)
            if (labels[i] != labels[i % n]) return false;
        std::vector<std::string> head(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(n));
        std::sort(head.begin(), head.end());
        return std::adjacent_find(head.begin(), head.end()) == head.end();  // each heading once a row
    };
    while (k <= labels.size() && !repeats(k)) ++k;
    std::vector<Para> held = std::move(answers_);
    answers_.clear();
    if (k > labels.size()) {
        own_ = false;  // not a table: the chunks as they are
        for (const auto& p : held) emit(p);
        own_ = true;
        return;
    }
    std::vector<std::vector<std::string>> cells{std::vector<std::string>(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(k))};
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (i % k == 0) cells.emplace_back();
        // The answer: the runs after the first line break.
        std::vector<TextRun> answer;
        bool past = false;
        for (const auto& r : held[i].runs) {
            if (past) {
                answer.push_back(r);
                continue;
            }
            const std::size_t nl = r.text.find('\n');
            if (nl == std::string::npos) continue;
            past = true;
            TextRun rest = r;
            rest.text = r.text.substr(nl + 1);
            answer.push_back(rest);
        }
        std::string cell = MarkdownBuilder::inline_markdown(answer);
        for (const auto& pic : held[i].pictures) cell += " " + MarkdownBuilder::picture_markdown(pic);
        cells.back().push_back(cell);
    }
    out_.table(cells, held.front().number);
}

void BlockReader::emit(const Para& p) {
    if (own_ && p.heading > 0) flush_answers();
    if (!body_paragraph(p)) return;
    if (own_) {
        const std::string text = p.plain();
        const std::size_t nl = text.find('\n');
        if (p.heading == 0 && !p.list && nl != std::string::npos && nl > 0 && text.find('\n', nl + 1) == std::string::npos) {
            answers_.push_back(p);
            return;
        }
        flush_answers();
    }
    // A picture alone in its paragraph is the picture of the text after it.
    waiting_.insert(waiting_.end(), p.pictures.begin(), p.pictures.end());
    if (p.has_text()) {
        if (p.heading > 0) {
            flush_pictures(p.number);
            // easyread writes the document's title as the only first level,
            // so its "# Section" is Heading 2 there.
            out_.heading(own_ && p.heading > 1 ? p.heading - 1 : p.heading, p.runs, p.number);
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
    // In easyread's own file the first chunk table starts the text (a document with no headings).
    if (own_ && part_ == Part::Cover) part_ = Part::Body;
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
    flush_answers();
    flush_pictures(para_);
    out_.end_list();
    // The cover's other lines: the organisation, then the date (one line
    // alone is the date when it holds a year).
    if (cover_lines_.size() >= 2) {
        set_meta("organisation", cover_lines_[cover_lines_.size() - 2]);
        set_meta("date", cover_lines_.back());
    } else if (cover_lines_.size() == 1) {
        const std::string& l = cover_lines_[0];
        const bool year = l.find_first_of("0123456789") != std::string::npos;
        bool known = false;
        for (const auto& [k, v] : meta_) known = known || (k == "organisation" && v == l);
        if (!known) set_meta(year ? "date" : "organisation", l);
    }
    out_.front_matter(meta_);
}

}  // namespace easyread::office
