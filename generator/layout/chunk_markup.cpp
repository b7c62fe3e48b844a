#include "generator/layout/chunk_markup.hpp"

#include "generator/layout/text_layout.hpp"
#include "base/text_util.hpp"

namespace easyread {

ChunkText block_markup(const Block& b) {
    ChunkText out;
    std::size_t plain = 0;  // bytes of visible text so far
    auto add_plain = [&](const std::string& s) {
        out.markup += markup_escape(s);
        out.html += html_escape(s);
        plain += s.size();
    };
    if (b.kind == BlockKind::Answer && !b.label.empty()) {
        out.markup += "<span foreground=\"#1F4E79\">";
        out.html += "<span class=\"label\">";
        add_plain(b.label);
        out.markup += "</span>\n";
        out.html += "</span><br>";
        ++plain;  // the newline
    }
    if (b.kind == BlockKind::ListItem) add_plain("\u2022 ");
    for (const auto& s : b.spans) {
        std::size_t start = plain;
        if (!s.link.empty()) {
            out.markup += "<span foreground=\"#0B4F9C\">";
            out.html += "<a href=\"" + html_escape(s.link) + "\">";
        }
        if (s.bold) out.markup += "<b>";
        if (s.bold) out.html += "<strong>";
        add_plain(s.text);
        if (s.bold) out.markup += "</b>";
        if (s.bold) out.html += "</strong>";
        if (!s.link.empty()) {
            out.markup += "</span>";
            out.html += "</a>";
            out.links.push_back({s.link, static_cast<int>(start), static_cast<int>(plain)});
        }
    }
    return out;
}

}  // namespace easyread
