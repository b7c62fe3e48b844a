// Word (.docx) in: headings by style and outline level, paragraphs, bold and
// italic, links, bulleted and numbered lists with their levels, and tables,
// as Markdown. Tracked changes read as accepted (insertions in, deletions
// out); footnotes and endnotes become "Note: ..." after their paragraph;
// text in text boxes, shapes and formulas follows its paragraph; a picture
// is the picture of its paragraph (or the next one), its description the alt
// text; field codes are left out (their shown text kept); comments and
// embedded objects are left out with a warning naming them.
#include <algorithm>
#include <map>
#include <functional>
#include <memory>
#include <tuple>

#include "base/file_names.hpp"
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
        pkg_ = &pkg;
        // The main part is the one the package's relationships name (most
        // files: word/document.xml).
        std::string main = "word/document.xml";
        if (!optional_part(pkg, "_rels/.rels", [&](const xmlNode* root) {
                for (const auto& [id, rel] : relationships(root, ""))
                    if (has_ending(rel.type, "/officeDocument") && !rel.external) main = rel.target;
            }))
            return false;
        if (!pkg.has(main)) {
            diags_.error(path_, 0, 0, "not-office-file",
                         "this zip has no " + main + " (its main part), so it is not a Word document",
                         "Open it in Word or LibreOffice and save it as .docx.");
            return false;
        }
        const std::size_t slash = main.rfind('/');
        const std::string folder = slash == std::string::npos ? std::string() : main.substr(0, slash + 1);
        const std::string rels_part = folder + "_rels/" + main.substr(folder.size()) + ".rels";
        if (!optional_part(pkg, rels_part, [&](const xmlNode* root) { rels_ = relationships(root, folder); }))
            return false;
        auto part = [&](const char* type, const std::string& fallback) {
            for (const auto& [id, rel] : rels_)
                if (has_ending(rel.type, (std::string("/") + type).c_str()) && !rel.external) return rel.target;
            return folder + fallback;
        };
        std::string title, lang;
        if (!optional_part(pkg, part("styles", "styles.xml"), [&](const xmlNode* root) { read_styles(root); }) ||
            !optional_part(pkg, part("numbering", "numbering.xml"), [&](const xmlNode* root) { read_numbering(root); }) ||
            !optional_part(pkg, "docProps/core.xml", [&](const xmlNode* root) {
                title = trim(text_of(child(root, "title")));
                lang = trim(text_of(child(root, "language")));
            }))
            return false;
        // Notes and comments are kept parsed while the body refers to them.
        std::vector<std::unique_ptr<XmlDocument>> kept;
        for (const auto& [type, fallback, tag, into] :
             {std::make_tuple("footnotes", "footnotes.xml", "footnote", &footnotes_),
              std::make_tuple("endnotes", "endnotes.xml", "endnote", &endnotes_),
              std::make_tuple("comments", "comments.xml", "comment", &comments_)}) {
            const std::string name = part(type, fallback);
            if (!pkg.has(name)) continue;
            std::string xml;
            if (!pkg.read(name, xml, diags_)) return false;
            kept.push_back(std::make_unique<XmlDocument>(parse_xml(path_, name, xml, diags_)));
            if (!kept.back()->doc) return false;
            for (const xmlNode* n = kept.back()->root()->children; n; n = n->next)
                if (is(n, tag)) (*into)[attr(n, "id")] = n;
        }
        std::string xml;
        if (!pkg.read(main, xml, diags_)) return false;
        XmlDocument d(parse_xml(path_, main, xml, diags_));
        if (!d.doc) return false;
        const xmlNode* body = child(d.root(), "body");
        if (!body) {
            diags_.error(path_, 0, 0, "damaged-file", main + " has no body",
                         "Open it in Word or LibreOffice and save it again as .docx.");
            return false;
        }
        meta_ = {{"title", title}, {"lang", lang}};
        // By the style's name: LibreOffice renames the ids ("Easyreadtext").
        own_ = std::any_of(styles_.begin(), styles_.end(), [](const auto& s) { return s.second.name == "easy read text"; });
        block_children(body);
        finish();
        return true;
    }

private:
    struct Relationship {
        std::string type, target;
        bool external = false;
    };
    // Word's complex field, from its begin to its end mark.
    struct Field {
        std::string instruction;
        bool showing = false;  // past the separate mark: its shown text
    };
    std::map<std::string, Relationship> rels_;  // the main part's, by id
    std::map<std::string, const xmlNode*> footnotes_, endnotes_, comments_;
    std::vector<Field> fields_;
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

    // A part's relationships; targets resolved from `folder` to part names.
    static std::map<std::string, Relationship> relationships(const xmlNode* root, const std::string& folder) {
        std::map<std::string, Relationship> out;
        for (const xmlNode* r = root ? root->children : nullptr; r; r = r->next) {
            if (!is(r, "Relationship")) continue;
            Relationship rel;
            rel.type = attr(r, "Type");
            rel.target = attr(r, "Target");
            rel.external = attr(r, "TargetMode") == "External";
            if (!rel.external) rel.target = resolve(folder, rel.target);
            out[attr(r, "Id")] = rel;
        }
        return out;
    }

    // "media/a.png" from "word/" is "word/media/a.png"; "../x" goes up, "/x" is from the top.
    static std::string resolve(const std::string& folder, const std::string& target) {
        std::vector<std::string> parts;
        std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : folder + target;
        std::size_t at = 0;
        while (at <= path.size()) {
            std::size_t next = path.find('/', at);
            if (next == std::string::npos) next = path.size();
            std::string piece = path.substr(at, next - at);
            if (piece == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!piece.empty() && piece != ".") {
                parts.push_back(piece);
            }
            at = next + 1;
        }
        std::string out;
        for (const auto& piece : parts) out += (out.empty() ? "" : "/") + piece;
        return out;
    }

    // The address of a HYPERLINK field ("HYPERLINK \"https://...\" \o tip"); empty for other fields.
    static std::string field_link(const std::string& instruction) {
        std::string i = trim(instruction);
        if (lower(i).rfind("hyperlink", 0) != 0) return {};
        i = trim(i.substr(9));
        if (i.rfind("\\l", 0) == 0) return {};  // a place in this document
        if (!i.empty() && i[0] == '"') {
            const std::size_t end = i.find('"', 1);
            return end == std::string::npos ? i.substr(1) : i.substr(1, end - 1);
        }
        return i.substr(0, i.find(' '));
    }

    std::string link_of(const xmlNode* hyperlink) const {
        auto it = rels_.find(attr(hyperlink, "id"));
        if (it == rels_.end() || !it->second.external) return {};
        std::string uri = it->second.target;
        if (std::string anchor = attr(hyperlink, "anchor"); !anchor.empty()) uri += "#" + anchor;
        return uri;
    }

    // The link the runs of open fields make (the innermost HYPERLINK field).
    std::string open_field_link() const {
        for (auto f = fields_.rbegin(); f != fields_.rend(); ++f)
            if (f->showing)
                if (std::string uri = field_link(f->instruction); !uri.empty()) return uri;
        return {};
    }
    bool in_field_code() const { return !fields_.empty() && !fields_.back().showing; }

    // Paragraphs inside a paragraph, read apart from the fields open around it.
    template <class F>
    std::vector<Para> nested_paragraphs(F&& read) {
        const auto open = std::move(fields_);
        fields_.clear();
        auto out = nested(read);
        fields_ = open;
        return out;
    }

    // Text of a paragraph's runs, with tracked changes accepted.
    void inline_children(const xmlNode* n, Para& out, bool bold, bool italic, const std::string& link) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, "r")) run(c, out, bold, italic, link);
            else if (is(c, "hyperlink")) {
                const std::string uri = link_of(c);
                inline_children(c, out, bold, italic, uri.empty() ? link : uri);
            } else if (is(c, "fldSimple")) {
                const std::string uri = field_link(attr(c, "instr"));
                inline_children(c, out, bold, italic, uri.empty() ? link : uri);
            } else if (is(c, "ins") || is(c, "moveTo") || is(c, "smartTag") || is(c, "customXml") || is(c, "dir") ||
                       is(c, "bdo") || is(c, "sdtContent"))
                inline_children(c, out, bold, italic, link);
            else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) inline_children(content, out, bold, italic, link);
            } else if (is(c, "oMath") || is(c, "oMathPara")) {
                formula(c, out, bold, italic);
            }
            // del, moveFrom (deleted text), comment marks, bookmarks, proofing marks: left out.
        }
    }

    // A formula's words and signs, spaced, as its text.
    void formula(const xmlNode* n, Para& out, bool bold, bool italic) {
        std::string text;
        std::function<void(const xmlNode*)> walk = [&](const xmlNode* m) {
            for (const xmlNode* c = m->children; c; c = c->next) {
                if (is(c, "t")) text += " " + text_of(c) + " ";
                else if (c->type == XML_ELEMENT_NODE) walk(c);
            }
        };
        walk(n);
        out.runs.push_back({" " + text + " ", bold, italic, {}});
    }

    // Pictures (a:blip, v:imagedata) and text boxes (w:txbxContent) in a
    // drawing; only the first choice of an mc:AlternateContent (the same
    // thing written twice).
    void drawing(const xmlNode* n, Para& out, std::string alt) {
        if (is(n, "AlternateContent")) {
            const xmlNode* pick = child(n, "Choice");
            if (!pick) pick = child(n, "Fallback");
            if (pick) drawing(pick, out, alt);
            return;
        }
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, "docPr")) {
                alt = trim(attr(c, "descr"));
                if (alt.empty()) alt = trim(attr(c, "title"));
            } else if (is(c, "blip") || is(c, "imagedata")) {
                std::string id = attr(c, is(c, "blip") ? "embed" : "id");
                if (alt.empty() && is(c, "imagedata")) alt = trim(attr(c, "title"));
                auto it = rels_.find(id);
                if (it != rels_.end() && !it->second.external) add_picture(out, it->second.target, alt);
                continue;
            } else if (is(c, "txbxContent")) {
                take_box_paragraphs(out, nested_paragraphs([&](std::vector<Para>& into) { paragraphs_in(c, into); }));
                continue;
            } else if (is(c, "OLEObject")) {
                left_out(para_, "object-left-out", "an embedded object (" + attr(c, "ProgID") + ")", {});
                return;
            }
            drawing(c, out, alt);
        }
    }

    void note_reference(const xmlNode* ref, Para& out) {
        const auto& notes = is(ref, "footnoteReference") ? footnotes_ : endnotes_;
        auto it = notes.find(attr(ref, "id"));
        if (it == notes.end()) return;
        const xmlNode* body = it->second;
        out.after.push_back(note(nested_paragraphs([&](std::vector<Para>& into) { paragraphs_in(body, into); }), para_));
    }

    void run(const xmlNode* r, Para& out, bool bold, bool italic, const std::string& link) {
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
        // A link round the run (w:hyperlink), else the HYPERLINK field it shows.
        auto current_link = [&] { return link.empty() ? open_field_link() : link; };
        TextRun t{{}, bold, italic, current_link()};
        auto flush = [&] {
            if (!t.text.empty()) out.runs.push_back(t);
            t.text.clear();
        };
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (is(c, "t")) {
                if (!in_field_code()) t.text += text_of(c);
            } else if (is(c, "tab")) t.text += ' ';
            else if (is(c, "br") || is(c, "cr")) t.text += '\n';
            else if (is(c, "noBreakHyphen")) t.text += '-';
            else if (is(c, "fldChar")) {
                flush();
                const std::string kind = attr(c, "fldCharType");
                if (kind == "begin") fields_.push_back({});
                else if (kind == "separate" && !fields_.empty()) fields_.back().showing = true;
                else if (kind == "end" && !fields_.empty()) fields_.pop_back();
                t.link = current_link();
            } else if (is(c, "instrText")) {
                if (!fields_.empty()) fields_.back().instruction += text_of(c);
            } else if (is(c, "drawing") || is(c, "pict") || is(c, "object") || is(c, "AlternateContent")) {
                flush();
                drawing(c, out, {});
            } else if (is(c, "footnoteReference") || is(c, "endnoteReference")) {
                flush();
                note_reference(c, out);
            } else if (is(c, "commentReference")) {
                auto it = comments_.find(attr(c, "id"));
                if (it != comments_.end()) left_out(para_, "comment-left-out", "a comment", text_of(it->second));
            }
            // delText (deleted text) and the marks of notes and comments: left out.
        }
        flush();
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
        style_chain(style, [&](const Style& s) {
            out.styles.push_back(s.name);
            return false;
        });
        const std::string style_name = out.styles.empty() ? std::string() : out.styles.front();
        if (num_id > 0 && out.heading == 0) {
            out.list = true;
            out.list_id = num_id;
            out.depth = std::max(0, std::min(ilvl, 8));
            auto abs = num_to_abstract_.find(num_id);
            std::string fmt = abs == num_to_abstract_.end() ? std::string() : level_format_[{abs->second, out.depth}];
            out.ordered = !(fmt.empty() || fmt == "bullet" || fmt == "none");
        } else if (out.heading == 0 &&
                   (style_name.rfind("list number", 0) == 0 || style_name.rfind("list bullet", 0) == 0)) {
            // "List Bullet 2" is the second level.
            out.list = true;
            out.ordered = style_name.rfind("list number", 0) == 0;
            out.depth = std::clamp(to_int(style_name.substr(11), 1) - 1, 0, 8);
        }
        inline_children(p, out, bold, italic, {});
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
            // A cell may sit in a content control (w:sdt) or custom XML.
            std::function<const xmlNode*(const xmlNode*)> cell_of = [&](const xmlNode* tc) -> const xmlNode* {
                if (is(tc, "tc")) return tc;
                if (is(tc, "sdt")) return cell_of(child(child(tc, "sdtContent"), "tc"));
                if (is(tc, "customXml")) return cell_of(child(tc, "tc"));
                return nullptr;
            };
            rows.push_back(row_of(row_node, cell_of));
        }
    }
};

}  // namespace

bool read_docx(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags) {
    return DocxReader(path, out, diags).read(bytes);
}

}  // namespace easyread::office
