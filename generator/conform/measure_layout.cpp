// Layout rules measured on the Pango layouts the pages are drawn from: the
// sizes and styles of the fonts Pango chose, where its lines break, and where
// the items sit on the page.
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "base/sentences.hpp"
#include "generator/conform/measure.hpp"

namespace easyread::conform {

namespace {

std::string points(double pt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(pt * 10) / 10);
    return buf;
}

// Calls `f` with each run of glyphs of the layout and the font's absolute size.
template <class F>
void for_each_run(PangoLayout* layout, F f) {
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
        if (run && run->item && run->item->analysis.font) {
            PangoFontDescription* fd = pango_font_describe_with_absolute_size(run->item->analysis.font);
            f(run, fd);
            pango_font_description_free(fd);
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

// Byte offsets where the layout's lines start, the first one included.
std::vector<int> line_starts(PangoLayout* layout) {
    std::vector<int> out;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next)
        out.push_back(static_cast<PangoLayoutLine*>(l->data)->start_index);
    return out;
}

double luminance(unsigned rgb) {
    auto channel = [](unsigned v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

// Contrast of a colour on the white page (WCAG 2 formula).
double contrast_on_white(unsigned rgb) { return 1.05 / (luminance(rgb) + 0.05); }

// Every colour the item's text is drawn in: its style's and its markup's.
std::vector<unsigned> text_colours(const PlacedItem& item) {
    std::vector<unsigned> out{item.style.colour};
    const std::string key = "foreground=\"#";
    for (std::size_t at = item.markup.find(key); at != std::string::npos; at = item.markup.find(key, at + 1)) {
        std::string hex = item.markup.substr(at + key.size(), 6);
        if (hex.size() == 6 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos)
            out.push_back(static_cast<unsigned>(std::stoul(hex, nullptr, 16)));
    }
    return out;
}

// Calls f(page, item) for each text item the reader reads that has a Pango layout.
template <class F>
void each_laid_text(const LaidOutDocument& doc, F f) {
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (is_reading_text(item) && item.layout) f(page, item);
}

// "141 blocks of text measured; 2 are not left aligned."
std::string tally(int measured, const std::string& things, int failed, const std::string& one, const std::string& many) {
    return std::to_string(measured) + " " + things + " measured; " + std::to_string(failed) + " " +
           (failed == 1 ? one : many) + ".";
}

bool overlap(double a0, double a1, double b0, double b1, double slack) { return a0 < b1 - slack && b0 < a1 - slack; }

}  // namespace

std::string snippet(const std::string& text, std::size_t at, std::size_t length) {
    // Both ends on a character's first byte: a cut never splits a letter.
    auto lead = [&](std::size_t i) { return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
    at = std::min(at, text.size());
    while (!lead(at)) --at;
    std::size_t end = std::min(text.size(), at + length);
    while (!lead(end)) ++end;
    std::string s = text.substr(at, end - at);
    for (char& c : s)
        if (c == '\n') c = ' ';
    return "\"" + s + (end < text.size() ? "...\"" : "\"");
}


Finding measure_text_size(const LaidOutDocument& doc, double min_pt) {
    Finding f;
    std::set<double> sizes;
    each_laid_text(doc, [&](const Page& page, const PlacedItem& item) {
            double smallest = 1e9;
            for_each_run(item.layout.get(), [&](PangoLayoutRun*, PangoFontDescription* fd) {
                double pt = pango_font_description_get_size(fd) / static_cast<double>(PANGO_SCALE);
                sizes.insert(std::round(pt * 10) / 10);
                smallest = std::min(smallest, pt);
            });
            if (smallest < min_pt - 0.05)
                f.fail_at(page.number, item.source_line, points(smallest) + " pt: " + snippet(item_text(item), 0));
        });
    bool numbered = std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return p.number > 0; });
    if (numbered) {
        sizes.insert(std::round(doc.geometry.number_size * 10) / 10);
        if (doc.geometry.number_size < min_pt - 0.05) f.fail_at(0, 0, "page numbers " + points(doc.geometry.number_size) + " pt");
    }
    std::string found;
    for (double s : sizes) found += (found.empty() ? "" : ", ") + points(s);
    f.evidence = sizes.empty() ? "No text was found on the pages."
                               : "Text sizes found: " + found + " pt; the smallest is " + points(*sizes.begin()) +
                                     " pt (at least " + points(min_pt) + " pt needed).";
    if (sizes.empty()) f.met = false;
    return f;
}

Finding measure_left_aligned(const LaidOutDocument& doc) {
    Finding f;
    int items = 0;
    each_laid_text(doc, [&](const Page& page, const PlacedItem& item) {
            ++items;
            PangoLayout* l = item.layout.get();
            if (pango_layout_get_alignment(l) != PANGO_ALIGN_LEFT || pango_layout_get_justify(l))
                f.fail_at(page.number, item.source_line,
                          std::string(pango_layout_get_justify(l) ? "justified: " : "not left aligned: ") +
                              snippet(item_text(item), 0));
        });
    f.evidence = tally(items, "blocks of text", f.places_total, "is not left aligned with a ragged right edge",
                       "are not left aligned with a ragged right edge");
    return f;
}

Finding measure_word_splits(const LaidOutDocument& doc) {
    Finding f;
    int breaks = 0;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_reading_text(item)) continue;
            if (item.joins_previous) f.fail_at(page.number, item.source_line, "a word split over two pages");
            if (!item.layout) continue;
            const std::string text = item_text(item);
            for (int start : line_starts(item.layout.get())) {
                if (start <= 0 || start >= static_cast<int>(text.size())) continue;
                ++breaks;
                const char* at = text.c_str() + start;
                gunichar next = g_utf8_get_char(at);
                gunichar before = g_utf8_get_char(g_utf8_prev_char(at));
                if (g_unichar_isalpha(before) && g_unichar_isalpha(next))
                    f.fail_at(page.number, item.source_line,
                              "a word split over two lines: " +
                                  snippet(text, static_cast<std::size_t>(std::max(0, start - 12)), 24));
            }
        }
    f.evidence = tally(breaks, "line breaks", f.places_total, "splits a word", "split a word");
    return f;
}

Finding measure_italics(const LaidOutDocument& doc) {
    Finding f;
    each_laid_text(doc, [&](const Page& page, const PlacedItem& item) {
            bool italic = false;
            for_each_run(item.layout.get(), [&](PangoLayoutRun*, PangoFontDescription* fd) {
                if (pango_font_description_get_style(fd) != PANGO_STYLE_NORMAL) italic = true;
            });
            if (italic) f.fail_at(page.number, item.source_line, "italic words in " + snippet(item_text(item), 0));
        });
    f.evidence = f.places_total == 0 ? "Every font on the pages is upright."
                                     : std::to_string(f.places_total) + " blocks of text use an italic font.";
    return f;
}

Finding measure_capitals(const LaidOutDocument& doc) {
    Finding f;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_reading_text(item)) continue;
            const std::string text = item_text(item);
            for (const auto& w : split_words(text)) {
                // The longest run of capitals: "BY-SA" is two sets of initials.
                int run = 0, longest = 0;
                for (std::size_t i = w.begin; i < w.end; ++i) {
                    run = std::isupper(static_cast<unsigned char>(text[i])) ? run + 1 : 0;
                    longest = std::max(longest, run);
                }
                if (w.all_caps && !w.has_digit && longest >= 4)
                    f.fail_at(page.number, item.source_line, "\"" + text.substr(w.begin, w.end - w.begin) + "\"");
            }
        }
    f.evidence = (f.places_total == 0 ? std::string("No word") : std::to_string(f.places_total) +
                                                                    (f.places_total == 1 ? " word is" : " words are")) +
                 (f.places_total == 0 ? " of 4 or more letters is" : "") +
                 " written in capitals (shorter ones, such as NHS or GP, are taken as initials).";
    return f;
}

Finding measure_columns(const LaidOutDocument& doc) {
    Finding f;
    for (const auto& page : doc.pages) {
        // The contents list sets each heading beside its page number: a
        // table of entries, not columns of running text.
        if (page.role == PageRole::Contents) continue;
        std::vector<const PlacedItem*> text;
        for (const auto& item : page.items)
            if (is_reading_text(item)) text.push_back(&item);
        for (std::size_t i = 0; i < text.size(); ++i)
            for (std::size_t j = i + 1; j < text.size(); ++j) {
                const PlacedItem& a = *text[i];
                const PlacedItem& b = *text[j];
                if (overlap(a.y, a.y + a.height, b.y, b.y + b.height, 1) &&
                    !overlap(a.x - a.label_width, a.x + a.width, b.x - b.label_width, b.x + b.width, 0))
                    f.fail_at(page.number, a.source_line,
                              "text side by side: " + snippet(item_text(a), 0, 20) + " and " + snippet(item_text(b), 0, 20));
            }
    }
    f.evidence = f.places_total == 0 ? "On every page but the contents list, text runs in one column: no two blocks of "
                                       "text sit side by side."
                                     : std::to_string(f.places_total) + " pairs of text blocks sit side by side.";
    return f;
}

Finding measure_picture_side(const LaidOutDocument& doc) {
    Finding f;
    int pairs = 0;
    for (const auto& page : doc.pages) {
        std::map<int, const PlacedItem*> picture_of_chunk;
        for (const auto& item : page.items)
            if (item.kind == ItemKind::Picture && item.chunk >= 0 && !item.logo) picture_of_chunk[item.chunk] = &item;
        for (const auto& item : page.items) {
            if (!is_reading_text(item) || item.chunk < 0) continue;
            auto it = picture_of_chunk.find(item.chunk);
            if (it == picture_of_chunk.end()) continue;
            ++pairs;
            if (it->second->x + it->second->width > item.x - item.label_width + 0.5)
                f.fail_at(page.number, item.source_line, "picture not on the left of " + snippet(item_text(item), 0));
        }
    }
    f.evidence = tally(pairs, "pictures beside their words", f.places_total, "is not on the left of the words",
                       "are not on the left of the words");
    return f;
}

Finding measure_sentence_lines(const LaidOutDocument& doc) {
    Finding f;
    int sentences = 0;
    each_laid_text(doc, [&](const Page& page, const PlacedItem& item) {
            if (!is_body_text(item)) return;
            const std::string text = item_text(item);
            const std::vector<int> starts = line_starts(item.layout.get());
            for (const auto& s : split_sentences(text)) {
                ++sentences;
                // A sentence starts a line when only spaces lie between a line's start and it.
                bool starts_line = false;
                for (int start : starts)
                    if (start >= 0 && static_cast<std::size_t>(start) <= s.begin &&
                        text.find_first_not_of(" \n\t", start) >= s.begin)
                        starts_line = true;
                if (!starts_line) f.fail_at(page.number, item.source_line, "starts mid-line: " + snippet(text, s.begin));
            }
        });
    f.evidence = tally(sentences, "sentences", f.places_total, "starts in the middle of a line",
                       "start in the middle of a line");
    return f;
}

Finding measure_sentence_splits(const LaidOutDocument& doc) {
    Finding f;
    int continued = 0;
    const PlacedItem* last = nullptr;
    int last_page = 0;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_reading_text(item) || item.block < 0) continue;
            if (last && last->block == item.block && last_page != page.number) {
                ++continued;
                std::string before = item_text(*last);
                before.erase(before.find_last_not_of(" \n\t\"')\xE2\x80\x99\xE2\x80\x9D") + 1);
                const bool ends = !before.empty() && std::string(".!?").find(before.back()) != std::string::npos;
                if (!ends || item.joins_previous)
                    f.fail_at(last_page, item.source_line,
                              "a sentence goes on to page " + std::to_string(page.number) + ": " +
                                  snippet(item_text(item), 0));
            }
            last = &item;
            last_page = page.number;
        }
    f.evidence = tally(continued, "page breaks inside a chunk", f.places_total, "splits a sentence", "split a sentence");
    return f;
}

Finding measure_contrast(const LaidOutDocument& doc, double min_ratio) {
    Finding f;
    double lowest = 21;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_reading_text(item)) continue;
            for (unsigned colour : text_colours(item)) {
                double ratio = contrast_on_white(colour);
                lowest = std::min(lowest, ratio);
                if (ratio < min_ratio) {
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "%06X", colour & 0xFFFFFF);
                    f.fail_at(page.number, item.source_line,
                              "#" + std::string(hex) + " on white is " + points(ratio) + " to 1");
                }
            }
        }
    f.evidence = "The lowest contrast of text on the white page is " + points(lowest) + " to 1 (at least " +
                 points(min_ratio) + " to 1 needed).";
    return f;
}

}  // namespace easyread::conform
