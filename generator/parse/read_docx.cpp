// Word (.docx) in: headings by style and outline level, paragraphs, bold and
// italic, bulleted and numbered lists, and tables, as Markdown. Tracked
// changes read as accepted (insertions in, deletions out); comments, field
// codes and text boxes are left out; pictures are left out with a note.
#include <algorithm>
#include <map>
#include <memory>

#include "base/text_util.hpp"
#include "generator/parse/office_reader.hpp"
#include "generator/parse/office_xml.hpp"

namespace easyread::office {

namespace {

bool on(const xmlNode* n) {
    if (!n) return false;
    std::string v = attr(n, "val");
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

struct Style {
    std::string name, based_on;
    int outline = -1;  // 0-based outline level
    int num_id = -1, ilvl = 0;
    bool bold = false, italic = false, has_bold = false, has_italic = false;
};

struct Para {
    int number = 0;
    int heading = 0;  // 1.. for headings
    bool list = false, ordered = false;
    int depth = 0, num_id = -1;
    std::vector<TextRun> runs;
    bool has_text() const {
        for (const auto& r : runs)
            if (r.text.find_first_not_of(" \t") != std::string::npos) return true;
        return false;
    }
};

struct Cell {
    std::vector<Para> paras;
};
using Row = std::vector<Cell>;

class DocxReader {
public:
    DocxReader(const std::string& path, MarkdownBuilder& out, Diagnostics& diags)
        : path_(path), out_(out), diags_(diags) {}

    bool read(const std::string& bytes) {
        Package pkg;
        if (!pkg.open(path_, bytes, diags_)) return false;
        if (!pkg.has("word/document.xml")) {
            diags_.error(path_, 0, 0, "not-office-file",
                         "this zip has no word/document.xml, so it is not a Word document",
                         "Open it in Word or LibreOffice and save it as .docx.");
            return false;
        }
        std::string xml;
        if (pkg.has("word/styles.xml")) {
            if (!pkg.read("word/styles.xml", xml, diags_)) return false;
            XmlDocument d(parse_xml(path_, "word/styles.xml", xml, diags_));
            if (!d.doc) return false;
            read_styles(d.root());
        }
        if (pkg.has("word/numbering.xml")) {
            if (!pkg.read("word/numbering.xml", xml, diags_)) return false;
            XmlDocument d(parse_xml(path_, "word/numbering.xml", xml, diags_));
            if (!d.doc) return false;
            read_numbering(d.root());
        }
        std::string title, lang;
        if (pkg.has("docProps/core.xml")) {
            if (!pkg.read("docProps/core.xml", xml, diags_)) return false;
            XmlDocument d(parse_xml(path_, "docProps/core.xml", xml, diags_));
            if (!d.doc) return false;
            title = trim(text_of(child(d.root(), "title")));
            lang = trim(text_of(child(d.root(), "language")));
        }
        if (!pkg.read("word/document.xml", xml, diags_)) return false;
        XmlDocument d(parse_xml(path_, "word/document.xml", xml, diags_));
        if (!d.doc) return false;
        const xmlNode* body = child(d.root(), "body");
        if (!body) {
            diags_.error(path_, 0, 0, "damaged-file", "word/document.xml has no body",
                         "Open it in Word or LibreOffice and save it again as .docx.");
            return false;
        }
        out_.front_matter(title, lang);
        block_children(body);
        out_.end_list();
        note_pictures_left_out(path_, pictures_, first_picture_para_, diags_);
        return true;
    }

private:
    const std::string& path_;
    MarkdownBuilder& out_;
    Diagnostics& diags_;
    std::map<std::string, Style> styles_;
    std::map<int, int> num_to_abstract_;
    std::map<std::pair<int, int>, std::string> level_format_;  // (abstract, ilvl) -> numFmt
    std::map<std::pair<int, int>, int> level_start_;
    std::map<int, std::vector<int>> counters_;  // numId -> count per level
    int para_ = 0, pictures_ = 0, first_picture_para_ = 0;

    static int to_int(const std::string& s, int fallback) {
        try {
            return s.empty() ? fallback : std::stoi(s);
        } catch (...) {
            return fallback;
        }
    }

    void read_styles(const xmlNode* root) {
        for (const xmlNode* s = root ? root->children : nullptr; s; s = s->next) {
            if (!is(s, "style")) continue;
            Style st;
            st.name = lower(attr(child(s, "name"), "val"));
            st.based_on = attr(child(s, "basedOn"), "val");
            const xmlNode* ppr = child(s, "pPr");
            if (const xmlNode* o = child(ppr, "outlineLvl")) st.outline = to_int(attr(o, "val"), -1);
            if (const xmlNode* np = child(ppr, "numPr")) {
                st.num_id = to_int(attr(child(np, "numId"), "val"), -1);
                st.ilvl = to_int(attr(child(np, "ilvl"), "val"), 0);
            }
            const xmlNode* rpr = child(s, "rPr");
            if (const xmlNode* b = child(rpr, "b")) st.has_bold = true, st.bold = on(b);
            if (const xmlNode* i = child(rpr, "i")) st.has_italic = true, st.italic = on(i);
            styles_[attr(s, "styleId")] = st;
        }
    }

    void read_numbering(const xmlNode* root) {
        for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
            if (is(n, "abstractNum")) {
                int id = to_int(attr(n, "abstractNumId"), -1);
                for (const xmlNode* l = n->children; l; l = l->next) {
                    if (!is(l, "lvl")) continue;
                    int ilvl = to_int(attr(l, "ilvl"), 0);
                    level_format_[{id, ilvl}] = attr(child(l, "numFmt"), "val");
                    level_start_[{id, ilvl}] = to_int(attr(child(l, "start"), "val"), 1);
                }
            } else if (is(n, "num")) {
                num_to_abstract_[to_int(attr(n, "numId"), -1)] = to_int(attr(child(n, "abstractNumId"), "val"), -1);
            }
        }
    }

    // Walks a style and the styles it is based on (at most 20 deep: a loop is damage).
    template <class F>
    void style_chain(const std::string& id, F&& f) const {
        std::string cur = id;
        for (int depth = 0; depth < 20 && !cur.empty(); ++depth) {
            auto it = styles_.find(cur);
            if (it == styles_.end()) return;
            if (f(it->second)) return;
            cur = it->second.based_on;
        }
    }

    int heading_level(const std::string& style_id, const xmlNode* ppr) const {
        if (const xmlNode* o = child(ppr, "outlineLvl")) {
            int v = to_int(attr(o, "val"), 9);
            if (v >= 0 && v < 9) return v + 1;
        }
        int level = 0;
        style_chain(style_id, [&](const Style& s) {
            if (s.name.rfind("heading ", 0) == 0) level = to_int(s.name.substr(8), 0);
            else if (s.name == "title") level = 1;
            else if (s.outline >= 0 && s.outline < 9) level = s.outline + 1;
            return level > 0;
        });
        return level;
    }

    // Text of a paragraph's runs, with tracked changes accepted.
    void inline_children(const xmlNode* n, std::vector<TextRun>& runs, bool bold, bool italic) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, "r")) run(c, runs, bold, italic);
            else if (is(c, "ins") || is(c, "moveTo") || is(c, "hyperlink") || is(c, "smartTag") ||
                     is(c, "customXml") || is(c, "fldSimple") || is(c, "dir") || is(c, "bdo") ||
                     is(c, "sdtContent"))
                inline_children(c, runs, bold, italic);
            else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) inline_children(content, runs, bold, italic);
            }
            // del, moveFrom (deleted text), comment marks, bookmarks, proofing marks: left out.
        }
    }

    void run(const xmlNode* r, std::vector<TextRun>& runs, bool bold, bool italic) {
        const xmlNode* rpr = child(r, "rPr");
        if (const xmlNode* rs = child(rpr, "rStyle")) {
            style_chain(attr(rs, "val"), [&](const Style& s) {
                if (s.has_bold) bold = s.bold;
                if (s.has_italic) italic = s.italic;
                return s.has_bold || s.has_italic;
            });
        }
        if (const xmlNode* b = child(rpr, "b")) bold = on(b);
        if (const xmlNode* i = child(rpr, "i")) italic = on(i);
        TextRun t;
        t.bold = bold;
        t.italic = italic;
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (is(c, "t")) t.text += text_of(c);
            else if (is(c, "tab") || is(c, "br") || is(c, "cr")) t.text += ' ';
            else if (is(c, "noBreakHyphen")) t.text += '-';
            else if (is(c, "drawing") || is(c, "pict") || is(c, "object")) picture();
            else if (is(c, "AlternateContent")) {
                // A picture written twice (new and old form) counts once.
                picture();
            }
            // delText (deleted), instrText (field codes), footnote and comment references: left out.
        }
        runs.push_back(std::move(t));
    }

    void picture() {
        if (pictures_++ == 0) first_picture_para_ = para_;
    }

    Para paragraph(const xmlNode* p) {
        Para out;
        out.number = ++para_;
        const xmlNode* ppr = child(p, "pPr");
        const std::string style = attr(child(ppr, "pStyle"), "val");
        out.heading = heading_level(style, ppr);
        // Paragraph styles may make all their text bold (e.g. "Strong" paragraphs).
        bool bold = false, italic = false;
        style_chain(style, [&](const Style& s) {
            if (s.has_bold) bold = s.bold;
            if (s.has_italic) italic = s.italic;
            return s.has_bold || s.has_italic;
        });
        if (out.heading > 0) bold = italic = false;  // a heading's own weight is not emphasis
        int num_id = -1, ilvl = 0;
        if (const xmlNode* np = child(ppr, "numPr")) {
            num_id = to_int(attr(child(np, "numId"), "val"), -1);
            ilvl = to_int(attr(child(np, "ilvl"), "val"), 0);
        } else {
            style_chain(style, [&](const Style& s) {
                if (s.num_id < 0) return false;
                num_id = s.num_id;
                ilvl = s.ilvl;
                return true;
            });
        }
        std::string style_name;
        style_chain(style, [&](const Style& s) {
            style_name = s.name;
            return true;
        });
        if (num_id > 0 && out.heading == 0) {
            out.list = true;
            out.num_id = num_id;
            out.depth = std::max(0, std::min(ilvl, 8));
            auto abs = num_to_abstract_.find(num_id);
            std::string fmt = abs == num_to_abstract_.end() ? std::string() : level_format_[{abs->second, out.depth}];
            out.ordered = !(fmt.empty() || fmt == "bullet" || fmt == "none");
        } else if (out.heading == 0 && style_name.rfind("list number", 0) == 0) {
            out.list = out.ordered = true;
        } else if (out.heading == 0 && style_name.rfind("list bullet", 0) == 0) {
            out.list = true;
        }
        inline_children(p, out.runs, bold, italic);
        return out;
    }

    int next_number(const Para& p) {
        auto& levels = counters_[p.num_id];
        if (levels.size() < static_cast<std::size_t>(p.depth) + 1) levels.resize(p.depth + 1, 0);
        levels.resize(p.depth + 1);  // a shallower item restarts the deeper levels
        if (levels[p.depth] == 0) {
            auto abs = num_to_abstract_.find(p.num_id);
            int start = abs == num_to_abstract_.end() ? 1 : level_start_[{abs->second, p.depth}];
            levels[p.depth] = start > 0 ? start : 1;
        } else {
            ++levels[p.depth];
        }
        return levels[p.depth];
    }

    void emit(const Para& p) {
        if (!p.has_text()) return;
        if (p.heading > 0) out_.heading(p.heading, p.runs, p.number);
        else if (p.list) out_.list_item(p.depth, p.ordered, p.ordered ? next_number(p) : 0, p.runs, p.number);
        else out_.paragraph(p.runs, p.number);
    }

    void block_children(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p")) emit(paragraph(c));
            else if (is(c, "tbl")) table(c);
            else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) block_children(content);
            } else if (is(c, "customXml") || is(c, "ins") || is(c, "moveTo")) {
                block_children(c);
            }
        }
    }

    void cell_blocks(const xmlNode* n, Cell& cell) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p")) cell.paras.push_back(paragraph(c));
            else if (is(c, "tbl")) {
                // A table in a table: its cells' text, in order.
                std::vector<Row> rows;
                rows_of(c, rows);
                for (auto& r : rows)
                    for (auto& inner : r)
                        for (auto& p : inner.paras) cell.paras.push_back(std::move(p));
            } else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) cell_blocks(content, cell);
            } else if (is(c, "customXml")) {
                cell_blocks(c, cell);
            }
        }
    }

    void rows_of(const xmlNode* tbl, std::vector<Row>& rows) {
        for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
            const xmlNode* row_node = tr;
            if (is(tr, "sdt")) row_node = child(child(tr, "sdtContent"), "tr");
            if (!is(row_node, "tr")) continue;
            Row row;
            for (const xmlNode* tc = row_node->children; tc; tc = tc->next) {
                if (!is(tc, "tc")) continue;
                Cell cell;
                cell_blocks(tc, cell);
                row.push_back(std::move(cell));
            }
            rows.push_back(std::move(row));
        }
    }

    void table(const xmlNode* tbl) {
        std::vector<Row> rows;
        rows_of(tbl, rows);
        if (rows.empty()) return;
        // An easy read layout table (picture left, text right) holds the
        // text itself: read its text column as the document's blocks.
        bool layout = true;
        for (const auto& r : rows) {
            if (r.size() != 2) layout = false;
            else
                for (const auto& p : r[0].paras)
                    if (p.has_text()) layout = false;
        }
        if (layout) {
            for (const auto& r : rows)
                for (const auto& p : r[1].paras) emit(p);
            return;
        }
        std::vector<std::vector<std::string>> cells;
        int first = 0;
        for (const auto& r : rows) {
            std::vector<std::string> line;
            for (const auto& c : r) {
                std::string text;
                for (const auto& p : c.paras) {
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
};

}  // namespace

bool read_docx(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags) {
    return DocxReader(path, out, diags).read(bytes);
}

}  // namespace easyread::office
