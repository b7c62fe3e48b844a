#include "generator/layout/layout_document.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "generator/model/build_document.hpp"
#include "generator/layout/chunk_markup.hpp"
#include "generator/layout/extra_pages.hpp"
#include "generator/layout/flow.hpp"
#include "generator/layout/font_coverage.hpp"
#include "generator/layout/split_text.hpp"
#include "generator/layout/text_layout.hpp"

namespace easyread {

namespace {

// What a screen reader says for a chunk's picture: the author's words, else
// the picture's name; nothing for a decorative picture.
std::string picture_alt(const Block& b, const symbols::Picture& pic) {
    if (b.picture_decorative) return {};
    return b.picture_alt.empty() ? pic.name : b.picture_alt;
}

// Headings: markdown "#" is a section (H2, the title on the cover is H1).
Tag heading_tag(int level) { return level <= 1 ? Tag::H2 : Tag::H3; }
int heading_style_level(int level) { return level <= 1 ? 2 : 3; }

struct ContentLayout {
    Flow& flow;
    const Document& doc;
    const symbols::Bank& bank;
    Diagnostics& diags;
    int current_list = -1;
    bool after_heading = false;  // the last thing placed was a heading, kept with what follows
    int top_level = 1;           // the two heading levels the contents and bookmarks list
    int second_level = 0;

    // Deeper lists are indented, at most two steps, so deep nesting keeps room for words.
    static constexpr int kMaxIndentSteps = 2;
    double label_width(const Block& b) const {
        if (b.kind != BlockKind::ListItem) return 0.0;
        if (b.number <= 0) return flow.out.options.body_pt * 1.1;
        // "3." or "12.": room for its digits and the full stop, then a space.
        return flow.out.options.body_pt * (0.6 * static_cast<double>(std::to_string(b.number).size()) + 0.75);
    }
    double text_x(const Block& b) const {
        double x = flow.out.options.pictures ? flow.g().text_x() : flow.g().margin_left;
        if (b.kind == BlockKind::ListItem) x += 18.0 * std::clamp(b.level - 1, 0, kMaxIndentSteps);
        return x + label_width(b);
    }
    double text_width(const Block& b) const { return flow.g().width - flow.g().margin_right - text_x(b); }
    double full_page() const { return flow.g().bottom() - flow.g().margin_top; }
    bool page_has_content() const { return flow.y > flow.g().margin_top + 0.01; }

    double heading_height(const Block& b) const {
        return flow.measure(markup_escape(b.plain_text()), flow.heading_style(heading_style_level(b.level)),
                            flow.g().content_width());
    }

    double picture_height(const Block& b) const {
        bool pic = flow.out.options.pictures && !b.picture_id.empty() && bank.find(b.picture_id);
        return pic ? flow.g().picture_size : 0.0;
    }

    double chunk_height(const Block& b) const {
        double text = flow.measure(block_markup(b).markup, flow.body_style(), text_width(b));
        return std::max(text, picture_height(b));
    }

    // The least of a chunk that starts a page part: the whole chunk, or for
    // one longer than a page, its picture and first three lines.
    double first_part_height(const Block& b) const {
        double h = chunk_height(b);
        if (h <= full_page()) return h;
        const TextStyle s = flow.body_style();
        return std::min(full_page(), std::max(picture_height(b), 3 * s.size * s.line_spacing));
    }

    // What must follow a heading on its page: the next heading's share (with
    // its own first chunk), or the first chunk, or a whole table row that fits
    // on a page.
    double keep_with_heading(std::size_t i) const {
        const double space_above = flow.out.options.body_pt * 0.8;
        double need = heading_height(doc.blocks[i]) + flow.g().gap;
        if (i + 1 >= doc.blocks.size()) return need;
        const Block& n = doc.blocks[i + 1];
        if (n.kind == BlockKind::Heading) return need + space_above + keep_with_heading(i + 1);
        double row = n.kind == BlockKind::Answer && n.row_start ? row_height(i + 1) : 0;
        if (row > 0 && need + row <= full_page()) return need + row;
        return need + first_part_height(n);
    }

    void place_heading(std::size_t i) {
        const Block& b = doc.blocks[i];
        const double space_above = flow.out.options.body_pt * 0.8;
        double h = heading_height(b);
        // A heading is never last on its page: it moves on with what follows
        // (unless it already follows a heading, which made room for both).
        double need = keep_with_heading(i);
        bool move = page_has_content() && !after_heading && !flow.fits(space_above + need);
        // A run of headings longer than a page: the heading itself must still fit.
        move = move || (page_has_content() && !flow.fits(space_above + h + flow.g().gap));
        if (move) flow.new_page(PageRole::Content);
        else if (page_has_content()) flow.y += space_above;
        int chunk = flow.next_chunk++;
        flow.add_text(flow.g().margin_left, flow.g().content_width(), markup_escape(b.plain_text()),
                      flow.heading_style(heading_style_level(b.level)), heading_tag(b.level), chunk, -1, b.line);
        PlacedItem& item = flow.page().items.back();
        item.block = static_cast<int>(i);
        item.dest = "heading-" + std::to_string(i + 1);
        if (b.level == top_level || b.level == second_level)
            flow.out.contents.push_back({b.plain_text(), static_cast<int>(flow.out.pages.size()),
                                         b.level == top_level ? 1 : 2, item.dest});
        flow.y += h + flow.g().gap;
        current_list = -1;
        after_heading = true;
    }

    // A table row (the question and its answers) stays on one page when it can.
    double row_height(std::size_t i) const {
        double h = chunk_height(doc.blocks[i]);
        for (std::size_t j = i + 1; j < doc.blocks.size() && doc.blocks[j].kind == BlockKind::Answer &&
                                    !doc.blocks[j].row_start;
             ++j)
            h += flow.g().gap + chunk_height(doc.blocks[j]);
        return h;
    }

    void place_row_start(std::size_t i) {
        double h = row_height(i);
        if (page_has_content() && !after_heading && !flow.fits(h) && h <= full_page())
            flow.new_page(PageRole::Content);
        place_chunk(i);
    }

    void place_rule_before(const Block& b) {
        if (!(b.kind == BlockKind::Answer && b.row_start && page_has_content())) return;
        PlacedItem rule;
        rule.kind = ItemKind::Rule;
        rule.tag = Tag::Artifact;
        rule.x = flow.g().margin_left;
        rule.y = flow.y - flow.g().gap / 2;
        rule.width = flow.g().content_width();
        flow.page().items.push_back(rule);
    }

    // Places text bytes [from, to) of the chunk (all of it when it fits) at flow.y.
    void place_part(std::size_t bi, const ChunkText& text, double text_h, const symbols::Picture* pic, int chunk,
                    int list, bool first) {
        const Block& b = doc.blocks[bi];
        double pic_h = pic ? flow.g().picture_size : 0;
        double h = std::max(text_h, pic_h);
        // Short text sits in the middle of its picture's height; long text starts at the top.
        double top = flow.y;
        if (pic) flow.add_picture(flow.g().margin_left, top, pic_h, pic->file, picture_alt(b, *pic), chunk, b.line);
        flow.y = top + (text_h < pic_h ? (pic_h - text_h) / 2 : 0);
        Tag tag = b.kind == BlockKind::ListItem ? Tag::LI : Tag::P;
        flow.add_text(text_x(b), text_width(b), text.markup, flow.body_style(), tag, chunk, list, b.line);
        PlacedItem& item = flow.page().items.back();
        item.links = text.links;
        item.html = text.html;
        item.block = static_cast<int>(bi);
        if (b.kind == BlockKind::ListItem) item.list_level = std::max(1, b.level);
        if (b.kind == BlockKind::ListItem && first) {
            item.label = list_label(b);  // the first part of a list item shows its bullet or number
            item.label_width = label_width(b);
        }
        if (pic) {
            PlacedItem& picture = flow.page().items[flow.page().items.size() - 2];
            picture.block = static_cast<int>(bi);
            picture.list = list;  // inside the list item, before its text
            picture.list_level = item.list_level;
        }
        flow.y = top + h + flow.g().gap;
    }

    void place_chunk(std::size_t bi) {
        const Block& b = doc.blocks[bi];
        ChunkText text = block_markup(b);
        const double width = text_width(b);
        const Flow::Measured& whole = flow.laid_out(text.markup, flow.body_style(), width);
        const symbols::Picture* pic =
            flow.out.options.pictures && !b.picture_id.empty() ? bank.find(b.picture_id) : nullptr;
        double pic_h = pic ? flow.g().picture_size : 0;
        double h = std::max(whole.height, pic_h);
        const bool keep = after_heading;  // the heading before made room for this
        after_heading = false;
        if (h <= full_page()) {
            if (!flow.fits(h) && page_has_content() && !keep) flow.new_page(PageRole::Content);
        } else if (!keep && page_has_content() && !flow.fits(first_part_height(b))) {
            flow.new_page(PageRole::Content);
        }

        int list = -1;
        if (b.kind == BlockKind::ListItem) {
            if (current_list < 0) current_list = flow.next_list++;
            list = current_list;
        } else {
            current_list = -1;
        }
        place_rule_before(b);
        int chunk = flow.next_chunk++;
        if (flow.fits(h)) {
            place_part(bi, text, whole.height, pic, chunk, list, true);
            return;
        }
        // Longer than the room left: split between lines, never inside a
        // word; the picture stays with the first part.
        if (h > full_page())
            diags.warning(doc.source_path, b.line, b.column, "chunk-too-long",
                      "this chunk is longer than a page, so it goes on over the next page",
                      "Split it into short paragraphs: one idea each.");
        place_in_parts(flow, b, whole, flow.body_style(), width, pic_h, [&](const ChunkText& part, double part_h, bool first) -> PlacedItem& {
            place_part(bi, part, part_h, first ? pic : nullptr, chunk, list, first);
            return flow.page().items.back();
        });
    }
};

// The top two heading levels the document uses: what the contents lists.
std::pair<int, int> contents_levels(const Document& doc) {
    std::set<int> used;
    for (const auto& b : doc.blocks)
        if (b.kind == BlockKind::Heading) used.insert(b.level);
    auto it = used.begin();
    int top = it == used.end() ? 1 : *it++;
    int second = it == used.end() ? 0 : *it;
    return {top, second};
}

}  // namespace

bool layout_document(const Document& doc, const symbols::Bank& bank, const LayoutOptions& opts,
                     LaidOutDocument& out, Diagnostics& diags) {
    out = LaidOutDocument{};
    out.options = opts;
    if (!make_page_geometry(opts, out.geometry)) {
        diags.error({}, 0, 0, "page-size", "unknown page size \"" + opts.page + "\"", "Use --page a4 or --page a5.");
        return false;
    }
    out.title = doc.meta.get("title");
    if (out.title.empty()) {
        for (const auto& b : doc.blocks)
            if (b.kind == BlockKind::Heading) { out.title = b.plain_text(); break; }
    }
    if (out.title.empty()) out.title = kUntitledTitle;
    out.lang = doc.meta.get("lang", "en-GB");
    out.subject = doc.meta.get("summary_of");

    PangoContext* ctx = new_measure_context();
    Flow flow{out, ctx, 0, 0, 0, {}};
    layout_cover(flow, doc, bank, diags);

    flow.new_page(PageRole::Content);
    std::size_t first_content = out.pages.size() - 1;
    ContentLayout content{flow, doc, bank, diags};
    std::tie(content.top_level, content.second_level) = contents_levels(doc);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (b.kind == BlockKind::Heading) content.place_heading(i);
        else if (b.kind == BlockKind::Answer && b.row_start) content.place_row_start(i);
        else content.place_chunk(i);
    }
    if (std::any_of(doc.hard_words.begin(), doc.hard_words.end(), [](const HardWord& w) { return !w.explanation.empty(); }))
        layout_hard_words(flow, doc, bank);
    const std::size_t back_start = out.pages.size();
    const int back_chunk = flow.next_chunk;
    layout_back_page(flow, doc, bank);
    if (out.pages.size() > 8 && opts.sign_off) {
        // The contents will come before the body and move its page numbers:
        // lay the contact page out again naming the pages as they will be numbered.
        LaidOutDocument trial = out;
        Flow ahead{trial, ctx, flow.y, flow.next_chunk, flow.next_list, {}};
        insert_contents(ahead, first_content);
        const int shift = static_cast<int>(trial.pages.size() - out.pages.size());
        out.pages.resize(back_start);
        flow.next_chunk = back_chunk;
        layout_back_page(flow, doc, bank, shift);
    }
    // A contents page for long documents, straight after the cover.
    if (out.pages.size() > 8) insert_contents(flow, first_content);
    number_pages(out);
    warn_missing_characters(doc, out, diags);
    g_object_unref(ctx);
    return true;
}

}  // namespace easyread
