#include "generator/layout/page_geometry.hpp"

#include <algorithm>

namespace easyread {

bool make_page_geometry(const LayoutOptions& opts, PageGeometry& g) {
    constexpr double mm = 72.0 / 25.4;
    if (opts.page == "a4") {
        g.width = 210 * mm;
        g.height = 297 * mm;
        g.margin_left = g.margin_right = 20 * mm;
        g.margin_top = 20 * mm;
        g.margin_bottom = 24 * mm;  // room for the page number
    } else if (opts.page == "a5") {
        g.width = 148 * mm;
        g.height = 210 * mm;
        g.margin_left = g.margin_right = 14 * mm;
        g.margin_top = 14 * mm;
        g.margin_bottom = 18 * mm;
    } else {
        return false;
    }
    // The page number sits in the bottom margin, half its size below the
    // text and at least 8 mm above the paper's edge (printers cannot print
    // right to the edge); big type makes the margin deeper.
    g.number_size = std::max(14.0, opts.body_pt);
    const double number_line = g.number_size * 1.7;  // the font's full height, descenders and all
    g.margin_bottom = std::max(g.margin_bottom, g.number_size * 0.5 + number_line + 8 * mm);
    g.number_top = g.height - g.margin_bottom + g.number_size * 0.5;
    g.picture_column = g.content_width() / 3.0;
    // Big pictures, but small enough for about 6 to 8 chunks on a page.
    g.picture_size = g.picture_column * 0.55;  // about 3 cm on A4
    g.gap = opts.body_pt * 0.75;
    return true;
}

}  // namespace easyread
