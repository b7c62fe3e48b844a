// Block -> Pango markup: bold for hard words, links kept, labels for table answers.
#pragma once
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

ChunkText block_markup(const Block& b);

}  // namespace easyread
