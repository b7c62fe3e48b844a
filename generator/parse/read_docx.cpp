// Word (.docx) in: headings by style and outline level, paragraphs, bold and
// italic, bulleted and numbered lists, and tables, as Markdown. Tracked
// changes read as accepted (insertions in, deletions out); comments, field
// codes and text boxes are left out; pictures are left out with a note.
#include <algorithm>
#include <map>
#include <memory>

#include "base/text_util.hpp"
#include "generator/parse/office_blocks.hpp"

namespace easyread::office {

namespace {

bool on(const xmlNode* n) {
    if (!n) return false;
    std::string v = attr(n, "val");
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

struct Style {
    std::string name, parent;  // parent: the style it is based on
    int outline = -1;  // 0-based outline level
    int num_id = -1, ilvl = 0;
    bool bold = false, italic = false, has_bold = false, has_italic = false;
};

class DocxReader : public BlockReader {
public:
    using BlockReader::BlockReader;

    bool read(const std::string& bytes) {
        Package pkg;
        if (!pkg.open(path_, bytes, diags_)) return false;
        if (!pkg.has("word/document.xml")) {
            diags_.error(path_, 0, 0, "not-office-file",
                         "this zip has no word/document.xml, so it is not a Word document",
                         "Open it in Word or LibreOffice and save it as .docx.");
            return false;
        }
        std::string title, lang;
        if (!optional_part(pkg, "word/styles.xml", [&](const xmlNode* root) { read_styles(root); }) ||
            !optional_part(pkg, "word/numbering.xml", [&](const xmlNode* root) { read_numbering(root); }) ||
            !optional_part(pkg, "docProps/core.xml", [&](const xmlNode* root) {
                title = trim(text_of(child(root, "title")));
                lang = trim(text_of(child(root, "language")));
            }))
            return false;
        std::string xml;
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
        finish();
        return true;
    }

private:
    std::map<std::string, Style> styles_;
    std::map<int, int> num_to_abstract_;
    std::map<std::pair<int, int>, std::string> level_format_;  // (abstract, ilvl) -> numFmt
    std::map<std::pair<int, int>, int> level_start_;
    std::map<int, std::vector<int>> counters_;  // numId -> count per level

    void read_styles(const xmlNode* root) {
        for (const xmlNode* s = root ? root->children : nullptr; s; s = s->next) {
            if (!is(s, "style")) continue;
            Style st;
            st.name = lower(attr(child(s, "name"), "val"));
            st.parent = attr(child(s, "basedOn"), "val");
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

    template <class F>
    void style_chain(const std::string& id, F&& f) const {
        office::style_chain(styles_, id, f);
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
            out.list_id = num_id;
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
        auto& levels = counters_[p.list_id];
        if (levels.size() < static_cast<std::size_t>(p.depth) + 1) levels.resize(p.depth + 1, 0);
        levels.resize(p.depth + 1);  // a shallower item restarts the deeper levels
        if (levels[p.depth] == 0) {
            auto abs = num_to_abstract_.find(p.list_id);
            int start = abs == num_to_abstract_.end() ? 1 : level_start_[{abs->second, p.depth}];
            levels[p.depth] = start > 0 ? start : 1;
        } else {
            ++levels[p.depth];
        }
        return levels[p.depth];
    }

    int item_number(const Para& p) override { return p.ordered ? next_number(p) : 0; }

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

    void cell_blocks(const xmlNode* n, Cell& cell) override {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p")) cell.push_back(paragraph(c));
            else if (is(c, "tbl")) inner_table(c, cell);
            else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) cell_blocks(content, cell);
            } else if (is(c, "customXml")) {
                cell_blocks(c, cell);
            }
        }
    }

    void rows_of(const xmlNode* tbl, std::vector<Row>& rows) override {
        for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
            const xmlNode* row_node = tr;
            if (is(tr, "sdt")) row_node = child(child(tr, "sdtContent"), "tr");
            if (!is(row_node, "tr")) continue;
            rows.push_back(row_of(row_node, [](const xmlNode* tc) { return is(tc, "tc") ? tc : nullptr; }));
        }
    }
};

}  // namespace

bool read_docx(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags) {
    return DocxReader(path, out, diags).read(bytes);
}

}  // namespace easyread::office
