#include "generator/layout/verify_layout.hpp"

#include <pango/pangocairo.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/sentences.hpp"
#include "generator/layout/text_layout.hpp"

namespace easyread {

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& w : split_words(text)) out.push_back(text.substr(w.begin, w.end - w.begin));
    return out;
}

// True when `want` appears in `got` in order (other words, such as a table
// answer's label, may come between).
bool in_order(const std::vector<std::string>& want, const std::vector<std::string>& got, std::string& missing) {
    std::size_t j = 0;
    for (const auto& w : want) {
        while (j < got.size() && got[j] != w) ++j;
        if (j == got.size()) {
            missing = w;
            return false;
        }
        ++j;
    }
    return true;
}

// A word of thousands of letters is named by its start.
std::string shortened(const std::string& word) {
    constexpr std::size_t kShown = 40;
    if (word.size() <= kShown) return word;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return word.substr(0, cut) + "... (" + std::to_string(word.size()) + " bytes)";
}

std::string where(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

bool verify_layout(const Document& doc, const LaidOutDocument& out, Diagnostics& diags) {
    const PageGeometry& g = out.geometry;
    constexpr double kTolerance = 0.5;  // points
    std::map<int, std::string> shown;  // block -> its text as drawn, in page order
    std::map<int, std::string> outside;             // block -> what lies outside the printable area
    std::string loose;                              // text not from a block that lies outside
    PangoContext* ctx = new_measure_context();
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        const Page& page = out.pages[p];
        for (const auto& it : page.items) {
            const std::string page_name = "page " + std::to_string(page.number ? page.number : int(p) + 1);
            if (it.kind == ItemKind::Picture) {
                if (it.x < g.margin_left - kTolerance || it.x + it.width > g.width - g.margin_right + kTolerance ||
                    it.y < g.margin_top - kTolerance || it.y + it.height > g.bottom() + kTolerance) {
                    std::string what = "a picture on " + page_name + " lies outside the printable area";
                    (it.block >= 0 ? outside[it.block] : loose) = what;
                }
                continue;
            }
            if (it.kind != ItemKind::Text) continue;
            std::shared_ptr<PangoLayout> layout = it.layout;
            if (!layout)
                layout.reset(make_text_layout(ctx, it.markup, it.style, it.width),
                             [](PangoLayout* l) { g_object_unref(l); });
            const std::string text = pango_layout_get_text(layout.get());
            if (it.block >= 0) {
                // A word broken over two pages is whole again when its parts join.
                std::string& all = shown[it.block];
                if (!all.empty() && !it.joins_previous) all += '\n';
                all += text;
            }
            PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
            do {
                PangoRectangle ink, logical;
                pango_layout_iter_get_line_extents(iter, &ink, &logical);
                PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
                if (line->length == 0) continue;  // an empty line has nothing to lose
                double x0 = it.x + logical.x / double(PANGO_SCALE);
                double x1 = x0 + logical.width / double(PANGO_SCALE);
                int y0 = 0, y1 = 0;
                pango_layout_iter_get_line_yrange(iter, &y0, &y1);
                double top = it.y + y0 / double(PANGO_SCALE);
                double bottom = it.y + (logical.y + logical.height) / double(PANGO_SCALE);
                if (x0 < g.margin_left - kTolerance || x1 > g.width - g.margin_right + kTolerance ||
                    top < g.margin_top - kTolerance || bottom > g.bottom() + kTolerance) {
                    std::string line_text = text.substr(static_cast<std::size_t>(line->start_index),
                                                        static_cast<std::size_t>(line->length));
                    std::string what = "the line \"" + line_text + "\" on " + page_name +
                                       " lies outside the printable area (" + where(x0) + " to " + where(x1) +
                                       " across, " + where(top) + " to " + where(bottom) + " down)";
                    (it.block >= 0 ? outside[it.block] : loose) = what;
                }
            } while (pango_layout_iter_next_line(iter));
            pango_layout_iter_free(iter);
        }
    }
    g_object_unref(ctx);

    bool ok = true;
    const char* hint = "This is a fault in easyread: please report it with the Markdown file.";
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        std::string missing;
        if (!in_order(words_of(b.plain_text()), words_of(shown[static_cast<int>(i)]), missing)) {
            diags.error(doc.source_path, b.line, b.column, "text-lost",
                        "the word \"" + shortened(missing) + "\" of this text is not on any page", hint);
            ok = false;
        }
        if (auto o = outside.find(static_cast<int>(i)); o != outside.end()) {
            diags.error(doc.source_path, b.line, b.column, "text-lost", o->second, hint);
            ok = false;
        }
    }
    if (!loose.empty()) {
        diags.error(doc.source_path, 0, 0, "text-lost", loose, hint);
        ok = false;
    }
    return ok;
}

}  // namespace easyread
