#include "generator/layout/text_layout.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>

#include "generator/layout/address_breaks.hpp"

namespace easyread {

void configure_context(PangoContext* ctx) {
    pango_cairo_context_set_resolution(ctx, 72.0);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(ctx, FALSE);
}

PangoContext* new_measure_context() {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    PangoContext* ctx = pango_font_map_create_context(map);
    configure_context(ctx);
    return ctx;
}

namespace {

PangoFontDescription* new_font_description(const TextStyle& style) {
    PangoFontDescription* fd = pango_font_description_new();
    pango_font_description_set_family(fd, style.family.c_str());
    pango_font_description_set_absolute_size(fd, style.size * PANGO_SCALE);
    pango_font_description_set_weight(fd, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return fd;
}

// The font's own line height. Asking Pango loads the fonts for a sample text
// each time, so remember it per context and font (one thread per context).
double natural_line_height(PangoContext* ctx, const TextStyle& style) {
    using Key = std::tuple<PangoContext*, std::string, double, bool>;
    thread_local std::map<Key, double> known;
    Key key{ctx, style.family, style.size, style.bold};
    if (auto it = known.find(key); it != known.end()) return it->second;
    PangoFontDescription* fd = new_font_description(style);
    PangoFontMetrics* metrics = pango_context_get_metrics(ctx, fd, nullptr);
    pango_font_description_free(fd);
    double natural = pango_font_metrics_get_height(metrics) / double(PANGO_SCALE);
    pango_font_metrics_unref(metrics);
    if (known.size() > 256) known.clear();  // contexts come and go: keep it small
    known.emplace(key, natural);
    return natural;
}

// Pango shapes a word that does not fit a line again from each break to
// its end, so one very long word takes time quadratic in its length (a
// 40,000-letter word: 3 s). An attribute that changes nothing (no extra
// letter spacing) on every other stretch of such a word makes Pango cut it
// into items of kStretch bytes, each shaped on its own: linear time, and the
// same lines.
void cut_long_words_into_items(const char* text, PangoAttrList* attrs) {
    constexpr std::size_t kStretch = 64;
    const std::size_t n = std::strlen(text);
    std::size_t word_start = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        const bool space = i == n || text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
        if (!space) continue;
        for (std::size_t a = word_start; i - word_start > 2 * kStretch && a + kStretch < i; a += 2 * kStretch) {
            std::size_t from = a, to = std::min(i, a + kStretch);
            while (from < to && (text[from] & 0xC0) == 0x80) ++from;  // whole UTF-8 characters
            while (to < i && (text[to] & 0xC0) == 0x80) ++to;
            PangoAttribute* same = pango_attr_letter_spacing_new(0);
            same->start_index = static_cast<guint>(from);
            same->end_index = static_cast<guint>(to);
            pango_attr_list_insert(attrs, same);
        }
        word_start = i + 1;
    }
}

}  // namespace

PangoLayout* make_text_layout(PangoContext* ctx, const std::string& markup, const TextStyle& style,
                              double width) {
    PangoLayout* layout = pango_layout_new(ctx);
    PangoFontDescription* fd = new_font_description(style);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    // Lines break between words; only a word longer than a whole line is
    // broken between letters, so no text runs past the margin (an email or
    // web address only after @ . /: address_breaks).
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);  // ragged right, never justified
    pango_layout_set_justify(layout, FALSE);
    // line_spacing means baseline-to-baseline distance in font sizes (as CSS
    // line-height and WCAG 1.4.12 count it); Pango's factor multiplies the
    // font's own line height instead, so convert.
    double natural = natural_line_height(ctx, style);
    if (natural > 0) pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing * style.size / natural));
    pango_layout_set_markup(layout, markup.c_str(), -1);
    // No hyphens: a word that must wrap keeps its letters together.
    PangoAttrList* attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    cut_long_words_into_items(pango_layout_get_text(layout), attrs);
    set_attributes_keeping_addresses(layout, attrs, width, style.size);
    pango_attr_list_unref(attrs);
    return layout;
}

double layout_height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

std::string markup_escape(const std::string& text) {
    gchar* e = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
    std::string out = e;
    g_free(e);
    return out;
}

}  // namespace easyread
