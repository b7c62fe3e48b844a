#include "generator/model/text_blocks.hpp"

#include <cmark-gfm.h>

#include <algorithm>

namespace easyread::check {

FilePos TextBlock::where(std::size_t byte) const {
    if (pos.empty()) return at;
    return pos[std::min(byte, pos.size() - 1)];
}

bool TextBlock::is_bold(std::size_t begin, std::size_t end) const {
    for (const auto& r : bold)
        if (r.begin <= begin && end <= r.end) return true;
    return false;
}

bool TextBlock::is_italic(std::size_t begin) const {
    for (const auto& r : italic)
        if (r.begin <= begin && begin < r.end) return true;
    return false;
}

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

class BlockWalker {
public:
    BlockWalker(const LineMap& lines, int line_offset) : lines_(lines), offset_(line_offset) {}

    TextBlock walk(cmark_node* block, BlockKind kind) {
        b_ = TextBlock{};
        b_.kind = kind;
        b_.at = {cmark_node_get_start_line(block) + offset_, cmark_node_get_start_column(block)};
        last_ = b_.at;
        inlines(block);
        take_attributes();
        return std::move(b_);
    }

private:
    void inlines(cmark_node* parent) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                append_literal(n);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                append_char(' ', {last_.line, last_.column + 1});
                break;
            case CMARK_NODE_HTML_INLINE:
                if (const char* s = cmark_node_get_literal(n)) b_.html.push_back({s, node_pos(n)});
                break;
            case CMARK_NODE_IMAGE:
                image(n);
                break;
            case CMARK_NODE_STRONG: {
                std::size_t start = b_.text.size();
                inlines(n);
                b_.bold.push_back({start, b_.text.size()});
                break;
            }
            case CMARK_NODE_EMPH: {
                std::size_t start = b_.text.size();
                inlines(n);
                b_.italic.push_back({start, b_.text.size()});
                break;
            }
            default:
                // Links: their words are text. Struck-out words are left out
                // of the document (build_document warns), so they are not checked.
                if (node_type_name(n) != "strikethrough") inlines(n);
                break;
            }
        }
    }

    FilePos node_pos(cmark_node* n) const {
        int line = cmark_node_get_start_line(n);
        if (line <= 0) return last_;
        return {line + offset_, char_column(line + offset_, cmark_node_get_start_column(n) - 1)};
    }

    int char_column(int file_line, int byte_col) const {
        std::string_view l = lines_.line(file_line);
        int col = 1;
        for (int i = 0; i < byte_col && i < static_cast<int>(l.size()); ++i)
            if (!continuation_byte(l[static_cast<std::size_t>(i)])) ++col;
        return col;
    }

    void image(cmark_node* n) {
        const char* url = cmark_node_get_url(n);
        std::string u = url ? url : "";
        if (u.rfind("symbol:", 0) == 0) {
            b_.picture = u.substr(7);
            b_.picture_at = node_pos(n);
        } else {
            b_.picture = u;  // a picture of the user's own; the build reports if it is not usable
            b_.picture_at = node_pos(n);
        }
    }

    void append_char(char c, FilePos p) {
        b_.text += c;
        b_.pos.push_back(p);
        last_ = p;
    }

    // Lines up the literal with the source line so escapes and entities
    // ("\*", "&amp;") still leave every other byte at its real column.
    void append_literal(cmark_node* n) {
        const char* lit = cmark_node_get_literal(n);
        if (!lit || !*lit) return;
        std::string s = lit;
        int body_line = cmark_node_get_start_line(n);
        if (body_line <= 0) {
            for (char c : s) append_char(c, {last_.line, last_.column + (continuation_byte(c) ? 0 : 1)});
            return;
        }
        int file_line = body_line + offset_;
        std::string_view src = lines_.line(file_line);
        std::size_t k = static_cast<std::size_t>(std::max(0, cmark_node_get_start_column(n) - 1));
        int col = char_column(file_line, static_cast<int>(k));
        std::size_t col_at = k;  // byte offset `col` refers to
        for (char c : s) {
            std::size_t found = std::string::npos;
            for (std::size_t j = k; j < src.size() && j < k + 8; ++j)
                if (src[j] == c) { found = j; break; }
            std::size_t at = found == std::string::npos ? k : found;
            while (col_at < at && col_at < src.size()) {
                if (!continuation_byte(src[col_at])) ++col;
                ++col_at;
            }
            // A byte inside a multi-byte character takes the character's column.
            append_char(c, {file_line, continuation_byte(c) ? last_.column : col});
            if (found != std::string::npos) k = found + 1;
        }
    }

    void take_attributes() {
        const std::string original = b_.text;
        Attributes a = take_trailing_attributes(b_.text);
        if (a.present) {
            b_.attributes_at = b_.where(original.rfind('{'));
            b_.pos.resize(b_.text.size());
            if (auto p = a.get("picture"); !p.empty()) {
                b_.picture = p;
                b_.picture_at = b_.attributes_at;
            }
            b_.attributes = a;
        } else if (!a.error.empty()) {
            b_.attributes = a;
            b_.attributes_at = b_.where(original.rfind('{'));
        }
        for (auto* ranges : {&b_.bold, &b_.italic})
            for (auto& r : *ranges) r.end = std::min(r.end, b_.text.size());
    }

    const LineMap& lines_;
    int offset_;
    TextBlock b_;
    FilePos last_;
};

// The number an ordered list shows for an item ("3." in "3. Case management"),
// for its first paragraph only; 0 for bullet lists.
int item_number(cmark_node* item, cmark_node* paragraph) {
    cmark_node* list = cmark_node_parent(item);
    if (!list || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return 0;
    if (cmark_node_first_child(item) != paragraph) return 0;
    int n = cmark_node_get_list_start(list);
    for (cmark_node* p = cmark_node_previous(item); p; p = cmark_node_previous(p)) ++n;
    return n;
}

}  // namespace

TextView collect_text(const SourceText& src, const ParsedMarkdown& md) {
    TextView view;
    LineMap lines(src.text);
    BlockWalker walker(lines, md.line_offset());
    int table_row = -1;
    cmark_iter* it = cmark_iter_new(md.root.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER) continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING: {
            TextBlock b = walker.walk(n, BlockKind::Heading);
            b.level = cmark_node_get_heading_level(n);
            view.blocks.push_back(std::move(b));
            break;
        }
        case CMARK_NODE_PARAGRAPH: {
            cmark_node* parent = cmark_node_parent(n);
            bool in_item = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
            TextBlock b = walker.walk(n, in_item ? BlockKind::ListItem : BlockKind::Paragraph);
            if (in_item) b.list_number = item_number(parent, n);
            view.blocks.push_back(std::move(b));
            break;
        }
        case CMARK_NODE_HTML_BLOCK:
            if (const char* s = cmark_node_get_literal(n))
                view.html_blocks.push_back({s, {cmark_node_get_start_line(n) + md.line_offset(), 1}});
            break;
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
            break;
        default: {
            if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
                break;  // inline nodes are read by the walker
            std::string type = node_type_name(n);
            if (type == "table") table_row = -1;
            if (type == "table_header") table_row = 0;
            if (type == "table_row") ++table_row;
            if (type == "table_cell") {
                TextBlock b = walker.walk(n, BlockKind::TableCell);
                b.table_row = table_row;
                if (!b.text.empty() || !b.picture.empty()) view.blocks.push_back(std::move(b));
            }
            break;
        }
        }
    }
    cmark_iter_free(it);
    return view;
}

}  // namespace easyread::check
