#pragma once

#include "generator/model/document.hpp"

namespace easyread {

// Starts every sentence after a chunk's first on a new line (the European
// easy-to-read standard): the space before it becomes a line break, so byte
// offsets into the chunk's text stay the same for the layout and the checks.
void put_sentences_on_lines(Document& doc);

}  // namespace easyread
