#include "generator/layout/page_chunks.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace easyread {

std::string item_text(const PlacedItem& item) {
    if (item.layout) return pango_layout_get_text(item.layout.get());
    char* text = nullptr;
    if (!pango_parse_markup(item.markup.c_str(), -1, 0, nullptr, &text, nullptr, nullptr)) return item.markup;
    std::string out = text;
    g_free(text);
    return out;
}

namespace {

std::string squeeze_spaces(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

std::string chunk_key(const std::string& words, const std::string& picture_name) {
    // FNV-1a, 64 bits: an identity for matching, not a secret.
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&h](const std::string& s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ull;
        }
    };
    mix(squeeze_spaces(words));
    mix(std::string(1, '\0'));
    mix(picture_name);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::vector<PageChunk> page_chunks(const LaidOutDocument& doc, int number) {
    std::vector<PageChunk> out;
    if (number < 1 || number > static_cast<int>(doc.pages.size())) return out;
    const Page& page = doc.pages[static_cast<std::size_t>(number - 1)];
    for (const PlacedItem& item : page.items) {
        const bool text = item.kind == ItemKind::Text && item.tag != Tag::Artifact && item.block >= 0;
        const bool picture = item.kind == ItemKind::Picture && !item.logo && item.chunk >= 0;
        if (!text && !picture) continue;
        // Items of one chunk share its number; text outside a chunk is its own.
        PageChunk* c = nullptr;
        if (item.chunk >= 0)
            for (auto& o : out)
                if (o.chunk == item.chunk) c = &o;
        if (!c) {
            out.push_back(PageChunk{});
            c = &out.back();
            c->page = number;
            c->chunk = item.chunk;
        }
        if (c->source_line == 0) c->source_line = item.source_line;
        const double left = item.x - item.label_width, right = item.x + item.width, bottom = item.y + item.height;
        if (c->width <= 0 && c->height <= 0) {
            c->x = left;
            c->y = item.y;
        }
        const double union_right = std::max(c->x + c->width, right), union_bottom = std::max(c->y + c->height, bottom);
        c->x = std::min(c->x, left);
        c->y = std::min(c->y, item.y);
        c->width = union_right - c->x;
        c->height = union_bottom - c->y;
        if (picture) {
            c->picture_file = item.picture_file;
            c->picture_name = item.alt;
        } else {
            const std::string t = squeeze_spaces(item_text(item));
            if (!t.empty()) c->words += (c->words.empty() ? "" : " ") + t;
        }
    }
    // A picture with no words on this page (its text went over) is no chunk to read.
    std::vector<PageChunk> kept;
    for (auto& c : out) {
        if (c.words.empty()) continue;
        c.key = chunk_key(c.words, c.picture_name);
        kept.push_back(std::move(c));
    }
    return kept;
}

}  // namespace easyread
