#include "generator/render/draw_page.hpp"

#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "generator/layout/text_layout.hpp"
#include "generator/render/pdf_pictures.hpp"
#include "base/file_names.hpp"

namespace easyread {

PictureCache::~PictureCache() {
    for (auto& [file, s] : svgs_) cairo_surface_destroy(s);
    for (auto& [file, s] : pngs_) cairo_surface_destroy(s);
}

static bool is_png(const std::string& file) { return has_ending(file, ".png"); }

void warn_unreadable_picture(const std::string& file, const std::string& why, Diagnostics& diags) {
    diags.warning(file, 0, 0, "broken-picture", "this picture cannot be read: " + why,
                  "Replace the file, or choose another picture.");
}

// librsvg's reason, freed.
static void warn_unreadable(const std::string& file, GError* err, Diagnostics& diags) {
    warn_unreadable_picture(file, err ? err->message : "unknown error", diags);
    if (err) g_error_free(err);
}

cairo_surface_t* PictureCache::png(const std::string& file, Diagnostics& diags) {
    if (auto it = pngs_.find(file); it != pngs_.end()) return it->second;
    cairo_surface_t* s = cairo_image_surface_create_from_png(file.c_str());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        failed_[file] = true;
        diags.warning(file, 0, 0, "broken-picture", "this picture cannot be read as PNG",
                      "Replace the file or remove it from the picture folder.");
        return nullptr;
    }
    return pngs_.emplace(file, s).first->second;
}

void PictureCache::draw_in_box(cairo_t* cr, const std::string& file, double x, double y, double width,
                               double height, Diagnostics& diags) {
    if (failed_.count(file)) return;
    if (is_png(file)) {
        cairo_surface_t* s = png(file, diags);
        if (!s) return;
        double w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        double scale = std::min(width / w, height / h);
        cairo_save(cr);
        cairo_translate(cr, x + (width - w * scale) / 2, y + (height - h * scale) / 2);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        return;
    }
    // Drawn straight from the file: a box-shaped picture (a logo) is drawn once.
    GError* err = nullptr;
    RsvgHandle* h = rsvg_handle_new_from_file(file.c_str(), &err);
    RsvgRectangle viewport{x, y, width, height};
    if (h && rsvg_handle_render_document(h, cr, &viewport, &err)) {
        g_object_unref(h);
        return;
    }
    if (h) g_object_unref(h);
    failed_[file] = true;
    warn_unreadable(file, err, diags);
}

void PictureCache::draw(cairo_t* cr, const std::string& file, double x, double y, double size, Diagnostics& diags) {
    if (failed_.count(file)) return;
    if (is_png(file)) {
        draw_in_box(cr, file, x, y, size, size, diags);
        return;
    }
    if (cairo_surface_t* marker = sheet_ ? sheet_->marker(file) : nullptr) {
        PictureSheet::place(cr, marker, x, y, size);
        return;
    }
    constexpr double kUnit = PictureSheet::kUnit;  // recording size; scaled to each use
    auto it = svgs_.find(file);
    if (it == svgs_.end()) {
        GError* err = nullptr;
        RsvgHandle* h = rsvg_handle_new_from_file(file.c_str(), &err);
        cairo_surface_t* rec = nullptr;
        if (h) {
            cairo_rectangle_t extents{0, 0, kUnit, kUnit};
            rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
            cairo_t* rcr = cairo_create(rec);
            RsvgRectangle viewport{0, 0, kUnit, kUnit};
            bool ok = rsvg_handle_render_document(h, rcr, &viewport, &err);
            cairo_destroy(rcr);
            g_object_unref(h);
            if (!ok) {
                cairo_surface_destroy(rec);
                rec = nullptr;
            }
        }
        if (!rec) {
            failed_[file] = true;
            warn_unreadable(file, err, diags);
            return;
        }
        it = svgs_.emplace(file, rec).first;
    }
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size / kUnit, size / kUnit);
    cairo_rectangle(cr, 0, 0, kUnit, kUnit);
    cairo_clip(cr);
    cairo_set_source_surface(cr, it->second, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

static const char* tag_name(Tag t) {
    switch (t) {
    case Tag::H1: return "H1";
    case Tag::H2: return "H2";
    case Tag::H3: return "H3";
    case Tag::P: return "P";
    case Tag::LI: return "LI";
    case Tag::TOCI: return "TOCI";
    case Tag::Figure: return "Figure";
    default: return nullptr;
    }
}

static void set_rgb(cairo_t* cr, unsigned rgb) {
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

// A link's address as a cairo tag attribute. Characters a URI may not hold
// are percent-encoded (as a browser sends them): cairo copies the address
// into the PDF as it is, where a backslash or a lone bracket would break the
// file ("http://x/\\"). The rest goes in single quotes, a quote escaped.
static std::string uri_attribute(const std::string& uri) {
    static const std::string unsafe = "\\()<>\"{}|^`";
    std::string out;
    for (char ch : uri) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F || unsafe.find(ch) != std::string::npos) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        } else {
            if (ch == '\'') out += '\\';
            out += ch;
        }
    }
    return "uri='" + out + "'";
}

std::vector<LinkBox> link_boxes(PangoLayout* layout, const PlacedItem& it) {
    std::vector<LinkBox> out;
    const char* text = pango_layout_get_text(layout);
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    // Each line's band: its logical extent, cut half way where it overlaps
    // the next line's (lines are closer than the font's height), so the
    // boxes of a link's lines touch and never overlap.
    std::vector<std::pair<int, int>> bands;
    {
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            bands.push_back({logical.y, logical.y + logical.height});
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        for (std::size_t k = 1; k < bands.size(); ++k)
            if (bands[k].first < bands[k - 1].second) {
                const int middle = (bands[k].first + bands[k - 1].second) / 2;
                bands[k - 1].second = middle;
                bands[k].first = middle;
            }
    }
    for (const auto& link : it.links) {
        const std::size_t first = out.size();
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        std::size_t line_no = 0;
        do {
            const auto band = bands[std::min(line_no++, bands.size() - 1)];
            PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
            // The link's letters on this line, without the spaces around them.
            int a = std::max(link.start, line->start_index);
            int b = std::min(link.end, line->start_index + line->length);
            while (a < b && space(text[a])) ++a;
            while (b > a && space(text[b - 1])) --b;
            if (a >= b) continue;
            int* ranges = nullptr;
            int n = 0;
            pango_layout_line_get_x_ranges(line, a, b, &ranges, &n);
            if (n > 0) {
                int x0 = ranges[0], x1 = ranges[1];
                for (int r = 1; r < n; ++r) {
                    x0 = std::min(x0, ranges[2 * r]);
                    x1 = std::max(x1, ranges[2 * r + 1]);
                }
                // Whole points: cairo widens a link's area out to them, which
                // would make two lines' areas overlap.
                const double top = std::round(it.y + band.first / double(PANGO_SCALE));
                const double bottom = std::round(it.y + band.second / double(PANGO_SCALE));
                out.push_back({it.x + x0 / double(PANGO_SCALE), top, (x1 - x0) / double(PANGO_SCALE), bottom - top,
                               link.uri, std::string(text + a, static_cast<std::size_t>(b - a)), a, b, {}});
            }
            g_free(ranges);
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        // The link's words as written: a web address broken over lines is one word again.
        std::string whole;
        if (first < out.size())
            for (int i = out[first].start; i < out.back().end; ++i) {
                if (space(text[i])) {
                    if (!whole.empty() && whole.back() != ' ') whole += ' ';
                } else if (text[i] == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\x8B') {
                    i += 2;  // a zero-width space: a place a line may break
                } else {
                    whole += text[i];
                }
            }
        for (std::size_t k = first; k < out.size(); ++k) out[k].whole = whole;
    }
    return out;
}

// A run's colour from the markup (a link's blue), else the item's.
static void set_run_colour(cairo_t* cr, const PangoLayoutRun* run, std::uint32_t fallback) {
    for (const GSList* a = run->item->analysis.extra_attrs; a; a = a->next) {
        const auto* attr = static_cast<const PangoAttribute*>(a->data);
        if (attr->klass->type != PANGO_ATTR_FOREGROUND) continue;
        const PangoColor& c = reinterpret_cast<const PangoAttrColor*>(attr)->color;
        cairo_set_source_rgb(cr, c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0);
        return;
    }
    set_rgb(cr, fallback);
}

// Text with links, drawn a run at a time so that every word is in the
// structure: cairo marks content only in a tag with no tag inside it, so
// the words of a paragraph that holds a link went unmarked (and became
// artifacts, unread). The words outside links go in Spans; each line of a
// link in a Link with its words and its clickable area over that line only.
static void show_with_links(cairo_t* cr, PangoLayout* layout, const PlacedItem& it) {
    const std::vector<LinkBox> boxes = link_boxes(layout, it);
    const char* text = pango_layout_get_text(layout);
    int open_link = -1;
    bool open_span = false;
    auto end_link = [&] {
        if (open_link >= 0) cairo_tag_end(cr, CAIRO_TAG_LINK);
        open_link = -1;
    };
    auto end_span = [&] {
        if (open_span) cairo_tag_end(cr, "Span");
        open_span = false;
    };
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;  // the end of a line
        const int start = run->item->offset, end = start + run->item->length;
        int box = -1;
        for (std::size_t k = 0; k < boxes.size() && box < 0; ++k)
            if (boxes[k].start < end && start < boxes[k].end) box = static_cast<int>(k);
        if (box >= 0 && box != open_link) {
            end_link();
            end_span();
            const LinkBox& b = boxes[static_cast<std::size_t>(box)];
            const std::string attrs = "rect=[" + std::to_string(b.x) + " " + std::to_string(b.y) + " " +
                                      std::to_string(b.width) + " " + std::to_string(b.height) + "] " +
                                      uri_attribute(b.uri);
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
            open_link = box;
        } else if (box < 0 && !open_span) {
            end_link();
            cairo_tag_begin(cr, "Span", nullptr);
            open_span = true;
        }
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(iter, nullptr, &logical);
        set_run_colour(cr, run, it.style.colour);
        cairo_move_to(cr, it.x + logical.x / double(PANGO_SCALE),
                      it.y + pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE));
        pango_cairo_show_glyph_item(cr, text, run);
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    end_link();
    end_span();
}

void draw_page(cairo_t* cr, const LaidOutDocument& doc, const Page& page, PictureCache& pictures,
               const DrawOptions& opts, Diagnostics& diags) {
    const PageGeometry& g = doc.geometry;
    PangoContext* ctx = pango_cairo_create_context(cr);
    configure_context(ctx);

    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);  // white page, dark text
    cairo_paint(cr);
    cairo_restore(cr);

    // The structure a screen reader walks: lists as L of LI (Lbl, LBody), a
    // deeper list inside its item's LBody; the contents as one TOC of TOCI,
    // each linking to its heading. Anything drawn outside a tag (the page,
    // rules, page numbers, decorative pictures) the PDF marks as an artifact.
    const bool tagged = opts.tagged;
    OpenList own;
    OpenList& lists = opts.carry ? *opts.carry : own;
    auto draw_text = [&](const PlacedItem& it) {
        PangoLayout* layout = it.layout ? static_cast<PangoLayout*>(g_object_ref(it.layout.get()))
                                        : make_text_layout(ctx, it.markup, it.style, it.width);
        set_rgb(cr, it.style.colour);
        if (tagged && !it.links.empty()) {
            show_with_links(cr, layout, it);
        } else {
            cairo_move_to(cr, it.x, it.y);
            pango_cairo_show_layout(cr, layout);
        }
        g_object_unref(layout);
    };
    auto draw_label = [&](const PlacedItem& it) {
        PangoLayout* layout = make_text_layout(ctx, it.label, it.style, it.label_width);
        set_rgb(cr, it.style.colour);
        cairo_move_to(cr, it.x - it.label_width, it.y);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
    };
    auto close_item = [&](OpenList::Level& l) {
        if (!l.item_open) return;
        cairo_tag_end(cr, "LBody");
        cairo_tag_end(cr, "LI");
        l.item_open = false;
    };
    // Closes the lists deeper than `level` (all of them for 0).
    auto close_lists_to = [&](int level) {
        while (!lists.levels.empty() && lists.levels.back().level > level) {
            close_item(lists.levels.back());
            cairo_tag_end(cr, "L");
            lists.levels.pop_back();
        }
        if (lists.levels.empty()) {
            lists.list = -1;
            lists.item_chunk = -1;
        }
    };
    // Opens the LI of the list item whose first item on this page is i:
    // its Lbl (the bullet or number) first, then its LBody.
    auto open_item = [&](std::size_t i) {
        const PlacedItem& it = page.items[i];
        const int level = std::max(1, it.list_level);
        if (it.list != lists.list) close_lists_to(0);
        close_lists_to(level);
        if (!lists.levels.empty() && lists.levels.back().level == level) {
            close_item(lists.levels.back());
        } else {
            cairo_tag_begin(cr, "L", nullptr);
            lists.levels.push_back({level, false});
        }
        lists.list = it.list;
        lists.item_chunk = it.chunk;
        cairo_tag_begin(cr, "LI", nullptr);
        for (std::size_t j = i; j < page.items.size() && page.items[j].chunk == it.chunk; ++j) {
            if (page.items[j].label.empty()) continue;
            cairo_tag_begin(cr, "Lbl", nullptr);
            draw_label(page.items[j]);
            cairo_tag_end(cr, "Lbl");
        }
        cairo_tag_begin(cr, "LBody", nullptr);
        lists.levels.back().item_open = true;
    };
    bool toc_open = false;
    int toc_chunk = -1;  // the chunk of the open TOCI
    bool toc_link = false;
    auto close_toc_item = [&] {
        if (toc_chunk < 0) return;
        if (toc_link) cairo_tag_end(cr, CAIRO_TAG_LINK);
        cairo_tag_end(cr, "TOCI");
        toc_chunk = -1;
        toc_link = false;
    };
    auto close_toc = [&] {
        close_toc_item();
        if (toc_open) cairo_tag_end(cr, "TOC");
        toc_open = false;
    };
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const PlacedItem& it = page.items[i];
        const char* tag = nullptr;
        if (tagged) {
            if (it.list >= 0) {
                close_toc();
                if (it.chunk != lists.item_chunk || it.list != lists.list) open_item(i);
                // A list item's body holds its picture (Figure) and its text (P).
                tag = it.kind == ItemKind::Text ? "P" : it.tag == Tag::Figure ? "Figure" : nullptr;
            } else if (it.tag == Tag::TOCI) {
                close_lists_to(0);
                if (!toc_open) cairo_tag_begin(cr, "TOC", nullptr);
                toc_open = true;
                if (it.chunk != toc_chunk) {
                    close_toc_item();
                    toc_chunk = it.chunk;
                    cairo_tag_begin(cr, "TOCI", nullptr);
                    if (!it.dest.empty()) {  // a contents entry's text is inside its Link
                        std::string attrs = "dest='" + it.dest + "'";
                        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
                        toc_link = true;
                    }
                }
            } else {
                if (it.kind != ItemKind::Rule) close_lists_to(0);
                close_toc();
                tag = tag_name(it.tag);
            }
        } else if (!it.label.empty()) {
            draw_label(it);
        }
        if (tag) cairo_tag_begin(cr, tag, nullptr);
        if (tagged && !it.dest.empty() && it.tag != Tag::TOCI) {
            std::string attrs = "name='" + it.dest + "'";
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
        }
        switch (it.kind) {
        case ItemKind::Text: draw_text(it); break;
        case ItemKind::Picture:
            if (it.width == it.height) pictures.draw(cr, it.picture_file, it.x, it.y, it.width, diags);
            else pictures.draw_in_box(cr, it.picture_file, it.x, it.y, it.width, it.height, diags);
            break;
        case ItemKind::Rule:
            cairo_set_source_rgb(cr, 0.75, 0.78, 0.82);
            cairo_set_line_width(cr, 1.0);
            cairo_move_to(cr, it.x, it.y);
            cairo_line_to(cr, it.x + it.width, it.y);
            cairo_stroke(cr);
            break;
        }
        if (tagged && !it.dest.empty() && it.tag != Tag::TOCI) cairo_tag_end(cr, CAIRO_TAG_DEST);
        if (tag) cairo_tag_end(cr, tag);
    }
    if (tagged) {
        close_toc();
        // Keep the lists open when the next page goes on with the same list.
        int next_list = -1;
        if (opts.next && opts.carry)
            for (const auto& it : opts.next->items)
                if (it.kind != ItemKind::Rule) {
                    next_list = it.list;
                    break;
                }
        if (next_list < 0 || next_list != lists.list) close_lists_to(0);
    }

    if (page.role != PageRole::Cover) {
        // Not part of the text: untagged, so the PDF marks it an artifact.
        TextStyle s;
        s.family = doc.options.font_family;
        s.size = g.number_size;
        s.line_spacing = kPageNumberLineSpacing;
        std::string text = "Page " + std::to_string(page.number);
        PangoLayout* layout = make_text_layout(ctx, markup_escape(text), s, g.content_width());
        pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
        set_rgb(cr, 0x333333);
        cairo_move_to(cr, g.margin_left, g.number_top);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
    }
    g_object_unref(ctx);
}

cairo_status_t draw_pdf_pages(cairo_surface_t* surface, const LaidOutDocument& doc, Diagnostics& diags,
                              PictureSheet* sheet) {
    if (sheet) {
        // The SVGs in square cells (PictureCache::draw), in the order they first show.
        std::vector<std::string> svgs;
        std::set<std::string> seen;
        for (const auto& page : doc.pages)
            for (const auto& it : page.items)
                if (it.kind == ItemKind::Picture && it.width == it.height && !is_png(it.picture_file) &&
                    seen.insert(it.picture_file).second)
                    svgs.push_back(it.picture_file);
        sheet->start(std::move(svgs));
    }
    cairo_t* cr = cairo_create(surface);
    PictureCache pictures(sheet);
    OpenList carry;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        DrawOptions opts;
        opts.tagged = true;
        opts.carry = &carry;
        opts.next = i + 1 < doc.pages.size() ? &doc.pages[i + 1] : nullptr;
        draw_page(cr, doc, doc.pages[i], pictures, opts, diags);
        cairo_show_page(cr);
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (sheet) sheet->wait(diags);
    return status;
}

}  // namespace easyread
