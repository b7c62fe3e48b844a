#include "generator/render/office_writer.hpp"

#include <algorithm>

namespace easyread::office {

std::string author_of(const FrontMatter& meta) {
    std::string a = meta.get("author");
    return a.empty() ? meta.get("organisation") : a;
}

OfficeWriter::Fitted OfficeWriter::fit_picture(const PlacedItem& pic, double width, double height) {
    Fitted f;
    f.png = pngs_.get(pic.picture_file, print_pixels(std::max(width, height)), diags_);
    if (!f.png) return f;
    auto [it, added] = media_index_.emplace(f.png, media_.size());
    if (added) media_.push_back(f.png);
    f.number = it->second + 1;
    const double scale = std::min(width / f.png->width, height / f.png->height);
    f.width = f.png->width * scale;
    f.height = f.png->height * scale;
    return f;
}

int OfficeWriter::bookmark_number(const std::string& dest) {
    return bookmarks_.emplace(dest, static_cast<int>(bookmarks_.size()) + 1).first->second;
}

std::string OfficeWriter::bookmark(const std::string& dest) { return "_Toc" + std::to_string(bookmark_number(dest)); }

void OfficeWriter::open_table() {
    if (table_open_) return;
    begin_table();
    table_open_ = true;
}

void OfficeWriter::close_table() {
    if (!table_open_) return;
    end_table();
    table_open_ = false;
}

bool OfficeWriter::continues(const Chunk& open, const Chunk& next) {
    if (open.texts.empty() || next.texts.empty()) return false;
    const int chunk = open.texts.back()->chunk;
    return chunk >= 0 && next.texts.front()->chunk == chunk;
}

void OfficeWriter::join(Chunk& open, const Chunk& next) {
    const PlacedItem& part = *next.texts.front();
    PlacedItem& whole = joined_.emplace_back(*open.texts.back());
    whole.layout.reset();  // no longer the text's shape; the office formats never draw it
    const std::string before = markup_plain(whole.markup);
    // A part that starts inside a word joins it; the parts of a text split
    // between words keep one space between them.
    const bool space = !part.joins_previous && !before.empty() && before.back() != ' ';
    whole.markup += (space ? " " : "") + part.markup;
    const int shift = static_cast<int>(before.size()) + (space ? 1 : 0);
    // A link's letters up to the break and the letters after it are one link.
    const std::size_t letters_end = before.size() - (!before.empty() && before.back() == ' ' ? 1 : 0);
    for (LinkArea link : part.links) {
        const bool goes_on = link.start == 0 && !whole.links.empty() && whole.links.back().uri == link.uri &&
                             static_cast<std::size_t>(whole.links.back().end) >= letters_end;
        link.start += shift;
        link.end += shift;
        if (goes_on) whole.links.back().end = link.end;
        else whole.links.push_back(link);
    }
    open.texts.back() = &whole;
    open.texts.insert(open.texts.end(), next.texts.begin() + 1, next.texts.end());
    if (!open.picture) open.picture = next.picture;
}

void OfficeWriter::walk() {
    PageRole role = PageRole::Cover;
    bool first = true;
    Chunk open;  // the last chunk met: it may go on over the next page
    bool have_open = false;
    auto flush = [&] {
        if (have_open) piece(open, role);
        have_open = false;
    };
    for (const auto& page : doc_.pages) {
        if (!first && page.role != role) {
            flush();
            close_table();
            break_before_ = true;
        }
        first = false;
        role = page.role;
        bool page_start = true;
        for (auto& c : page_chunks(page)) {
            if (page_start && have_open && continues(open, c)) {
                join(open, c);
            } else {
                flush();
                open = std::move(c);
                have_open = true;
            }
            page_start = false;
        }
    }
    flush();
    close_table();
}

void OfficeWriter::piece(const Chunk& c, PageRole role) {
    if (c.rule_only) return;
    if (is_heading(c)) {
        close_table();
        const PlacedItem& t = *c.texts[0];
        heading(t, heading_level(c), role == PageRole::Cover && t.tag == Tag::H1);
        return;
    }
    if (role == PageRole::Contents && c.texts.size() == 2 && !c.picture) {
        close_table();
        const PlacedItem& entry = *c.texts[0];
        const std::string page = xml(markup_plain(c.texts[1]->markup));
        if (entry.dest.empty()) contents_entry(entry, {}, page, {});
        else {
            const std::string name = bookmark(entry.dest);
            const auto [word, number] = split_page_number(page);
            contents_entry(entry, name, word, number);
        }
        return;
    }
    const bool plain_page = role == PageRole::Cover || role == PageRole::Contents;
    if (plain_page || (!c.picture && !doc_.options.pictures)) {
        close_table();
        if (c.picture) page_picture(*c.picture);
        for (const auto* t : c.texts) text_paragraph(*t, role == PageRole::Cover && t->style.bold);
        return;
    }
    if (!c.picture && role == PageRole::Back && !c.texts.empty() && c.texts.front()->tag == Tag::P &&
        c.texts.front()->x <= g_.margin_left + 1) {
        // Credit lines run the full width under the table.
        close_table();
        for (const auto* t : c.texts) text_paragraph(*t, false);
        return;
    }
    open_table();
    chunk_row(c);
}

}  // namespace easyread::office
