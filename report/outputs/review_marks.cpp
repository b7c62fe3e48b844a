#include "report/outputs/review_marks.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <cctype>

#include "generator/layout/page_chunks.hpp"

namespace easyread::report {

namespace {

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

// Byte offset of `word` as a whole word in `text` (any ASCII case); npos when not there.
std::size_t find_whole(const std::string& text, const std::string& word) {
    if (word.empty()) return std::string::npos;
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        if (i > 0 && word_byte(static_cast<unsigned char>(text[i - 1]))) continue;
        bool same = true;
        for (std::size_t k = 0; k < word.size() && same; ++k)
            same = std::tolower(static_cast<unsigned char>(text[i + k])) ==
                   std::tolower(static_cast<unsigned char>(word[k]));
        if (!same) continue;
        if (i + word.size() < text.size() && word_byte(static_cast<unsigned char>(text[i + word.size()]))) continue;
        return i;
    }
    return std::string::npos;
}

// The word's box in page points, from its layout; false when not found.
bool word_box(const PlacedItem& item, const std::string& word, PageMark& out) {
    if (!item.layout) return false;
    PangoLayout* layout = item.layout.get();
    const std::string text = pango_layout_get_text(layout);
    const std::size_t at = find_whole(text, word);
    if (at == std::string::npos) return false;
    const char* last = g_utf8_prev_char(text.c_str() + at + word.size());
    PangoRectangle a, b;
    pango_layout_index_to_pos(layout, static_cast<int>(at), &a);
    pango_layout_index_to_pos(layout, static_cast<int>(last - text.c_str()), &b);
    const double s = PANGO_SCALE;
    const double left = std::min(a.x, b.x) / s, right = std::max(a.x + a.width, b.x + b.width) / s;
    out.x = item.x + left;
    out.y = item.y + a.y / s;
    out.width = right - left;
    out.height = std::max(a.height, b.height) / s;
    return out.width > 0 && out.height > 0;
}

}  // namespace

std::vector<PageMark> page_marks(const LaidOutDocument& doc, const PageReview& page) {
    std::vector<PageMark> marks;
    if (page.page < 1 || page.page > static_cast<int>(doc.pages.size())) return marks;
    const Page& laid = doc.pages[static_cast<std::size_t>(page.page - 1)];
    int number = 0;
    for (const auto& c : page.chunks) {
        if (!c.reviewed) continue;
        for (const auto& t : c.items) {
            ++number;
            PageMark m;
            m.number = number;
            bool found = false;
            for (const PlacedItem& item : laid.items) {
                if (item.chunk != c.chunk.chunk || found) continue;
                if (t.picture && item.kind == ItemKind::Picture && !item.logo) {
                    m.x = item.x;
                    m.y = item.y;
                    m.width = item.width;
                    m.height = item.height;
                    found = true;
                } else if (!t.picture && item.kind == ItemKind::Text && item.block >= 0) {
                    found = word_box(item, t.text, m);
                }
            }
            if (found) marks.push_back(m);
        }
    }
    return marks;
}

}  // namespace easyread::report
