// Text longer than the room left on a page goes on over the next pages in
// parts, split between lines: used by content chunks and by the rows of the
// Hard words and contact pages alike.
#pragma once
#include <functional>

#include "generator/layout/chunk_markup.hpp"
#include "generator/layout/flow.hpp"

namespace easyread {

// Places one part at flow.y and returns its text item; `first` for the part
// that starts the text (it carries the picture and a list item's bullet).
using PlacePart = std::function<PlacedItem&(const ChunkText& part, double part_height, bool first)>;

// Places the text of `b`, laid out whole in `whole` at `width` in `style`, from flow.y
// over as many pages as it needs: each page takes the lines that fit, then
// a new page begins. `first_height` is the least height of the first part
// (its picture). A part that begins inside a word the part before ended is
// marked so the text-lost check joins the word again.
void place_in_parts(Flow& flow, const Block& b, const Flow::Measured& whole, const TextStyle& style, double width,
                    double first_height, const PlacePart& place);

}  // namespace easyread
