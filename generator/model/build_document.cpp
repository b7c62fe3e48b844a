#include "generator/model/build_document.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/file_names.hpp"
#include "base/source_text.hpp"
#include "base/text_util.hpp"
#include "generator/model/find_hard_words.hpp"
#include "generator/model/markdown_source_warnings.hpp"
#include "generator/parse/attributes.hpp"
#include "symbols/bank.hpp"

namespace easyread {

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Lines of the whole file, to map cmark's body positions back to the file.
class LineMap {
public:
    explicit LineMap(const std::string& text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = find_line_break(text, 0); i != std::string::npos; i = find_line_break(text, i)) {
            ends_.push_back(i);
            i = after_line_break(text, i);
            starts_.push_back(i);
        }
        ends_.push_back(text.size());
    }
    // The text of a 1-based file line, without its line break.
    std::string_view line(int n) const {
        if (n < 1 || n > static_cast<int>(starts_.size())) return {};
        std::size_t a = starts_[n - 1];
        return std::string_view(text_).substr(a, ends_[n - 1] - a);
    }

private:
    const std::string& text_;
    std::vector<std::size_t> starts_;
    std::vector<std::size_t> ends_;  // where each line's break (or the text) begins
};

// HTML comments are notes for editors (the drafter writes them): not content.
bool is_comment(cmark_node* n) {
    const char* lit = cmark_node_get_literal(n);
    if (!lit) return false;
    std::string s = lit;
    std::size_t a = s.find_first_not_of(" \t\n");
    return a != std::string::npos && s.compare(a, 4, "<!--") == 0;
}

// The text inside an image node: ![these words](symbol:ID).
std::string image_words(cmark_node* image) {
    std::string words;
    for (cmark_node* c = cmark_node_first_child(image); c; c = cmark_node_next(c))
        if (const char* lit = cmark_node_get_literal(c)) words += lit;
    auto first = words.find_first_not_of(" \t");
    return first == std::string::npos ? std::string() : words.substr(first, words.find_last_not_of(" \t") + 1 - first);
}

// A numbered list's item keeps its number (steps in order stay numbered);
// 0 for a bullet list.
int item_number(cmark_node* item) {
    cmark_node* list = cmark_node_parent(item);
    if (!list || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return 0;
    int number = cmark_node_get_list_start(list);
    for (cmark_node* s = cmark_node_first_child(list); s && s != item; s = cmark_node_next(s)) ++number;
    return std::max(number, 0);
}

int list_depth(cmark_node* n) {
    int depth = 0;
    for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
        if (cmark_node_get_type(p) == CMARK_NODE_LIST) ++depth;
    return depth;
}

// One block's inlines, read once into both what is shown (the chunk: runs
// of text, bold or linked) and what was written (plain text with the
// position of every byte, for the checks).
struct Reading {
    Block chunk;
    WrittenBlock written;
    FilePos last;  // the position of the last byte read
};

struct Builder {
    const ParsedMarkdown& md;
    Diagnostics& diags;
    LineMap lines;
    Document doc;
    bool warned_html = false;
    bool warned_wide_table = false;
    // Reading column headings (they become labels, not chunks) or a note
    // where cmark put it (it is shown after the chunk that refers to it):
    // their problems are not reported there; the checks still read their words.
    bool quiet = false;
    bool in_note = false;  // inside a note's definition: its text as written only
    // GFM footnotes: each definition by its label, and the labels a block
    // being read refers to. Easy read has no footnotes: a note is a chunk
    // "Note: ..." right after the chunk that refers to it.
    std::map<std::string, cmark_node*> note_definitions;
    std::set<std::string> notes_placed;
    std::vector<std::string> notes_referred;

    // An HTML comment block runs to the end of the line its "-->" is on, so
    // words written after it there are not read as text: say so.
    void comment_ended_line(cmark_node* n) {
        if (quiet) return;
        const char* lit = cmark_node_get_literal(n);
        std::string s = lit ? lit : "";
        std::size_t end = s.rfind("-->");
        if (end == std::string::npos) return;
        std::string after = trim(s.substr(end + 3));
        if (after.empty()) return;
        int line = file_line(n);
        for (std::size_t i = 0; i < end; ++i) line += s[i] == '\n';
        diags.warning(md.path, line, 1, "comment-text",
                      "the words after the HTML comment on this line are left out (\"" + after.substr(0, 40) + "\")",
                      "Put the comment on a line of its own, with a blank line after it.");
    }

    int file_line(cmark_node* n) const { return cmark_node_get_start_line(n) + md.line_offset(); }

    void warn(cmark_node* n, const std::string& id, const std::string& msg, const std::string& hint) {
        if (quiet) return;
        diags.warning(md.path, file_line(n), std::max(1, cmark_node_get_start_column(n)), id, msg, hint);
    }

    int char_column(int line, int byte_col) const {
        std::string_view l = lines.line(line);
        int col = 1;
        for (int i = 0; i < byte_col && i < static_cast<int>(l.size()); ++i)
            if (!continuation_byte(l[static_cast<std::size_t>(i)])) ++col;
        return col;
    }

    FilePos node_pos(const Reading& r, cmark_node* n) const {
        int line = cmark_node_get_start_line(n);
        if (line <= 0) return r.last;
        return {line + md.line_offset(), char_column(line + md.line_offset(), cmark_node_get_start_column(n) - 1)};
    }

    static void append_char(Reading& r, char c, FilePos p) {
        r.written.text += c;
        r.written.pos.push_back(p);
        r.last = p;
    }

    // Lines up the literal with the source line so escapes and entities
    // ("\*", "&amp;") still leave every other byte at its real column.
    void append_literal(Reading& r, cmark_node* n, const std::string& s) const {
        if (s.empty()) return;
        int body_line = cmark_node_get_start_line(n);
        if (body_line <= 0) {
            for (char c : s) append_char(r, c, {r.last.line, r.last.column + (continuation_byte(c) ? 0 : 1)});
            return;
        }
        int line = body_line + md.line_offset();
        std::string_view src = lines.line(line);
        std::size_t k = static_cast<std::size_t>(std::max(0, cmark_node_get_start_column(n) - 1));
        int col = char_column(line, static_cast<int>(k));
        std::size_t col_at = k;  // byte offset `col` refers to
        for (char c : s) {
            std::size_t found = std::string::npos;
            for (std::size_t j = k; j < src.size() && j < k + 8; ++j)
                if (src[j] == c) {
                    found = j;
                    break;
                }
            std::size_t at = found == std::string::npos ? k : found;
            while (col_at < at && col_at < src.size()) {
                if (!continuation_byte(src[col_at])) ++col;
                ++col_at;
            }
            // A byte inside a multi-byte character takes the character's column.
            append_char(r, c, {line, continuation_byte(c) ? r.last.column : col});
            if (found != std::string::npos) k = found + 1;
        }
    }

    // Reads the inline runs under a block node. Images with a symbol: URL
    // become the block's picture request instead of text.
    Reading read(cmark_node* block) {
        Reading r;
        Block& out = r.chunk;
        WrittenBlock& w = r.written;
        w.at = {file_line(block), cmark_node_get_start_column(block)};
        r.last = w.at;
        cmark_iter* it = cmark_iter_new(block);
        cmark_event_type ev;
        int bold = 0;
        int line = 0;  // lines into the block, counted at each line break
        std::vector<std::string> links;
        std::vector<std::size_t> starts;  // where each open bold or italic run began in `w.text`
        int skip_depth = 0;  // inside an image or struck-out words: not body text
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            if (n == block) continue;
            cmark_node_type t = cmark_node_get_type(n);
            bool enter = ev == CMARK_EVENT_ENTER;
            switch (t) {
            case CMARK_NODE_STRONG:
            case CMARK_NODE_EMPH:
                if (t == CMARK_NODE_STRONG) bold += enter ? 1 : -1;
                if (skip_depth > 0) break;
                if (enter) {
                    starts.push_back(w.text.size());
                } else {
                    (t == CMARK_NODE_STRONG ? w.bold : w.italic).push_back({starts.back(), w.text.size()});
                    starts.pop_back();
                }
                break;
            case CMARK_NODE_LINK:
                if (enter) links.emplace_back(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
                else if (!links.empty()) links.pop_back();
                break;
            case CMARK_NODE_IMAGE: {
                if (enter) {
                    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    const bool symbol = url.rfind("symbol:", 0) == 0;
                    if (symbol) {
                        out.picture_request = url.substr(7);
                        out.picture_alt = image_words(n);
                        out.picture_decorative = out.picture_alt.empty();
                    } else if (local_picture(n, url, out)) {
                        // ![my photo](photo.png): a picture file beside the document.
                    } else {
                        warn(n, "image", "only pictures from the picture bank can be used (" + url + ")",
                             "Write ![words](symbol:ID) or {picture=ID}; see 'easyread pictures --list'.");
                    }
                    if (skip_depth == 0) {
                        // A picture of the user's own is kept as written; the build reports if it is not usable.
                        w.picture = symbol ? url.substr(7) : url;
                        w.picture_at = node_pos(r, n);
                    }
                    ++skip_depth;
                } else {
                    --skip_depth;
                }
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                if (enter && skip_depth == 0 && !quiet)
                    if (const char* label = cmark_node_get_literal(n)) notes_referred.emplace_back(label);
                break;
            case CMARK_NODE_HTML_INLINE:
                if (!enter) break;
                if (!quiet && !warned_html && !is_comment(n)) {
                    warned_html = true;
                    warn(n, "raw-html", "raw HTML is left out of easy read documents",
                         "Write it as plain Markdown text.");
                }
                if (const char* lit = cmark_node_get_literal(n); lit && skip_depth == 0)
                    w.html.push_back({lit, node_pos(r, n)});
                break;
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: {
                if (!enter || skip_depth > 0) break;
                std::string s;
                if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
                    if (const char* lit = cmark_node_get_literal(n)) s = lit;
                    append_literal(r, n, s);
                } else {
                    s = " ";
                    ++line;
                    append_char(r, ' ', {r.last.line, r.last.column + 1});
                }
                Span span{s, bold > 0, links.empty() ? std::string() : links.back(), line};
                if (!out.spans.empty() && out.spans.back().bold == span.bold && out.spans.back().link == span.link)
                    out.spans.back().text += s;
                else
                    out.spans.push_back(std::move(span));
                break;
            }
            default:
                // ~~struck~~ words are withdrawn: printed as ordinary text they
                // would flip the meaning ("will ~~close~~ stay open"), and not checked.
                if (node_type_name(n) == "strikethrough") {
                    if (enter) {
                        ++skip_depth;
                        warn(n, "struck-text", "the struck-out words \"" + node_plain_text(n) + "\" are left out",
                             "Delete them, or write what changed in words: \"We will stay open (we said we would close)\".");
                    } else {
                        --skip_depth;
                    }
                }
                break;
            }
        }
        cmark_iter_free(it);
        take_attributes(block, r);
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
        return r;
    }

    // A relative path to a PNG, JPEG or SVG beside the Markdown file becomes
    // the chunk's picture, its words the alt text. True when the URL names a
    // local file at all (a problem with it is a warning here).
    bool local_picture(cmark_node* image, const std::string& url, Block& out) {
        if (url.empty() || url.find("://") != std::string::npos || url.rfind("data:", 0) == 0 ||
            url.rfind("mailto:", 0) == 0)
            return false;
        const std::string path = beside_document(md.path, url);
        if (!symbols::is_local_picture_file(path)) {
            warn(image, "image", "a picture file must be PNG, JPEG or SVG (" + url + ")",
                 "Save it as .png, .jpg or .svg beside the Markdown file, or use ![words](symbol:ID).");
            return true;
        }
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            warn(image, "image", "the picture file " + url + " is not there",
                 "Put the picture beside the Markdown file, or write the path from the Markdown file's folder.");
            return true;
        }
        out.picture_request = symbols::Bank::kLocalPicturePrefix + path;
        out.picture_alt = image_words(image);
        out.picture_decorative = out.picture_alt.empty();
        return true;
    }

    // "Words {#id picture=house}": the block's own attributes, read off the
    // end of its text and taken out of both the written text and the chunk.
    void take_attributes(cmark_node* block, Reading& r) {
        WrittenBlock& w = r.written;
        const std::string original = w.text;
        Attributes a = take_trailing_attributes(w.text);
        if (!a.present && a.error.empty()) return;
        w.attributes = a;
        w.attributes_at = w.where(original.rfind('{'));
        for (auto* ranges : {&w.bold, &w.italic})
            for (auto& range : *ranges) range.end = std::min(range.end, w.text.size());
        if (!a.error.empty()) {
            warn(block, "attributes", a.error, "Write it like {#id picture=house}.");
            return;
        }
        w.pos.resize(w.text.size());
        r.chunk.anchor = a.id;
        if (auto p = a.get("picture"); !p.empty()) {
            w.picture = p;
            w.picture_at = w.attributes_at;
            r.chunk.picture_request = p;
        }
        // The same bytes come off the end of the chunk's runs.
        for (std::size_t cut = original.size() - w.text.size(); cut > 0 && !r.chunk.spans.empty();) {
            std::string& last = r.chunk.spans.back().text;
            const std::size_t n = std::min(cut, last.size());
            last.erase(last.size() - n);
            cut -= n;
            if (cut > 0) r.chunk.spans.pop_back();
        }
    }

    void add_block(cmark_node* n, Block b) {
        if (in_note) return;
        b.line = file_line(n);
        b.column = std::max(1, cmark_node_get_start_column(n));
        std::vector<std::string> notes;
        notes.swap(notes_referred);
        if (!b.spans.empty() || !b.picture_request.empty()) doc.blocks.push_back(std::move(b));
        for (const auto& label : notes) add_note(label);
    }

    // Keeps the text as written and, when it has words or a picture, the chunk.
    void keep(cmark_node* n, Reading r) {
        doc.written.push_back(std::move(r.written));
        r.chunk.written = static_cast<int>(doc.written.size()) - 1;
        add_block(n, std::move(r.chunk));
    }

    // The note's own paragraphs, the first starting "Note:", once, after the
    // first chunk that refers to it. (Its text as written is where cmark put
    // the definition, at the end: walk()).
    void add_note(const std::string& label) {
        auto it = note_definitions.find(label);
        if (it == note_definitions.end() || !notes_placed.insert(label).second) return;
        bool first = true;
        for (cmark_node* c = cmark_node_first_child(it->second); c; c = cmark_node_next(c)) {
            Block b = read(c).chunk;
            b.kind = BlockKind::Text;
            if (b.spans.empty()) continue;
            if (first) b.spans.insert(b.spans.begin(), Span{"Note: ", false, {}});
            first = false;
            add_block(c, std::move(b));
        }
    }

    void add_table(cmark_node* table) {
        cmark_node* header = cmark_node_first_child(table);
        // A table with only its heading row has no answers under the
        // headings: its cells are the text (as a one-row Word table's are).
        if (header && !cmark_node_next(header)) {
            for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c)) {
                Reading r = read(c);
                r.written.kind = BlockKind::Answer;
                r.written.table_row = 0;
                if (!r.written.text.empty() || !r.written.picture.empty()) {
                    doc.written.push_back(std::move(r.written));
                    r.chunk.written = static_cast<int>(doc.written.size()) - 1;
                }
                r.chunk.kind = BlockKind::Text;
                add_block(c, std::move(r.chunk));
            }
            return;
        }
        // A heading over a column with nothing under it would vanish: say so.
        std::vector<bool> column_has_text;
        for (cmark_node* row = header ? cmark_node_next(header) : nullptr; row; row = cmark_node_next(row)) {
            std::size_t i = 0;
            for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c), ++i) {
                if (column_has_text.size() <= i) column_has_text.resize(i + 1, false);
                if (!trim(node_plain_text(c)).empty() || cmark_node_first_child(c)) column_has_text[i] = true;
            }
        }
        if (header) {
            std::size_t i = 0;
            for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c), ++i) {
                const std::string heading = trim(node_plain_text(c));
                if (!heading.empty() && (i >= column_has_text.size() || !column_has_text[i]))
                    warn(c, "empty-column",
                         "the table column \"" + heading + "\" has nothing under its heading, so it is left out",
                         "Write the answers in that column, or write the heading as a sentence before the table.");
            }
        }
        std::vector<std::string> headers;
        int row_number = 0;  // 0 is the header row
        for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row), ++row_number) {
            std::vector<cmark_node*> cells;
            for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c)) cells.push_back(c);
            bool first = true;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (row_number == 0) headers.push_back(node_plain_text(cells[i]));
                const bool was_quiet = quiet;
                quiet = quiet || row_number == 0;
                Reading r = read(cells[i]);
                quiet = was_quiet;
                r.written.kind = BlockKind::Answer;
                r.written.table_row = row_number;
                if (!r.written.text.empty() || !r.written.picture.empty()) {
                    doc.written.push_back(std::move(r.written));
                    r.chunk.written = static_cast<int>(doc.written.size()) - 1;
                }
                if (row_number == 0 || in_note || (r.chunk.spans.empty() && r.chunk.picture_request.empty())) continue;
                r.chunk.kind = BlockKind::Answer;
                r.chunk.label = i < headers.size() ? headers[i] : std::string();
                r.chunk.row_start = first;
                first = false;
                add_block(cells[i], std::move(r.chunk));
            }
            if (row_number == 0 && cells.size() > 6 && !warned_wide_table) {
                warned_wide_table = true;
                warn(table, "wide-table",
                     "this table has " + std::to_string(cells.size()) + " columns; each cell becomes its own chunk",
                     "Easy read works best with 2 or 3 columns: question and answers.");
            }
        }
    }

    void walk() {
        // cmark-gfm numbers the notes in the order they are first referred
        // to ("1", "2", ...: the reference's literal) and puts their
        // definitions at the end of the document in that order.
        int number = 0;
        for (cmark_node* c = cmark_node_first_child(md.root.get()); c; c = cmark_node_next(c))
            if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
                note_definitions.emplace(std::to_string(++number), c);
        warn_unreferenced_notes(md, diags);
        warn_character_references(md, diags);
        walk_from(md.root.get());
    }

    void walk_from(cmark_node* root) {
        cmark_iter* it = cmark_iter_new(root);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(it);
            cmark_node_type t = cmark_node_get_type(n);
            std::string type = node_type_name(n);
            if (t == CMARK_NODE_FOOTNOTE_DEFINITION && !in_note) {
                // Its chunks come after the chunk that refers to it (add_note);
                // its text as written is checked here, where cmark put it.
                quiet = in_note = true;
                walk_from(n);
                quiet = in_note = false;
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
                continue;
            }
            if (type == "table") {
                add_table(n);
                // Skip the table's children: they were handled as rows.
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
                continue;
            }
            if (t == CMARK_NODE_HEADING) {
                Reading r = read(n);
                r.written.kind = r.chunk.kind = BlockKind::Heading;
                r.written.level = r.chunk.level = cmark_node_get_heading_level(n);
                keep(n, std::move(r));
            } else if (t == CMARK_NODE_PARAGRAPH) {
                cmark_node* parent = cmark_node_parent(n);
                const bool in_item = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
                // An item's first paragraph is the item; later ones are text of their own.
                const bool item = in_item && cmark_node_first_child(parent) == n;
                Reading r = read(n);
                r.written.kind = in_item ? BlockKind::ListItem : BlockKind::Text;
                r.chunk.kind = item ? BlockKind::ListItem : BlockKind::Text;
                r.chunk.level = item ? list_depth(n) : 0;
                r.chunk.number = r.written.list_number = item ? item_number(parent) : 0;
                // "- [x] Book the room": a task list says in words which are done.
                if (item && node_type_name(parent) == "tasklist" && !r.chunk.spans.empty())
                    r.chunk.spans.insert(r.chunk.spans.begin(),
                                         Span{cmark_gfm_extensions_get_tasklist_item_checked(parent) ? "Done: " : "To do: ",
                                              false, {}});
                keep(n, std::move(r));
            } else if (t == CMARK_NODE_CODE_BLOCK) {
                Block b;
                if (const char* lit = cmark_node_get_literal(n)) b.spans.push_back({lit, false, {}});
                while (!b.spans.empty() && !b.spans[0].text.empty() && b.spans[0].text.back() == '\n')
                    b.spans[0].text.pop_back();
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_HTML_BLOCK) {
                if (const char* lit = cmark_node_get_literal(n)) doc.html_blocks.push_back({lit, {file_line(n), 1}});
                if (is_comment(n)) {
                    comment_ended_line(n);
                } else if (!warned_html && !quiet) {
                    warned_html = true;
                    warn(n, "raw-html", "raw HTML is left out of easy read documents",
                         "Write it as plain Markdown text.");
                }
            }
        }
        cmark_iter_free(it);
    }
};

}  // namespace

Document build_document(const SourceText& src, const ParsedMarkdown& md, Diagnostics& diags) {
    Builder b{md, diags, LineMap(src.text), {}, false, false, false, false, {}, {}, {}};
    b.doc.source_path = md.path;
    b.doc.meta = md.meta;
    b.walk();
    // A bold word's column: its bold marks on its line, as an editor counts.
    find_hard_words(b.doc, diags, [&b](int line, const std::string& word) {
        const std::string_view text = b.lines.line(line);
        std::size_t at = text.find("**" + word);
        if (at == std::string_view::npos) at = text.find("__" + word);
        if (at == std::string_view::npos) at = text.find(word);
        return at == std::string_view::npos ? 0 : b.char_column(line, static_cast<int>(at));
    });
    return std::move(b.doc);
}

}  // namespace easyread
