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

void OfficeWriter::walk() {
    PageRole role = PageRole::Cover;
    bool first = true;
    for (const auto& page : doc_.pages) {
        if (!first && page.role != role) {
            close_table();
            break_before_ = true;
        }
        first = false;
        role = page.role;
        for (const auto& c : page_chunks(page)) piece(c, page.role);
    }
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
