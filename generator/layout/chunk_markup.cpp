#include "generator/layout/chunk_markup.hpp"

#include <algorithm>

#include "generator/layout/text_layout.hpp"
#include "base/text_util.hpp"

namespace easyread {

namespace {

// Writes the visible bytes of a chunk that fall in [from, to), with the
// markup of the runs they belong to.
struct PartWriter {
    std::size_t from, to;
    ChunkText out;
    std::size_t plain = 0;  // bytes of visible text so far, counted over the whole chunk

    // The bytes of `s` (starting at plain offset `plain`) inside the range.
    std::string clip(const std::string& s) const {
        std::size_t a = std::max(from, plain), b = std::min(to, plain + s.size());
        return a < b ? s.substr(a - plain, b - a) : std::string();
    }
    std::size_t written() const { return std::max(from, std::min(to, plain)) - from; }

    void add(const std::string& s, const char* markup_open, const char* markup_close, const std::string& html_open,
             const char* html_close, const std::string& link) {
        std::string part = clip(s);
        std::size_t start = written();
        if (!part.empty()) {
            out.markup += markup_open + markup_escape(part) + markup_close;
            // A line break in the words (a label, a sentence on its own line) is <br> in HTML.
            out.html += html_open + replace_all(html_escape(part), "\n", "<br>") + html_close;
            if (!link.empty())
                out.links.push_back({link, static_cast<int>(start), static_cast<int>(start + part.size())});
        }
        plain += s.size();
    }
};

ChunkText write_chunk(const Block& b, std::size_t from, std::size_t to) {
    PartWriter w{from, to, {}};
    if (b.kind == BlockKind::Answer && !b.label.empty()) {
        w.add(b.label, "<span foreground=\"#1F4E79\">", "</span>", "<span class=\"label\">", "</span>", {});
        w.add("\n", "", "", "", "", {});
    }
    // The bullet is drawn apart (a list label) but leads the HTML text.
    if (b.kind == BlockKind::ListItem && from == 0) w.out.html += list_label(b) + " ";
    for (const auto& s : b.spans) {
        std::string mo, mc, ho, hc;
        if (!s.link.empty()) {
            mo += "<span foreground=\"#0B4F9C\">";
            ho += "<a href=\"" + html_escape(s.link) + "\">";
        }
        if (s.bold) {
            mo += "<b>";
            ho += "<strong>";
            mc += "</b>";
            hc += "</strong>";
        }
        if (!s.link.empty()) {
            mc += "</span>";
            hc += "</a>";
        }
        w.add(s.text, mo.c_str(), mc.c_str(), ho, hc.c_str(), s.link);
    }
    return std::move(w.out);
}

// The chunk's visible text, as Pango sees it once the markup is read.
std::string visible_text(const Block& b) {
    std::string t;
    if (b.kind == BlockKind::Answer && !b.label.empty()) t += b.label + "\n";
    for (const auto& s : b.spans) t += s.text;
    return t;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

}  // namespace

const char* list_bullet() { return "\u2022"; }

std::string list_label(const Block& b) { return b.number > 0 ? std::to_string(b.number) + "." : list_bullet(); }

ChunkText block_markup(const Block& b) { return write_chunk(b, 0, std::string::npos); }

ChunkText block_markup_part(const Block& b, std::size_t from, std::size_t to) {
    const std::string text = visible_text(b);
    to = std::min(to, text.size());
    while (from < to && is_space(text[from])) ++from;
    while (to > from && is_space(text[to - 1])) --to;
    return write_chunk(b, from, to);
}

}  // namespace easyread
