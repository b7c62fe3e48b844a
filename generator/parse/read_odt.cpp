// OpenDocument text (.odt) in: headings (text:h, or paragraph styles with an
// outline level), paragraphs, bold and italic (from the text styles), links,
// bulleted and numbered lists with their levels, and tables, as Markdown.
// Tracked changes read as accepted (the deleted text ODF keeps aside is left
// out); notes become "Note: ..." after their paragraph; text in frames, text
// boxes (captions), shapes and formulas follows or joins its paragraph; a
// picture is its paragraph's picture, its description the alt text; the
// generated table of contents is left out; comments and embedded objects
// are left out with a warning naming them.
#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

#include "base/text_util.hpp"
#include "generator/parse/office_blocks.hpp"

namespace easyread::office {

namespace {

struct Style {
    std::string parent, list_style;
    int outline = 0;
    int bold = -1, italic = -1;  // -1: not set here
};

class OdtReader : public BlockReader {
public:
    using BlockReader::BlockReader;

    bool read(const std::string& bytes) {
        Package pkg;
        if (!pkg.open(path_, bytes, diags_)) return false;
        pkg_ = &pkg;
        if (!pkg.has("content.xml")) {
            diags_.error(path_, 0, 0, "not-office-file",
                         "this zip has no content.xml, so it is not an OpenDocument text file",
                         "Open it in LibreOffice or Word and save it as .odt.");
            return false;
        }
        std::string title, lang;
        if (!optional_part(pkg, "styles.xml", [&](const xmlNode* root) { read_styles(root); }) ||
            !optional_part(pkg, "meta.xml", [&](const xmlNode* root) {
                const xmlNode* meta = child(root, "meta");
                title = trim(text_of(child(meta, "title")));
                lang = trim(text_of(child(meta, "language")));
            }))
            return false;
        std::string xml;
        if (!pkg.read("content.xml", xml, diags_)) return false;
        XmlDocument d(parse_xml(path_, "content.xml", xml, diags_));
        if (!d.doc) return false;
        read_styles(d.root());
        const xmlNode* text = child(child(d.root(), "body"), "text");
        if (!text) {
            diags_.error(path_, 0, 0, "not-office-file", "this OpenDocument file has no text (is it a spreadsheet?)",
                         "Give an OpenDocument text file (.odt) from LibreOffice Writer.");
            return false;
        }
        meta_ = {{"title", title}, {"lang", lang}};
        own_ = styles_.count("Easy_20_read_20_text") > 0;
        blocks(text);
        finish();
        return true;
    }

private:
    std::map<std::string, Style> styles_;                   // paragraph and text styles
    std::map<std::string, std::map<int, bool>> list_styles_;  // name -> level -> numbered
    std::vector<int> counters_;

    void read_styles(const xmlNode* root) {
        for (const xmlNode* group = root ? root->children : nullptr; group; group = group->next) {
            if (!is(group, "styles") && !is(group, "automatic-styles")) continue;
            for (const xmlNode* s = group->children; s; s = s->next) {
                if (is(s, "style")) {
                    Style st;
                    st.parent = attr(s, "parent-style-name");
                    st.list_style = attr(s, "list-style-name");
                    st.outline = to_int(attr(s, "default-outline-level"), 0);
                    if (const xmlNode* tp = child(s, "text-properties")) {
                        std::string w = attr(tp, "font-weight");
                        if (!w.empty()) st.bold = w == "bold" || to_int(w, 400) >= 600;
                        std::string i = attr(tp, "font-style");
                        if (!i.empty()) st.italic = i == "italic" || i == "oblique";
                    }
                    styles_[attr(s, "name")] = st;
                } else if (is(s, "list-style")) {
                    auto& levels = list_styles_[attr(s, "name")];
                    for (const xmlNode* l = s->children; l; l = l->next) {
                        int level = to_int(attr(l, "level"), 1);
                        if (is(l, "list-level-style-number")) levels[level] = !attr(l, "num-format").empty();
                        else if (is(l, "list-level-style-bullet") || is(l, "list-level-style-image"))
                            levels[level] = false;
                    }
                }
            }
        }
    }

    template <class F>
    void style_chain(const std::string& name, F&& f) const {
        office::style_chain(styles_, name, f);
    }

    void emphasis(const std::string& style, bool& bold, bool& italic) const {
        int b = -1, i = -1;
        style_chain(style, [&](const Style& s) {
            if (b < 0) b = s.bold;
            if (i < 0) i = s.italic;
            return b >= 0 && i >= 0;
        });
        if (b >= 0) bold = b;
        if (i >= 0) italic = i;
    }

    static bool in_namespace(const xmlNode* n, const char* uri) {
        return n->ns && n->ns->href && std::strcmp(reinterpret_cast<const char*>(n->ns->href), uri) == 0;
    }
    static constexpr const char* kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    static constexpr const char* kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    // The words of the paragraphs under `n` (a comment's), without its author and date.
    static std::string paragraph_words(const xmlNode* n) {
        std::string out;
        for (const xmlNode* c = n->children; c; c = c->next)
            if (is(c, "p") || is(c, "h") || is(c, "list")) out += (out.empty() ? "" : " ") + text_of(c);
        return out;
    }

    void inline_children(const xmlNode* n, Para& out, bool bold, bool italic, const std::string& link) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                std::string t = c->content ? reinterpret_cast<const char*>(c->content) : "";
                // In ODF, white space in text collapses; text:s keeps spaces.
                std::string collapsed;
                for (char ch : t) {
                    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
                    if (ch == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
                    collapsed += ch;
                }
                out.runs.push_back({collapsed, bold, italic, link});
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, "span") || is(c, "a")) {
                bool b = bold, i = italic;
                emphasis(attr(c, "style-name"), b, i);
                std::string href = is(c, "a") ? attr(c, "href") : std::string();
                inline_children(c, out, b, i, href.empty() || href[0] == '#' ? link : href);
            } else if (is(c, "s")) {
                out.runs.push_back({std::string(static_cast<std::size_t>(std::clamp(to_int(attr(c, "c"), 1), 1, 100)), ' '),
                                    bold, italic, link});
            } else if (is(c, "tab") || is(c, "line-break")) {
                out.runs.push_back({is(c, "tab") ? " " : "\n", bold, italic, link});
            } else if (is(c, "note")) {
                const xmlNode* body = child(c, "note-body");
                if (body) out.after.push_back(note(nested([&](std::vector<Para>& into) { paragraphs_in(body, into); }), para_));
            } else if (is(c, "annotation")) {
                left_out(para_, "comment-left-out", "a comment", paragraph_words(c));
            } else if (is(c, "annotation-end") || is(c, "change") || is(c, "change-start") || is(c, "change-end") ||
                       is(c, "bookmark") || is(c, "bookmark-start") || is(c, "bookmark-end") ||
                       is(c, "soft-page-break") || is(c, "reference-mark-start") || is(c, "reference-mark-end") ||
                       is(c, "toc-mark") || is(c, "alphabetical-index-mark")) {
                // The marks of comments, tracked changes, bookmarks and indexes.
            } else if (in_namespace(c, kDraw)) {
                drawing(c, out, bold, italic, {});
            } else {
                // Fields (page numbers, dates, metadata) and ruby: their shown text.
                inline_children(c, out, bold, italic, link);
            }
        }
    }

    // A frame or shape: its picture (with the frame's description), the
    // text in its text box or shape after the paragraph, a formula's text
    // in line, another embedded object left out with a warning.
    void drawing(const xmlNode* n, Para& out, bool bold, bool italic, std::string alt) {
        if (const xmlNode* d = child(n, "desc")) alt = trim(text_of(d));
        if (alt.empty())
            if (const xmlNode* t = child(n, "title")) alt = trim(text_of(t));
        if (is(n, "image")) {
            std::string href = attr(n, "href");
            if (href.rfind("./", 0) == 0) href = href.substr(2);
            if (!href.empty() && href.find("://") == std::string::npos) add_picture(out, href, alt);
            return;
        }
        if (is(n, "object") || is(n, "object-ole")) {
            object(n, out, bold, italic);
            return;
        }
        std::vector<Para> box = nested([&](std::vector<Para>& into) {
            for (const xmlNode* c = n->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                if (in_namespace(c, kText)) {
                    if (is(c, "p") || is(c, "h")) into.push_back(paragraph(c, -1, {}));
                    else if (is(c, "list")) list(c, 0, {}, &into);
                } else if (is(c, "text-box")) {
                    paragraphs_in(c, into);
                } else if (is(c, "table")) {
                    Cell cell;
                    inner_table(c, cell);
                    for (auto& p : cell) into.push_back(std::move(p));
                } else if (!is(c, "desc") && !is(c, "title")) {
                    Para holder;
                    drawing(c, holder, bold, italic, alt);
                    out.runs.insert(out.runs.end(), holder.runs.begin(), holder.runs.end());
                    out.pictures.insert(out.pictures.end(), holder.pictures.begin(), holder.pictures.end());
                    for (auto& a : holder.after) into.push_back(std::move(a));
                }
            }
        });
        take_box_paragraphs(out, std::move(box));
    }

    // A formula (a MathML object): its words and signs in line. Any other
    // embedded object (a chart, a spreadsheet) is left out with a warning.
    void object(const xmlNode* n, Para& out, bool bold, bool italic) {
        std::string href = attr(n, "href");
        if (href.rfind("./", 0) == 0) href = href.substr(2);
        std::string xml;
        Diagnostics quiet;
        if (is(n, "object") && !href.empty() && pkg_ && pkg_->has(href + "/content.xml") &&
            pkg_->read(href + "/content.xml", xml, quiet)) {
            XmlDocument d(parse_xml(path_, href + "/content.xml", xml, quiet));
            if (d.doc && is(d.root(), "math")) {
                std::string text;
                std::function<void(const xmlNode*)> walk = [&](const xmlNode* m) {
                    for (const xmlNode* c = m->children; c; c = c->next) {
                        if (is(c, "annotation") || is(c, "annotation-xml")) continue;
                        if (is(c, "mi") || is(c, "mn") || is(c, "mo") || is(c, "mtext")) text += " " + text_of(c) + " ";
                        else if (c->type == XML_ELEMENT_NODE) walk(c);
                    }
                };
                walk(d.root());
                out.runs.push_back({" " + text + " ", bold, italic, {}});
                return;
            }
        }
        left_out(para_, "object-left-out", "an embedded object (" + (href.empty() ? std::string("OLE") : href) + ")", {});
    }

    Para paragraph(const xmlNode* p, int list_depth, const std::string& list_style) {
        Para out;
        out.number = ++para_;
        const std::string style = attr(p, "style-name");
        // Style names as people see them: "Easy_20_read_20_text" is "easy read text".
        for (std::string cur = style; !cur.empty() && out.styles.size() < 20;) {
            std::string shown = cur;
            for (std::size_t at; (at = shown.find("_20_")) != std::string::npos;) shown.replace(at, 4, " ");
            out.styles.push_back(lower(shown));
            auto it = styles_.find(cur);
            if (it == styles_.end()) break;
            cur = it->second.parent;
        }
        if (is(p, "h")) out.heading = std::max(1, to_int(attr(p, "outline-level"), 1));
        else
            style_chain(style, [&](const Style& s) {
                out.heading = s.outline;
                return s.outline > 0;
            });
        bool bold = false, italic = false;
        if (out.heading == 0) emphasis(style, bold, italic);
        if (list_depth >= 0 && out.heading == 0) {
            out.list = true;
            out.depth = list_depth;
            std::string ls = list_style;
            if (ls.empty())
                style_chain(style, [&](const Style& s) {
                    ls = s.list_style;
                    return !ls.empty();
                });
            auto it = list_styles_.find(ls);
            if (it != list_styles_.end()) {
                auto lv = it->second.find(list_depth + 1);
                out.ordered = lv != it->second.end() && lv->second;
            }
        }
        inline_children(p, out, bold, italic, {});
        return out;
    }

    // Lists: text:list > text:list-item > text:p | text:h | text:list.
    void list(const xmlNode* l, int depth, std::string style, std::vector<Para>* into) {
        if (std::string s = attr(l, "style-name"); !s.empty()) style = s;
        if (depth == 0 && attr(l, "continue-numbering") != "true" && attr(l, "continue-list").empty())
            counters_.clear();
        if (counters_.size() < static_cast<std::size_t>(depth) + 1) counters_.resize(depth + 1, 0);
        counters_.resize(depth + 1);
        for (const xmlNode* item = l->children; item; item = item->next) {
            if (!is(item, "list-item") && !is(item, "list-header")) continue;
            if (is(item, "list-item")) {
                int start = to_int(attr(item, "start-value"), 0);
                counters_.resize(depth + 1);
                counters_[depth] = start > 0 ? start : counters_[depth] + 1;
            }
            for (const xmlNode* c = item->children; c; c = c->next) {
                if (is(c, "p") || is(c, "h")) {
                    Para p = paragraph(c, depth, style);
                    p.item_number = counters_[depth];
                    if (into) into->push_back(std::move(p));
                    else emit(p);
                } else if (is(c, "list")) {
                    list(c, depth + 1, style, into);
                    counters_.resize(depth + 1);
                }
            }
        }
    }

    void blocks(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p") || is(c, "h")) emit(paragraph(c, -1, {}));
            else if (is(c, "list")) list(c, 0, {}, nullptr);
            else if (is(c, "table")) table(c);
            else if (is(c, "section") || is(c, "index-body")) blocks(c);
            // tracked-changes (the deleted text), sequence-decls, forms, table-of-content: left out.
            else if (is(c, "table-of-content")) para_ += count_paragraphs(c);
        }
    }

    static int count_paragraphs(const xmlNode* n) {
        int count = 0;
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p") || is(c, "h")) ++count;
            else if (c->type == XML_ELEMENT_NODE) count += count_paragraphs(c);
        }
        return count;
    }

    void cell_blocks(const xmlNode* n, Cell& out) override {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "p") || is(c, "h")) out.push_back(paragraph(c, -1, {}));
            else if (is(c, "list")) list(c, 0, {}, &out);
            else if (is(c, "table")) inner_table(c, out);
            else if (is(c, "section")) cell_blocks(c, out);
        }
    }

    void rows_of(const xmlNode* n, std::vector<Row>& rows) override {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is(c, "table-header-rows") || is(c, "table-rows") || is(c, "table-row-group")) rows_of(c, rows);
            else if (is(c, "table-row"))
                // A cell covered by a merged one keeps its column, empty.
                rows.push_back(row_of(c, [](const xmlNode* cell) {
                    return is(cell, "table-cell") || is(cell, "covered-table-cell") ? cell : nullptr;
                }));
        }
    }
};

}  // namespace

bool read_odt(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags) {
    return OdtReader(path, out, diags).read(bytes);
}

}  // namespace easyread::office
