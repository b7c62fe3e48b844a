#include "generator/layout/extra_pages.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "generator/model/assign_pictures.hpp"
#include "generator/layout/logo.hpp"
#include "generator/layout/page_chunks.hpp"
#include "generator/layout/split_text.hpp"
#include "generator/layout/text_layout.hpp"

namespace easyread {

namespace {

// One row: optional picture on the left, text on the right, like a content
// chunk; text longer than a page (big type on A5) goes on over the next page.
void picture_row(Flow& flow, const symbols::Bank& bank, const std::string& picture_id, const Block& text) {
    const symbols::Picture* pic =
        flow.out.options.pictures && !picture_id.empty() ? bank.find(picture_id) : nullptr;
    double x = flow.out.options.pictures ? flow.g().text_x() : flow.g().margin_left;
    double width = flow.g().width - flow.g().margin_right - x;
    const ChunkText whole_text = block_markup(text);
    const Flow::Measured& whole = flow.laid_out(whole_text.markup, flow.body_style(), width);
    double pic_h = pic ? flow.g().picture_size : 0;
    double h = std::max(whole.height, pic_h);
    if (!flow.fits(h)) flow.new_page(flow.page().role);
    int chunk = flow.next_chunk++;
    auto place = [&](const ChunkText& part, double text_h, bool first) -> PlacedItem& {
        double top = flow.y;
        const symbols::Picture* p = first ? pic : nullptr;
        if (p) flow.add_picture(flow.g().margin_left, top, pic_h, p->file, p->name, chunk, 0);
        const double part_pic_h = p ? pic_h : 0;
        flow.y = top + (text_h < part_pic_h ? (part_pic_h - text_h) / 2 : 0);
        flow.add_text(x, width, part.markup, flow.body_style(), Tag::P, chunk);
        flow.page().items.back().links = part.links;
        flow.y = top + std::max(text_h, part_pic_h) + flow.g().gap;
        return flow.page().items.back();
    };
    if (flow.fits(h)) place(whole_text, whole.height, true);
    else place_in_parts(flow, text, whole, flow.body_style(), width, pic_h, place);
}

// A row's text: lines, the first in bold when asked.
Block row_text(const std::vector<std::string>& lines, bool first_bold = false) {
    Block b;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) b.spans.push_back({"\n", false, {}, 0});
        b.spans.push_back({lines[i], first_bold && i == 0, {}, 0});
    }
    return b;
}

// A line of the cover at flow.y, the full width, and flow.y moved below
// it: on a new cover page when it does not fit what is left, and split
// between lines when it is longer than a page (big type on A5).
void cover_text(Flow& flow, const std::string& text, const TextStyle& style, Tag tag) {
    const PageGeometry& g = flow.g();
    const Block b = row_text({text});
    const ChunkText whole_text = block_markup(b);
    const Flow::Measured& whole = flow.laid_out(whole_text.markup, style, g.content_width());
    if (!flow.fits(whole.height) && flow.y > g.margin_top + 0.01) flow.new_page(PageRole::Cover);
    const int chunk = flow.next_chunk++;
    auto place = [&](const ChunkText& part, double h, bool) -> PlacedItem& {
        flow.add_text(g.margin_left, g.content_width(), part.markup, style, tag, chunk);
        flow.y += h;
        return flow.page().items.back();
    };
    if (flow.fits(whole.height)) place(whole_text, whole.height, true);
    else place_in_parts(flow, b, whole, style, g.content_width(), 0, place);
}

void page_heading(Flow& flow, const std::string& text) {
    TextStyle s = flow.heading_style(2);
    flow.y += flow.add_text(flow.g().margin_left, flow.g().content_width(), markup_escape(text), s, Tag::H2,
                            flow.next_chunk++) +
              flow.g().gap;
}

}  // namespace

void layout_cover(Flow& flow, const Document& doc, const symbols::Bank& bank, Diagnostics& diags) {
    flow.new_page(PageRole::Cover);
    const PageGeometry& g = flow.g();
    // The organisation's logo at the top right, 20 mm high unless very wide.
    if (Logo logo; find_logo(doc, logo, diags)) {
        double h = 20 * 72 / 25.4;
        double w = std::min(h * logo.aspect, g.content_width() * 0.45);
        h = w / logo.aspect;
        const std::string org = doc.meta.get("organisation");
        flow.add_picture(g.width - g.margin_right - w, flow.y, w, h, logo.file, org.empty() ? "Logo" : org + " logo",
                         flow.next_chunk++, 0)
            .logo = true;
        flow.y += h + g.gap;
    }
    // Big type for the title and subtitle, made smaller (never below the
    // body size) when a long one would fill more of the cover than its share.
    const double cover_height = g.bottom() - g.margin_top;
    auto fitted = [&](TextStyle s, const std::string& markup, double share) {
        while (s.size > flow.out.options.body_pt &&
               flow.measure(markup, s, g.content_width()) > cover_height * share)
            s.size = std::max(flow.out.options.body_pt, s.size * 0.9);
        return s;
    };
    TextStyle title = flow.heading_style(1);
    title.size = flow.out.options.body_pt * 2.25;
    const std::string title_markup = markup_escape(flow.out.title);
    title = fitted(title, title_markup, 0.4);
    cover_text(flow, flow.out.title, title, Tag::H1);
    if (auto sub = doc.meta.get("subtitle"); !sub.empty()) {
        flow.y += flow.g().gap / 2;
        cover_text(flow, sub, fitted(flow.heading_style(2), markup_escape(sub), 0.25), Tag::P);
    }
    flow.y += g.gap * 2;
    TextStyle body = flow.body_style();
    body.size = flow.out.options.body_pt * 1.25;
    // The lines under the picture, measured first so the picture leaves room for them.
    std::vector<std::string> lines;
    if (auto of = doc.meta.get("summary_of"); !of.empty()) lines.push_back("This is an easy read version of " + of + ".");
    if (auto org = doc.meta.get("organisation"); !org.empty()) lines.push_back(org);
    if (auto date = doc.meta.get("date"); !date.empty()) lines.push_back(date);
    auto lines_height = [&] {
        double h = 0;
        for (const auto& l : lines) h += flow.measure(markup_escape(l), body, g.content_width()) + g.gap;
        return h;
    };
    double lines_h = lines_height();
    if (flow.y + lines_h > g.bottom()) {  // a long title: the lines at body size, so they stay on the cover
        body.size = flow.out.options.body_pt;
        lines_h = lines_height();
    }
    std::string pic_id = flow.out.options.pictures ? cover_picture(doc, bank) : std::string();
    if (const symbols::Picture* pic = pic_id.empty() ? nullptr : bank.find(pic_id)) {
        double size = std::min({g.content_width() * 0.55, (g.bottom() - flow.y) * 0.5,
                                g.bottom() - flow.y - lines_h - g.gap * 2});
        if (size >= g.picture_size) {
            flow.add_picture((g.width - size) / 2, flow.y, size, pic->file, pic->name, flow.next_chunk++, 0);
            flow.y += size + g.gap * 2;
        }
    }
    for (const auto& l : lines) {
        // A cover too full for its lines (a very long title) goes on over a second cover page.
        cover_text(flow, l, body, Tag::P);
        flow.y += g.gap;
    }
}

void layout_hard_words(Flow& flow, const Document& doc, const symbols::Bank& bank) {
    flow.new_page(PageRole::HardWords);
    page_heading(flow, "Hard words");
    symbols::Matcher matcher(bank);
    for (const auto& hw : doc.hard_words) {
        // A word nothing explains is left off: a word with a blank beside it
        // tells the reader nothing (the author was warned at the word).
        if (hw.explanation.empty()) continue;
        auto m = matcher.best(hw.word + ". " + hw.explanation);
        std::vector<std::string> lines{hw.word, hw.explanation};
        picture_row(flow, bank, m.picture ? m.picture->id : std::string(), row_text(lines, true));
    }
}

namespace {

// "page 2", "pages 2 and 4", "pages 2, 3 and 5"
std::string pages_words(const std::vector<int>& pages) {
    std::string s = pages.size() == 1 ? "page " : "pages ";
    for (std::size_t i = 0; i < pages.size(); ++i)
        s += (i == 0 ? "" : i + 1 == pages.size() ? " and " : ", ") + std::to_string(pages[i]);
    return s;
}

}  // namespace

std::vector<std::string> sign_off_lines(const ReviewSignOff& sign_off, const LaidOutDocument& out, int page_shift) {
    std::vector<int> checked, easy, changed;
    for (std::size_t i = 0; i < out.pages.size(); ++i) {
        if (out.pages[i].role != PageRole::Content) continue;
        const auto chunks = page_chunks(out, static_cast<int>(i) + 1);
        if (chunks.empty()) continue;
        std::vector<std::string> keys;
        for (const auto& c : chunks) keys.push_back(c.key);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        const int number = static_cast<int>(i) + 1 + page_shift;
        auto same = std::find_if(sign_off.pages.begin(), sign_off.pages.end(),
                                 [&](const ReviewSignOff::Page& p) { return p.keys == keys; });
        if (same == sign_off.pages.end()) {
            changed.push_back(number);
            continue;
        }
        checked.push_back(number);
        if (same->easy) easy.push_back(number);
    }
    if (checked.empty() || sign_off.people <= 0 || sign_off.date.empty()) return {};
    std::vector<std::string> lines;
    lines.push_back("Checked by " + std::to_string(sign_off.people) + (sign_off.people == 1 ? " person" : " people") +
                    (sign_off.group.empty() ? std::string() : " from the " + sign_off.group + " group") + " on " +
                    sign_off.date + ".");
    if (!changed.empty()) {
        std::string c = pages_words(changed);
        c[0] = 'P';
        lines.push_back("They checked " + pages_words(checked) + ". " + c + (changed.size() == 1 ? " has" : " have") +
                        " changed since, so " + (changed.size() == 1 ? "it is" : "they are") + " not checked yet.");
    }
    if (!easy.empty()) lines.push_back("They found " + pages_words(easy) + " easy to understand.");
    return lines;
}

void layout_back_page(Flow& flow, const Document& doc, const symbols::Bank& bank, int page_shift) {
    flow.new_page(PageRole::Back);
    std::string org = doc.meta.get("organisation");
    if (doc.has_contact()) {  // else no empty "Contact us" (the checker warns)
        page_heading(flow, "Contact us");
        picture_row(flow, bank, "phone",
                    row_text({org.empty() ? std::string("If you want to know more:") : org, doc.meta.get("contact")}));
    }
    if (auto checked = doc.meta.get("checked_by"); !checked.empty())
        picture_row(flow, bank, "check", row_text({"This document was checked by:", checked}));
    if (const auto& review = flow.out.options.sign_off)
        if (auto lines = sign_off_lines(*review, flow.out, page_shift); !lines.empty())
            picture_row(flow, bank, "check", row_text(lines));

    // Credit every picture set the document used.
    std::set<std::string> used;
    for (const auto& page : flow.out.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Picture)
                for (const auto& p : bank.pictures())
                    if (p.file == it.picture_file) used.insert(p.set);
    flow.out.picture_sets_used.clear();
    for (const auto& s : bank.sets()) {
        if (!used.count(s.name)) continue;
        std::string credit = s.credit.empty() ? "Pictures: " + s.name + ", " + s.licence + "." : s.credit;
        flow.out.picture_sets_used.push_back(credit);
    }
    // The credits in smaller type, each kept whole on a page (measured, so
    // big type never pushes one past the bottom margin).
    TextStyle small = flow.body_style();
    const LayoutOptions& o = flow.out.options;
    small.size = std::min(o.body_pt, std::max(o.min_text_pt, o.body_pt * 0.75));
    for (const auto& c : flow.out.picture_sets_used) {
        const std::string credit = markup_escape(c);
        const double h = flow.measure(credit, small, flow.g().content_width());
        if (!flow.fits(h)) flow.new_page(PageRole::Back);
        flow.y += flow.add_text(flow.g().margin_left, flow.g().content_width(), credit, small, Tag::P,
                                flow.next_chunk++) +
                  flow.g().gap / 2;
    }
}

void insert_contents(Flow& flow, std::size_t first_content) {
    auto& pages = flow.out.pages;
    const auto entries = flow.out.contents;
    std::size_t guess = 1;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::size_t before = pages.size();
        flow.new_page(PageRole::Contents);
        page_heading(flow, "Contents");
        const PageGeometry& g = flow.g();
        for (const auto& e : entries) {
            // The top level at the margin, the level below it indented.
            TextStyle s = flow.body_style();
            std::string num = "Page " + std::to_string(e.page + static_cast<int>(guess));
            double indent = e.level > 1 ? s.size * 1.5 : 0;
            // The page number beside the entry, or under it when big type on
            // a small page would leave the entry less than half the line.
            double number_width = s.size * 5;
            double width = g.content_width() - number_width - indent;
            const bool below = width < g.content_width() / 2;
            if (below) width = g.content_width() - indent;
            double h = flow.measure(markup_escape(e.text), s, width);
            double number_h = below ? flow.measure(markup_escape(num), s, width) : 0;
            if (!flow.fits(h + number_h)) flow.new_page(PageRole::Contents);
            int chunk = flow.next_chunk++;
            double top = flow.y;
            flow.add_text(g.margin_left + indent, width, markup_escape(e.text), s, Tag::TOCI, chunk);
            flow.page().items.back().dest = e.dest;
            if (below) {
                flow.y = top + h;
                flow.add_text(g.margin_left + indent, width, markup_escape(num), s, Tag::TOCI, chunk);
            } else {
                flow.add_text(g.width - g.margin_right - number_width, number_width, markup_escape(num), s,
                              Tag::TOCI, chunk);
            }
            flow.page().items.back().dest = e.dest;
            flow.y = top + h + number_h + g.gap * 0.5;
        }
        std::size_t made = pages.size() - before;
        if (made == guess || attempt == 2) {
            std::rotate(pages.begin() + static_cast<long>(first_content), pages.begin() + static_cast<long>(before),
                        pages.end());
            for (auto& e : flow.out.contents) e.page += static_cast<int>(made);
            return;
        }
        pages.resize(before);
        guess = made;
    }
}

}  // namespace easyread
