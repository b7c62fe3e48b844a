#include "generator/model/build_document.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "base/file_names.hpp"
#include "base/sentences.hpp"
#include "base/source_text.hpp"
#include "base/text_util.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/naming.hpp"
#include "generator/parse/attributes.hpp"
#include "symbols/bank.hpp"

namespace easyread {

namespace {

struct Builder {
    const ParsedMarkdown& md;
    Diagnostics& diags;
    Document doc;
    bool warned_html = false;
    bool warned_wide_table = false;
    // GFM footnotes: each definition by its label, and the labels a block
    // being read refers to. Easy read has no footnotes: a note is a chunk
    // "Note: ..." right after the chunk that refers to it.
    std::map<std::string, cmark_node*> note_definitions;
    std::set<std::string> notes_placed;
    std::vector<std::string> notes_referred;

    // HTML comments are notes for editors (the drafter writes them): not content.
    static bool is_comment(cmark_node* n) {
        const char* lit = cmark_node_get_literal(n);
        if (!lit) return false;
        std::string s = lit;
        std::size_t a = s.find_first_not_of(" \t\n");
        return a != std::string::npos && s.compare(a, 4, "<!--") == 0;
    }

    // An HTML comment block runs to the end of the line its "-->" is on, so
    // words written after it there are not read as text: say so.
    void comment_ended_line(cmark_node* n) {
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
        int line = 0;  // lines into the block, counted at each line break
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
                    } else if (local_picture(n, url, out)) {
                        // ![my photo](photo.png): a picture file beside the document.
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
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                if (enter && skip_depth == 0)
                    if (const char* label = cmark_node_get_literal(n)) notes_referred.emplace_back(label);
                break;
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
                    ++line;
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
                // would flip the meaning ("will ~~close~~ stay open").
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
        std::vector<std::string> notes;
        notes.swap(notes_referred);
        if (!b.spans.empty() || !b.picture_request.empty()) doc.blocks.push_back(std::move(b));
        for (const auto& label : notes) add_note(label);
    }

    // The note's own paragraphs, the first starting "Note:", once, after the
    // first chunk that refers to it.
    void add_note(const std::string& label) {
        auto it = note_definitions.find(label);
        if (it == note_definitions.end() || !notes_placed.insert(label).second) return;
        bool first = true;
        for (cmark_node* c = cmark_node_first_child(it->second); c; c = cmark_node_next(c)) {
            Block b;
            b.kind = BlockKind::Text;
            collect_inlines(c, b);
            if (b.spans.empty()) continue;
            if (first) b.spans.insert(b.spans.begin(), Span{"Note: ", false, {}});
            first = false;
            add_block(c, std::move(b));
        }
    }

    // A numbered list's item keeps its number (steps in order stay numbered);
    // 0 for a bullet list.
    static int item_number(cmark_node* item) {
        cmark_node* list = cmark_node_parent(item);
        if (!list || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return 0;
        int number = cmark_node_get_list_start(list);
        for (cmark_node* s = cmark_node_first_child(list); s && s != item; s = cmark_node_next(s)) ++number;
        return std::max(number, 0);
    }

    static int list_depth(cmark_node* n) {
        int depth = 0;
        for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
            if (cmark_node_get_type(p) == CMARK_NODE_LIST) ++depth;
        return depth;
    }

    // A numeric character reference to no character ("&#87654321;", "&#0;")
    // is read as the replacement character: say so at its line.
    void warn_character_references() {
        const std::string& text = md.body;
        int line = 1;
        for (std::size_t at = 0; at < text.size(); ++line) {
            std::size_t eol = find_line_break(text, at);
            if (eol == std::string::npos) eol = text.size();
            const std::string l = text.substr(at, eol - at);
            for (std::size_t p = l.find("&#"); p != std::string::npos; p = l.find("&#", p + 2)) {
                if (l.find('`') < p) break;  // in a code span it is shown as written
                const bool hex = p + 2 < l.size() && (l[p + 2] == 'x' || l[p + 2] == 'X');
                std::size_t d = p + 2 + (hex ? 1 : 0), e = d;
                while (e < l.size() && (hex ? std::isxdigit(static_cast<unsigned char>(l[e])) != 0
                                            : std::isdigit(static_cast<unsigned char>(l[e])) != 0))
                    ++e;
                if (e == d || e >= l.size() || l[e] != ';') continue;
                const std::string digits = l.substr(d, e - d);
                const bool too_long = digits.size() > (hex ? 6u : 7u);
                const unsigned long v = too_long ? 0 : std::stoul(digits, nullptr, hex ? 16 : 10);
                if (too_long || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                    diags.warning(md.path, line + md.line_offset(), static_cast<int>(p) + 1, "character-reference",
                                  l.substr(p, e + 1 - p) + " is not a character: it is printed as \xEF\xBF\xBD",
                                  "Write the character itself, or say it in words.");
            }
            at = eol < text.size() ? after_line_break(text, eol) : text.size();
        }
    }

    // cmark-gfm drops a note nothing refers to: find it in the source and say so.
    void warn_unreferenced_notes() {
        const std::string& text = md.body;
        std::set<std::string> referred;
        for (std::size_t at = text.find("[^"); at != std::string::npos; at = text.find("[^", at + 2)) {
            const std::size_t end = text.find(']', at);
            if (end == std::string::npos) break;
            const bool definition = (at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r') && end + 1 < text.size() &&
                                    text[end + 1] == ':';
            if (!definition) referred.insert(text.substr(at + 2, end - at - 2));
        }
        int line = 1;
        for (std::size_t at = 0; at < text.size(); ++line) {
            std::size_t eol = find_line_break(text, at);
            if (eol == std::string::npos) eol = text.size();
            if (text.compare(at, 2, "[^") == 0) {
                const std::size_t end = text.find(']', at);
                if (end != std::string::npos && end < eol && end + 1 < text.size() && text[end + 1] == ':') {
                    const std::string label = text.substr(at + 2, end - at - 2);
                    if (!referred.count(label))
                        diags.warning(md.path, line + md.line_offset(), 1, "unreferenced-note",
                                      "the note [^" + label + "] is left out: nothing in the text refers to it",
                                      "Write [^" + label + "] after the words it is about, or make it a sentence.");
                }
            }
            at = eol < text.size() ? after_line_break(text, eol) : text.size();
        }
    }

    void add_table(cmark_node* table) {
        std::vector<std::string> headers;
        bool header_done = false;
        cmark_node* header = cmark_node_first_child(table);
        // A table with only its heading row has no answers under the
        // headings: its cells are the text (as a one-row Word table's are).
        if (header && !cmark_node_next(header)) {
            for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c)) {
                Block b;
                b.kind = BlockKind::Text;
                collect_inlines(c, b);
                add_block(c, std::move(b));
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
        // cmark-gfm numbers the notes in the order they are first referred
        // to ("1", "2", ...: the reference's literal) and puts their
        // definitions at the end of the document in that order.
        int number = 0;
        for (cmark_node* c = cmark_node_first_child(md.root.get()); c; c = cmark_node_next(c))
            if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
                note_definitions.emplace(std::to_string(++number), c);
        warn_unreferenced_notes();
        warn_character_references();
        cmark_iter* it = cmark_iter_new(md.root.get());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(it);
            cmark_node_type t = cmark_node_get_type(n);
            std::string type = node_type_name(n);
            if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
                // Placed after the chunk that refers to it (add_note).
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
                if (in_item) b.number = item_number(parent);
                collect_inlines(n, b);
                // "- [x] Book the room": a task list says in words which are done.
                if (in_item && node_type_name(parent) == "tasklist" && !b.spans.empty())
                    b.spans.insert(b.spans.begin(),
                                   Span{cmark_gfm_extensions_get_tasklist_item_checked(parent) ? "Done: " : "To do: ",
                                        false, {}});
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_CODE_BLOCK) {
                Block b;
                if (const char* lit = cmark_node_get_literal(n)) b.spans.push_back({lit, false, {}});
                while (!b.spans.empty() && !b.spans[0].text.empty() && b.spans[0].text.back() == '\n')
                    b.spans[0].text.pop_back();
                add_block(n, std::move(b));
            } else if (t == CMARK_NODE_HTML_BLOCK && is_comment(n)) {
                comment_ended_line(n);
            } else if (t == CMARK_NODE_HTML_BLOCK && !warned_html && !is_comment(n)) {
                warned_html = true;
                warn(n, "raw-html", "raw HTML is left out of easy read documents", "Write it as plain Markdown text.");
            }
        }
        cmark_iter_free(it);
    }
};

// The bundled glossary, read once: the explanation of a bold word that the
// text itself does not explain.
const lang::Lexicon& bundled_glossary() {
    static const lang::Lexicon lexicon = [] {
        lang::Lexicon out;
        Diagnostics ignored;  // a missing glossary only means no fallback
        std::string resolved, text;
        if (lang::read_data_file(lang::RuleSet{}.glossary, resolved, text, ignored))
            lang::parse_glossary(resolved, text, out, ignored);
        return out;
    }();
    return lexicon;
}

// Where a sentence of the document is: block and sentence in that block.
struct SentenceRef {
    std::size_t block = 0;
    std::size_t sentence = 0;
    bool operator<(const SentenceRef& o) const {
        return block != o.block ? block < o.block : sentence < o.sentence;
    }
};

struct BlockSentences {
    std::string text;
    std::vector<Sentence> sentences;
    std::string sentence(std::size_t i) const {
        return text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    }
};

// The first use of each bold word, with its own explanation: the sentence
// before it when the word's sentence names it ("This is called a **discharge
// plan**."); else a sentence about the word (lang::sentence_about): the next
// one ("it" or "this" there too), its own, or any in its section; else the
// bundled glossary's; else no explanation and a warning: bold used for
// emphasis must not get the next sentence as its meaning. One sentence
// explains two words only when it names both.
void find_hard_words(Document& doc, Diagnostics& diags) {
    std::vector<BlockSentences> blocks(doc.blocks.size());
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        blocks[bi].text = doc.blocks[bi].plain_text();
        blocks[bi].sentences = split_sentences(blocks[bi].text);
    }
    auto is_text = [&doc](std::size_t bi) { return doc.blocks[bi].kind != BlockKind::Heading; };
    // The sentence after or before one, crossing into the next or previous
    // chunk but never past a heading.
    auto next_of = [&](SentenceRef r) -> std::optional<SentenceRef> {
        if (r.sentence + 1 < blocks[r.block].sentences.size()) return SentenceRef{r.block, r.sentence + 1};
        for (std::size_t bi = r.block + 1; bi < blocks.size() && is_text(bi); ++bi)
            if (!blocks[bi].sentences.empty()) return SentenceRef{bi, 0};
        return std::nullopt;
    };
    auto previous_of = [&](SentenceRef r) -> std::optional<SentenceRef> {
        if (r.sentence > 0) return SentenceRef{r.block, r.sentence - 1};
        for (std::size_t bi = r.block; bi-- > 0 && is_text(bi);)
            if (!blocks[bi].sentences.empty()) return SentenceRef{bi, blocks[bi].sentences.size() - 1};
        return std::nullopt;
    };
    auto text_of = [&](SentenceRef r) { return blocks[r.block].sentence(r.sentence); };

    struct Found {
        std::string word;
        SentenceRef at;
        std::size_t byte = 0;  // where the word starts in its chunk
        int line = 0;
        int column = 1;
    };
    std::vector<Found> found;
    std::set<std::string> seen;
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const Block& b = doc.blocks[bi];
        if (!is_text(bi) || blocks[bi].sentences.empty()) continue;
        std::size_t offset = 0;
        for (const auto& span : b.spans) {
            std::size_t here = offset;
            offset += span.text.size();
            if (!span.bold) continue;
            std::string word = span.text;
            word.erase(word.find_last_not_of(" .,;:!?") + 1);
            std::size_t lead = std::min(word.size(), word.find_first_not_of(' '));
            word.erase(0, lead);
            if (word.empty() || !seen.insert(lower(word)).second) continue;
            std::size_t s = 0;
            while (s + 1 < blocks[bi].sentences.size() && blocks[bi].sentences[s].end <= here + lead) ++s;
            found.push_back({word, {bi, s}, here + lead, b.line + span.line, span.line > 0 ? 1 : b.column});
        }
    }

    std::map<SentenceRef, std::vector<std::string>> used;  // sentence -> the words it explains
    auto may_use = [&](SentenceRef r, const std::string& word) {
        auto it = used.find(r);
        if (it == used.end()) return true;
        const std::string sentence = text_of(r);
        if (!lang::sentence_names(sentence, word)) return false;
        for (const auto& other : it->second)
            if (!lang::sentence_names(sentence, other)) return false;
        return true;
    };
    // Naming sentences first, so the sentence before "This is called **X**."
    // goes to X and not to a bold word just before it.
    std::vector<std::string> explanations(found.size());
    std::vector<bool> explained(found.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t fi = 0; fi < found.size(); ++fi) {
            const Found& f = found[fi];
            const BlockSentences& bs = blocks[f.at.block];
            const Sentence& own = bs.sentences[f.at.sentence];
            std::string before = bs.text.substr(own.begin, f.byte > own.begin ? f.byte - own.begin : 0);
            const bool naming = lang::is_naming_opening(before);
            if (naming != (pass == 0)) continue;
            bool partners = false;  // another first-use bold word in the same sentence
            for (const auto& g : found)
                if (&g != &f && !(g.at < f.at) && !(f.at < g.at)) partners = true;
            std::optional<SentenceRef> chosen;
            auto about = [&](std::optional<SentenceRef> r, bool pointing) {
                return r && lang::sentence_about(text_of(*r), f.word, pointing) && may_use(*r, f.word);
            };
            if (naming) {
                chosen = previous_of(f.at);
            } else if (auto next = next_of(f.at); about(next, !partners)) {
                // Right after the word, "it" or "this" may stand for it (not
                // with two bold words in the sentence: which one?).
                chosen = next;
            } else if (about(f.at, false)) {
                chosen = f.at;  // "An **x-ray** is a special photo of your bones."
            } else {
                // A sentence about the word anywhere in its section: after it first, nearest first.
                for (auto r = next ? next_of(*next) : std::nullopt; r && !chosen; r = next_of(*r))
                    if (about(r, false)) chosen = r;
                for (auto r = previous_of(f.at); r && !chosen; r = previous_of(*r))
                    if (about(r, false)) chosen = r;
            }
            if (chosen && !may_use(*chosen, f.word)) chosen.reset();
            if (!chosen) continue;
            explanations[fi] = text_of(*chosen);
            explained[fi] = true;
            used[*chosen].push_back(f.word);
        }
    }
    for (std::size_t fi = 0; fi < found.size(); ++fi) {
        const Found& f = found[fi];
        if (!explained[fi]) {
            if (const auto* entry = bundled_glossary().find_term(f.word)) {
                explanations[fi] = entry->explanation;
            } else {
                diags.warning(doc.source_path, f.line, f.column, "hard-word-unexplained",
                              "bold is for hard words: explain **" + f.word + "**, or remove the bold",
                              "No sentence in its part says what \"" + f.word +
                                  "\" is. Write one, such as \"" + f.word +
                                  " is ...\", or explain it first and then write \"This is called **" + f.word + "**.\"");
            }
        }
        doc.hard_words.push_back({f.word, explanations[fi], f.line});
    }
}

}  // namespace

Document build_document(const ParsedMarkdown& md, Diagnostics& diags) {
    Builder b{md, diags, {}, false, false, {}, {}, {}};
    b.doc.source_path = md.path;
    b.doc.meta = md.meta;
    b.walk();
    find_hard_words(b.doc, diags);
    return std::move(b.doc);
}

}  // namespace easyread
