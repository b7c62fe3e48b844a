#include "generator/layout/split_text.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace easyread {

namespace {

bool is_layout_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

}  // namespace

void place_in_parts(Flow& flow, const Block& b, const Flow::Measured& whole, const TextStyle& style, double width,
                    double first_height, const PlacePart& place) {
    std::vector<std::pair<int, double>> lines;  // start byte and bottom of each line
    PangoLayoutIter* iter = pango_layout_get_iter(whole.layout.get());
    do {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(iter, &y0, &y1);
        lines.push_back({pango_layout_iter_get_index(iter), y1 / double(PANGO_SCALE)});
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    const std::string whole_text = pango_layout_get_text(whole.layout.get());
    const std::size_t text_end = whole_text.size();
    auto page_has_content = [&] { return flow.y > flow.g().margin_top + 0.01; };
    std::size_t first = 0;
    bool first_part = true;
    while (first < lines.size()) {
        const double line_top = first == 0 ? 0 : lines[first - 1].second;
        const double room = flow.room();
        std::size_t last = first;  // one past the last line that fits
        while (last < lines.size() && lines[last].second - line_top <= room + 0.01) ++last;
        if (last == first) {
            if (page_has_content()) {
                flow.new_page(flow.page().role);
                continue;
            }
            last = first + 1;  // a line taller than a page: place it anyway (the check reports it)
        }
        // A standard that keeps every sentence on one page ends the part
        // where a line starts a sentence; a sentence that does not fit goes
        // to a new page whole, unless it is longer than a page.
        if (flow.out.options.keep_sentences && last < lines.size()) {
            auto starts_sentence = [&](std::size_t i) {
                const std::size_t at = static_cast<std::size_t>(lines[i].first);
                return at > 0 && at <= text_end && whole_text[at - 1] == '\n';
            };
            std::size_t at = last;
            while (at > first && !starts_sentence(at)) --at;
            if (at > first) {
                last = at;
            } else if (page_has_content()) {
                flow.new_page(flow.page().role);
                continue;
            }
        }
        // Measure the part on its own; trim a line when it came out taller.
        ChunkText part;
        double part_h = 0;
        for (;;) {
            std::size_t from = static_cast<std::size_t>(lines[first].first);
            std::size_t to = last < lines.size() ? static_cast<std::size_t>(lines[last].first) : text_end;
            part = block_markup_part(b, from, to);
            part_h = flow.measure(part.markup, style, width);
            if (last == first + 1 || flow.fits(std::max(part_h, first_part ? first_height : 0.0))) break;
            --last;
        }
        PlacedItem& item = place(part, part_h, first_part);
        const std::size_t from = static_cast<std::size_t>(lines[first].first);
        item.joins_previous = from > 0 && from < text_end && !is_layout_space(whole_text[from - 1]) &&
                              !is_layout_space(whole_text[from]);
        first_part = false;
        first = last;
        if (first < lines.size()) flow.new_page(flow.page().role);
    }
}

}  // namespace easyread
