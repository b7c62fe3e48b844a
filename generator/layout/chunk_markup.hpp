// Block -> Pango markup: bold for hard words, links kept, labels for table answers.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "generator/model/document.hpp"
#include "generator/layout/pages.hpp"

namespace easyread {

struct ChunkText {
    std::string markup;
    std::string html;
    std::vector<LinkArea> links;  // byte ranges in the text without markup
};

// The whole chunk: its label (table answers) and its words. A list item's
// bullet leads the HTML only; the page draws it as a list label apart.
ChunkText block_markup(const Block& b);

// Only the visible text bytes [from, to) of the chunk, outer spaces left
// out: one part of a chunk too long for a page. Offsets are in the text
// without markup, as Pango reports them for block_markup's layout.
ChunkText block_markup_part(const Block& b, std::size_t from, std::size_t to);

// The bullet before a list item's text.
const char* list_bullet();
// A list item's label: its number ("3.") in a numbered list, else the bullet.
std::string list_label(const Block& b);

}  // namespace easyread
