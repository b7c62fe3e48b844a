#include "generator/model/build_document.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "generator/parse/attributes.hpp"
#include "base/sentences.hpp"

namespace easyread {

namespace {

struct Builder {
    const ParsedMarkdown& md;
    Diagnostics& diags;
    Document doc;
    bool warned_html = false;
    bool warned_wide_table = false;

    // HTML comments are notes for editors (the drafter writes them): not content.
    static bool is_comment(cmark_node* n) {
        const char* lit = cmark_node_get_literal(n);
        if (!lit) return false;
        std::string s = lit;
        std::size_t a = s.find_first_not_of(" \t\n");
        return a != std::string::npos && s.compare(a, 4, "<!--") == 0;
    }

    int file_line(cmark_node* n) const { return cmark_node_get_start_line(n) + md.line_offset(); }

    void warn(cmark_node* n, const std::string& id, const std::string& msg, const std::string& hint) {
        diags.warning(md.path, file_line(n), std::max(1, cmark_node_get_start_column(n)), id, msg, hint);
    }

    // The text inside an image node: ![these words](symbol:ID).
    static std::string image_words(cmark_node* image) {
        std::string words;
        for (cmark_node* c = cmark_node_first_child(image); c; c = cmark_node_next(c))
            if (const char* lit = cmark_node_get_literal(c)) words += lit;
        auto first = words.find_first_not_of(" \t");
        return first == std::string::npos ? std::string() : words.substr(first, words.find_last_not_of(" \t") + 1 - first);
    }

    // Collects the inline runs under a block node. Images with a symbol: URL
    // become the block's picture request instead of text.
    void collect_inlines(cmark_node* block, Block& out) {
        cmark_iter* it = cmark_iter_new(block);
        cmark_event_type ev;
        int bold = 0;
        std::vector<std::string> links;
        int skip_depth = 0;  // inside an image: its alt text is not body text
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            if (n == block) continue;
            cmark_node_type t = cmark_node_get_type(n);
            bool enter = ev == CMARK_EVENT_ENTER;
            switch (t) {
            case CMARK_NODE_STRONG: bold += enter ? 1 : -1; break;
            case CMARK_NODE_LINK:
                if (enter) links.emplace_back(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
                else if (!links.empty()) links.pop_back();
                break;
            case CMARK_NODE_IMAGE: {
                if (enter) {
                    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    if (url.rfind("symbol:", 0) == 0) {
                        out.picture_request = url.substr(7);
                        out.picture_alt = image_words(n);
                        out.picture_decorative = out.picture_alt.empty();
                    } else {
                        warn(n, "image", "only pictures from the picture bank can be used (" + url + ")",
                             "Write ![words](symbol:ID) or {picture=ID}; see 'easyread pictures --list'.");
                    }
                    ++skip_depth;
                } else {
                    --skip_depth;
                }
                break;
            }
            case CMARK_NODE_HTML_INLINE:
                if (enter && !warned_html && !is_comment(n)) {
                    warned_html = true;
                    warn(n, "raw-html", "raw HTML is left out of easy read documents",
                         "Write it as plain Markdown text.");
                }
                break;
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: {
                if (!enter || skip_depth > 0) break;
                std::string s;
                if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
                    if (const char* lit = cmark_node_get_literal(n)) s = lit;
                } else {
                    s = " ";
                }
                Span span{s, bold > 0, links.empty() ? std::string() : links.back()};
                if (!out.spans.empty() && out.spans.back().bold == span.bold && out.spans.back().link == span.link)
                    out.spans.back().text += s;
                else
                    out.spans.push_back(std::move(span));
                break;
            }
            default:
                break;
            }
        }
        cmark_iter_free(it);
        take_attributes(block, out);
        // Trim the outer whitespace left by breaks and attribute blocks.
        while (!out.spans.empty()) {
            auto& s = out.spans.back().text;
            s.erase(s.find_last_not_of(" \t\n") + 1);
            if (!s.empty()) break;
            out.spans.pop_back();
        }
        while (!out.spans.empty()) {
            auto& s = out.spans.front().text;
            s.erase(0, s.find_first_not_of(" \t\n") == std::string::npos ? s.size() : s.find_first_not_of(" \t\n"));
            if (!s.empty()) break;
            out.spans.erase(out.spans.begin());
        }
    }

    void take_attributes(cmark_node* block, Block& out) {
        if (out.spans.empty()) return;
        Attributes a = take_trailing_attributes(out.spans.back().text);
        if (!a.error.empty()) {
            warn(block, "attributes", a.error, "Write it like {#id picture=house}.");
            return;
        }
        if (!a.present) return;
        out.anchor = a.id;
        if (auto p = a.get("picture"); !p.empty()) out.picture_request = p;
    }

    void add_block(cmark_node* n, Block b) {
        b.line = file_line(n);
        b.column = std::max(1, cmark_node_get_start_column(n));
        if (b.spans.empty() && b.picture_request.empty()) return;
        doc.blocks.push_back(std::move(b));
    }

    static int list_depth(cmark_node* n) {
        int depth = 0;
        for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
            if (cmark_node_get_type(p) == CMARK_NODE_LIST) ++depth;
        return depth;
    }

    void add_table(cmark_node* table) {
        std::vector<std::string> headers;
        bool header_done = false;
        for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
            std::vector<cmark_node*> cells;
            for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c)) cells.push_back(c);
            if (!header_done) {
                header_done = true;
                for (auto* c : cells) headers.push_back(node_plain_text(c));
                if (cells.size() > 6 && !warned_wide_table) {
                    warned_wide_table = true;
                    warn(table, "wide-table",
                         "this table has " + std::to_string(cells.size()) + " columns; each cell becomes its own chunk",
                         "Easy read works best with 2 or 3 columns: question and answers.");
                }
                continue;
            }
            bool first = true;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                Block b;
                b.kind = BlockKind::Answer;
                collect_inlines(cells[i], b);
                if (b.spans.empty() && b.picture_request.empty()) continue;
                b.label = i < headers.size() ? headers[i] : std::string();
                b.row_start = first;
                first = false;
                add_block(cells[i], std::move(b));
            }
        }
    }

    void walk() {
        cmark_iter* it = cmark_iter_new(md.root.get());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(it);
            cmark_node_type t = cmark_node_get_type(n);
            std::string type = node_type_name(n);
            if (type == "table") {
                add_table(n);
                // Skip the table's children: they were handled as rows.
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
                continue;
            }
            if (t == CMARK_NODE_HEADING) {
                Block b;
                b.kind = BlockKind::Heading;
                b.level = cmark_node_get_heading_level(n);
                collect_inlines(n, b);
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_PARAGRAPH) {
                Block b;
                cmark_node* parent = cmark_node_parent(n);
                bool in_item = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                               cmark_node_first_child(parent) == n;
                b.kind = in_item ? BlockKind::ListItem : BlockKind::Text;
                b.level = in_item ? list_depth(n) : 0;
                collect_inlines(n, b);
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_CODE_BLOCK) {
                Block b;
                if (const char* lit = cmark_node_get_literal(n)) b.spans.push_back({lit, false, {}});
                while (!b.spans.empty() && !b.spans[0].text.empty() && b.spans[0].text.back() == '\n')
                    b.spans[0].text.pop_back();
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_HTML_BLOCK && !warned_html && !is_comment(n)) {
                warned_html = true;
                warn(n, "raw-html", "raw HTML is left out of easy read documents", "Write it as plain Markdown text.");
            }
        }
        cmark_iter_free(it);
    }
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The first use of each bold word, explained by the sentence that follows it.
void find_hard_words(Document& doc) {
    std::set<std::string> seen;
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const Block& b = doc.blocks[bi];
        if (b.kind == BlockKind::Heading) continue;
        std::string text = b.plain_text();
        std::size_t offset = 0;
        for (const auto& span : b.spans) {
            std::size_t here = offset;
            offset += span.text.size();
            std::string word = span.text;
            word.erase(word.find_last_not_of(" .,;:!?") + 1);
            word.erase(0, std::min(word.size(), word.find_first_not_of(' ')));
            if (!span.bold || word.empty() || !seen.insert(lower(word)).second) continue;
            // The explanation is the sentence after the one holding the word.
            std::size_t end = text.find_first_of(".!?", here + span.text.size());
            std::string after = end == std::string::npos ? std::string() : text.substr(end + 1);
            auto sentences = sentence_texts(after);
            std::string explanation = sentences.empty() ? std::string() : sentences.front();
            if (explanation.empty() && bi + 1 < doc.blocks.size() &&
                doc.blocks[bi + 1].kind != BlockKind::Heading) {
                auto next = sentence_texts(doc.blocks[bi + 1].plain_text());
                if (!next.empty()) explanation = next.front();
            }
            doc.hard_words.push_back({word, explanation, b.line});
        }
    }
}

}  // namespace

Document build_document(const ParsedMarkdown& md, Diagnostics& diags) {
    Builder b{md, diags, {}};
    b.doc.source_path = md.path;
    b.doc.meta = md.meta;
    b.walk();
    find_hard_words(b.doc);
    return std::move(b.doc);
}

}  // namespace easyread
