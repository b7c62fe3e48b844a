#include "generator/layout/layout_document.hpp"

#include <algorithm>

#include "generator/model/build_document.hpp"
#include "generator/layout/chunk_markup.hpp"
#include "generator/layout/extra_pages.hpp"
#include "generator/layout/flow.hpp"
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

    double text_x(const Block& b) const {
        double x = flow.out.options.pictures ? flow.g().text_x() : flow.g().margin_left;
        if (b.kind == BlockKind::ListItem) x += 18.0 * std::max(0, b.level - 1);
        return x;
    }
    double text_width(const Block& b) const { return flow.g().width - flow.g().margin_right - text_x(b); }

    double heading_height(const Block& b) const {
        return flow.measure(markup_escape(b.plain_text()), flow.heading_style(heading_style_level(b.level)),
                            flow.g().content_width());
    }

    double chunk_height(const Block& b) const {
        double text = flow.measure(block_markup(b).markup, flow.body_style(), text_width(b));
        bool pic = flow.out.options.pictures && !b.picture_id.empty();
        return std::max(text, pic ? flow.g().picture_size : 0.0);
    }

    double block_height(const Block& b) const {
        return b.kind == BlockKind::Heading ? heading_height(b) : chunk_height(b);
    }

    void place_heading(std::size_t i) {
        const Block& b = doc.blocks[i];
        const double space_above = flow.out.options.body_pt * 0.8;
        double h = heading_height(b);
        // Keep a heading with the chunk after it.
        double next = 0;
        if (i + 1 < doc.blocks.size()) {
            const Block& n = doc.blocks[i + 1];
            double row = n.kind == BlockKind::Answer && n.row_start ? row_height(i + 1) : 0;
            bool whole_row = row > 0 && row < (flow.g().bottom() - flow.g().margin_top) / 2;
            next = flow.g().gap + (whole_row ? row : block_height(n));
        }
        bool page_has_content = flow.y > flow.g().margin_top + 0.01;
        if (page_has_content && !flow.fits(space_above + h + next)) flow.new_page(PageRole::Content);
        else if (page_has_content) flow.y += space_above;
        int chunk = flow.next_chunk++;
        flow.add_text(flow.g().margin_left, flow.g().content_width(), markup_escape(b.plain_text()),
                      flow.heading_style(heading_style_level(b.level)), heading_tag(b.level), chunk, -1, b.line);
        if (b.level <= 1) flow.out.contents.push_back({b.plain_text(), static_cast<int>(flow.out.pages.size())});
        flow.y += h + flow.g().gap;
        current_list = -1;
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
        bool page_has_content = flow.y > flow.g().margin_top + 0.01;
        if (page_has_content && !flow.fits(h) && h <= flow.g().bottom() - flow.g().margin_top)
            flow.new_page(PageRole::Content);
        place_chunk(doc.blocks[i]);
    }

    void place_chunk(const Block& b) {
        ChunkText text = block_markup(b);
        const double width = text_width(b);
        double text_h = flow.measure(text.markup, flow.body_style(), width);
        const symbols::Picture* pic =
            flow.out.options.pictures && !b.picture_id.empty() ? bank.find(b.picture_id) : nullptr;
        double pic_h = pic ? flow.g().picture_size : 0;
        double h = std::max(text_h, pic_h);
        double full_page = flow.g().bottom() - flow.g().margin_top;
        if (h > full_page) {
            diags.warning(doc.source_path, b.line, b.column, "chunk-too-long",
                          "this chunk is longer than a page and runs past the bottom",
                          "Split it into short paragraphs: one idea each.");
        }
        if (!flow.fits(h) && flow.y > flow.g().margin_top + 0.01) flow.new_page(PageRole::Content);

        int list = -1;
        if (b.kind == BlockKind::ListItem) {
            if (current_list < 0) current_list = flow.next_list++;
            list = current_list;
        } else {
            current_list = -1;
        }
        if (b.kind == BlockKind::Answer && b.row_start && flow.y > flow.g().margin_top + 0.01) {
            PlacedItem rule;
            rule.kind = ItemKind::Rule;
            rule.tag = Tag::Artifact;
            rule.x = flow.g().margin_left;
            rule.y = flow.y - flow.g().gap / 2;
            rule.width = flow.g().content_width();
            flow.page().items.push_back(rule);
        }
        int chunk = flow.next_chunk++;
        // Short text sits in the middle of its picture's height; long text starts at the top.
        double top = flow.y;
        if (pic)
            flow.add_picture(flow.g().margin_left, top, pic_h, pic->file, picture_alt(b, *pic), chunk, b.line);
        flow.y = top + (text_h < pic_h ? (pic_h - text_h) / 2 : 0);
        Tag tag = b.kind == BlockKind::ListItem ? Tag::LI : Tag::P;
        flow.add_text(text_x(b), width, text.markup, flow.body_style(), tag, chunk, list, b.line);
        flow.page().items.back().links = text.links;
        flow.page().items.back().html = text.html;
        flow.y = top + h + flow.g().gap;
    }
};

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
    if (out.title.empty()) out.title = "Easy read document";
    out.lang = doc.meta.get("lang", "en-GB");
    out.subject = doc.meta.get("summary_of");

    PangoContext* ctx = new_measure_context();
    Flow flow{out, ctx, 0, 0, 0, {}};
    layout_cover(flow, doc, bank, diags);

    flow.new_page(PageRole::Content);
    std::size_t first_content = out.pages.size() - 1;
    ContentLayout content{flow, doc, bank, diags};
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (b.kind == BlockKind::Heading) content.place_heading(i);
        else if (b.kind == BlockKind::Answer && b.row_start) content.place_row_start(i);
        else content.place_chunk(b);
    }
    if (!doc.hard_words.empty()) layout_hard_words(flow, doc, bank);
    layout_back_page(flow, doc, bank);
    // A contents page for long documents, straight after the cover.
    if (out.pages.size() > 8) insert_contents(flow, first_content);
    number_pages(out);
    g_object_unref(ctx);
    return true;
}

}  // namespace easyread
