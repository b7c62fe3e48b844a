#include "generator/layout/address_breaks.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

namespace easyread {

namespace {

// Set no smaller than half the text's size nor below 12 pt; a stretch
// still too wide then breaks between letters, so nothing runs past the margin.
double smallest_scale(double size) { return std::min(1.0, std::max(0.5, 12.0 / size)); }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool is_break_after(char c) { return c == '@' || c == '.' || c == '/'; }

// An address, or the part of one that a page break left (".team@" may
// start the next page's part): any word with @ . / inside it. Other such
// words ("and/or", "3.5") break the same way, which changes nothing while
// they fit a line.
bool is_address(std::string_view w) {
    for (std::size_t k = 0; k + 1 < w.size(); ++k)
        if (is_break_after(w[k]) && std::isalnum(static_cast<unsigned char>(w[k + 1]))) return true;
    return false;
}

struct Stretch {
    AddressStretch range;
    double scale = 1.0;
    bool breakable = false;  // too wide even when smallest: letters may break
};

void apply(PangoLayout* layout, PangoAttrList* base, const std::vector<Stretch>& stretches) {
    PangoAttrList* attrs = pango_attr_list_copy(base);
    for (const auto& s : stretches) {
        if (!s.breakable) {
            PangoAttribute* a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = static_cast<guint>(s.range.start);
            a->end_index = static_cast<guint>(s.range.end);
            pango_attr_list_insert(attrs, a);
        }
        if (s.scale < 1.0) {
            PangoAttribute* a = pango_attr_scale_new(s.scale);
            a->start_index = static_cast<guint>(s.range.start);
            a->end_index = static_cast<guint>(s.range.end);
            pango_attr_list_insert(attrs, a);
        }
    }
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

}  // namespace

std::vector<AddressStretch> address_stretches(const char* text) {
    std::vector<AddressStretch> out;
    const std::size_t n = std::strlen(text);
    for (std::size_t i = 0; i < n;) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < n && !is_space(text[end])) ++end;
        if (is_address(std::string_view(text + i, end - i))) {
            std::size_t from = i;
            for (std::size_t k = i; k < end; ++k) {
                // A break after a run of @ . / ("https://"), not at the word's end.
                if (is_break_after(text[k]) && k + 1 < end && !is_break_after(text[k + 1])) {
                    out.push_back({from, k + 1});
                    from = k + 1;
                }
            }
            out.push_back({from, end});
        }
        i = end;
    }
    return out;
}

void set_attributes_keeping_addresses(PangoLayout* layout, PangoAttrList* base, double width, double size) {
    const double smallest = smallest_scale(size);
    std::vector<Stretch> stretches;
    for (const auto& r : address_stretches(pango_layout_get_text(layout))) stretches.push_back({r});
    apply(layout, base, stretches);
    if (stretches.empty() || width <= 0) return;
    const int limit = static_cast<int>(width * PANGO_SCALE);
    // A few rounds: a smaller stretch can move the lines after it.
    for (int round = 0; round < 16; ++round) {
        bool changed = false;
        for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
            auto* line = static_cast<PangoLayoutLine*>(l->data);
            PangoRectangle logical;
            pango_layout_line_get_extents(line, nullptr, &logical);
            if (logical.width <= limit) continue;
            const double shrink = double(limit) / logical.width * 0.98;
            const auto a = static_cast<std::size_t>(line->start_index);
            const auto b = a + static_cast<std::size_t>(line->length);
            for (auto& s : stretches) {
                if (s.breakable || s.range.end <= a || s.range.start >= b) continue;
                s.scale *= shrink;
                if (s.scale < smallest) {
                    s.scale = smallest;
                    s.breakable = true;
                }
                changed = true;
            }
        }
        if (!changed) return;
        apply(layout, base, stretches);
    }
}

}  // namespace easyread
