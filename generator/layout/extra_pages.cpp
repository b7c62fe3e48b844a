#include "generator/layout/extra_pages.hpp"

#include <algorithm>
#include <set>

#include "generator/model/assign_pictures.hpp"
#include "generator/layout/logo.hpp"
#include "generator/layout/text_layout.hpp"

namespace easyread {

namespace {

// One row: optional picture on the left, text on the right, like a content chunk.
void picture_row(Flow& flow, const symbols::Bank& bank, const std::string& picture_id, const std::string& markup,
                 Tag tag = Tag::P) {
    const symbols::Picture* pic =
        flow.out.options.pictures && !picture_id.empty() ? bank.find(picture_id) : nullptr;
    double x = flow.out.options.pictures ? flow.g().text_x() : flow.g().margin_left;
    double width = flow.g().width - flow.g().margin_right - x;
    double text_h = flow.measure(markup, flow.body_style(), width);
    double pic_h = pic ? flow.g().picture_size : 0;
    double h = std::max(text_h, pic_h);
    if (!flow.fits(h)) flow.new_page(flow.page().role);
    int chunk = flow.next_chunk++;
    double top = flow.y;
    if (pic) flow.add_picture(flow.g().margin_left, top, pic_h, pic->file, pic->name, chunk, 0);
    flow.y = top + (text_h < pic_h ? (pic_h - text_h) / 2 : 0);
    flow.add_text(x, width, markup, flow.body_style(), tag, chunk);
    flow.y = top + h + flow.g().gap;
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
    TextStyle title = flow.heading_style(1);
    title.size = flow.out.options.body_pt * 2.25;
    flow.y += flow.add_text(g.margin_left, g.content_width(), markup_escape(flow.out.title), title, Tag::H1,
                            flow.next_chunk++);
    if (auto sub = doc.meta.get("subtitle"); !sub.empty()) {
        flow.y += flow.g().gap / 2;
        flow.y += flow.add_text(g.margin_left, g.content_width(), markup_escape(sub), flow.heading_style(2), Tag::P,
                                flow.next_chunk++);
    }
    flow.y += g.gap * 2;
    std::string pic_id = flow.out.options.pictures ? cover_picture(doc, bank) : std::string();
    if (const symbols::Picture* pic = pic_id.empty() ? nullptr : bank.find(pic_id)) {
        double size = std::min(g.content_width() * 0.55, (g.bottom() - flow.y) * 0.5);
        flow.add_picture((g.width - size) / 2, flow.y, size, pic->file, pic->name, flow.next_chunk++, 0);
        flow.y += size + g.gap * 2;
    }
    TextStyle body = flow.body_style();
    body.size = flow.out.options.body_pt * 1.25;
    auto line = [&](const std::string& markup) {
        flow.y += flow.add_text(g.margin_left, g.content_width(), markup, body, Tag::P, flow.next_chunk++) + g.gap;
    };
    if (auto of = doc.meta.get("summary_of"); !of.empty())
        line("This is an easy read version of " + markup_escape(of) + ".");
    if (auto org = doc.meta.get("organisation"); !org.empty()) line(markup_escape(org));
    if (auto date = doc.meta.get("date"); !date.empty()) line(markup_escape(date));
}

void layout_hard_words(Flow& flow, const Document& doc, const symbols::Bank& bank) {
    flow.new_page(PageRole::HardWords);
    page_heading(flow, "Hard words");
    symbols::Matcher matcher(bank);
    for (const auto& hw : doc.hard_words) {
        auto m = matcher.best(hw.word + ". " + hw.explanation);
        std::string markup = "<b>" + markup_escape(hw.word) + "</b>";
        if (!hw.explanation.empty()) markup += "\n" + markup_escape(hw.explanation);
        picture_row(flow, bank, m.picture ? m.picture->id : std::string(), markup);
    }
}

void layout_back_page(Flow& flow, const Document& doc, const symbols::Bank& bank) {
    flow.new_page(PageRole::Back);
    std::string org = doc.meta.get("organisation");
    page_heading(flow, "Contact us");
    std::string contact = doc.meta.get("contact");
    if (!org.empty() || !contact.empty()) {
        std::string markup = markup_escape(org.empty() ? std::string("If you want to know more:") : org);
        if (!contact.empty()) markup += "\n" + markup_escape(contact);
        picture_row(flow, bank, "phone", markup);
    }
    if (auto checked = doc.meta.get("checked_by"); !checked.empty())
        picture_row(flow, bank, "check", "This document was checked by:\n" + markup_escape(checked));

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
    std::string credits;
    for (const auto& c : flow.out.picture_sets_used) credits += (credits.empty() ? "" : "\n") + markup_escape(c);
    if (!credits.empty()) {
        TextStyle small = flow.body_style();
        small.size = std::max(12.0, flow.out.options.body_pt * 0.75);
        if (!flow.fits(small.size * 4)) flow.new_page(PageRole::Back);
        flow.y += flow.add_text(flow.g().margin_left, flow.g().content_width(), credits, small, Tag::P,
                                flow.next_chunk++) +
                  flow.g().gap;
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
            TextStyle s = flow.body_style();
            std::string num = "Page " + std::to_string(e.page + static_cast<int>(guess));
            double number_width = s.size * 5;
            double h = flow.measure(markup_escape(e.text), s, g.content_width() - number_width);
            if (!flow.fits(h)) flow.new_page(PageRole::Contents);
            int chunk = flow.next_chunk++;
            double top = flow.y;
            flow.add_text(g.margin_left, g.content_width() - number_width, markup_escape(e.text), s, Tag::P, chunk);
            flow.add_text(g.width - g.margin_right - number_width, number_width, markup_escape(num), s, Tag::P, chunk);
            flow.y = top + h + g.gap * 0.5;
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
