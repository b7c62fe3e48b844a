#include "generator/layout/font_coverage.hpp"

#include <pango/pangocairo.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace easyread {

namespace {

// Read from the glyphs Pango chose, so it is exactly what fontconfig could
// not cover.
void add_missing(PangoLayout* layout, std::set<unsigned>& out) {
    if (pango_layout_get_unknown_glyphs_count(layout) == 0) return;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
            const PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
            const unsigned cp = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
            if (cp >= 0x20) out.insert(cp);  // not a line break or tab
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

void warn(const std::string& file, int line, int column, const std::set<unsigned>& chars, Diagnostics& diags) {
    std::string names;
    int named = 0;
    for (unsigned cp : chars) {
        if (named++ == 8) {
            names += ", ...";
            break;
        }
        gchar utf8[8] = {};
        g_unichar_to_utf8(cp, utf8);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s\"%s\" (U+%04X)", names.empty() ? "" : ", ", utf8, cp);
        names += buf;
    }
    const bool one = chars.size() == 1;
    diags.warning(file, line, column, "missing-character",
                  std::string(one ? "the character " : "the characters ") + names + (one ? " is" : " are") +
                      " in no installed font, so the pages show a box instead",
                  "Install fonts that have it (apt-get install fonts-noto-core fonts-noto-cjk "
                  "fonts-noto-color-emoji), or write it another way.");
}

}  // namespace

void warn_missing_characters(const Document& doc, const LaidOutDocument& out, Diagnostics& diags) {
    std::map<int, std::set<unsigned>> missing;  // block (-1: the layout's own text) -> characters
    for (const auto& page : out.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Text && it.layout) add_missing(it.layout.get(), missing[it.block]);
    for (const auto& [block, chars] : missing) {
        if (chars.empty()) continue;
        if (block >= 0 && static_cast<std::size_t>(block) < doc.blocks.size()) {
            const Block& b = doc.blocks[static_cast<std::size_t>(block)];
            warn(doc.source_path, b.line, b.column, chars, diags);
        } else {
            warn(doc.source_path, 0, 0, chars, diags);
        }
    }
}

}  // namespace easyread
