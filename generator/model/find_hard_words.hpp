#pragma once

#include <functional>
#include <string>

#include "base/diagnostics.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// Marks the first use of each bold word of the document as a hard word, with
// its explanation taken from the text itself or the bundled glossary; a bold
// word nothing explains is a warning at the word (`column_of` gives its
// column on its file line, 0 when not found there; then, or without it, the
// warning is at its block's column).
using ColumnOf = std::function<int(int line, const std::string& word)>;
void find_hard_words(Document& doc, Diagnostics& diags, const ColumnOf& column_of = {});

}  // namespace easyread
