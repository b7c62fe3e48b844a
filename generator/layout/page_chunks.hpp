// The chunks of one laid-out page (picture + words), as a reader meets them,
// each with a key made from its words and picture. The co-production review
// stores what reviewers said under the key, so results follow a chunk's text
// and never a page or line number: a chunk whose words change gets a new key
// and no old results.
#pragma once
#include <string>
#include <vector>

#include "generator/layout/pages.hpp"

namespace easyread {

struct PageChunk {
    int page = 0;          // 1-based index into LaidOutDocument::pages
    int chunk = -1;        // PlacedItem::chunk
    int source_line = 0;   // the chunk's first line in the source
    std::string words;     // its text on this page, parts joined by a space
    std::string picture_file;
    std::string picture_name;  // the picture's alt; empty when none or decorative
    std::string key;           // chunk_key(words, picture_name)
    // Where it stands on this page, in page points from the top left: the
    // union of its items here (a list item's bullet included), so a program
    // showing the page can frame the chunk.
    double x = 0, y = 0, width = 0, height = 0;
};

// The body chunks of page `number` (1-based) in reading order: text the
// document wrote (cover, contents and other pages the layout made are left
// out). Empty when there is no such page.
std::vector<PageChunk> page_chunks(const LaidOutDocument& doc, int number);

// 16 hex digits naming a chunk by its words (spaces squeezed, case kept) and
// its picture's name: the same text gives the same key in every build.
std::string chunk_key(const std::string& words, const std::string& picture_name);

// The plain text an item shows (its markup's tags dropped).
std::string item_text(const PlacedItem& item);

}  // namespace easyread
