#pragma once

#include "base/diagnostics.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// Marks the first use of each bold word of the document as a hard word, with
// its explanation taken from the text itself or the bundled glossary; a bold
// word nothing explains is a warning at the word (`source` is the file's text,
// to find the word's column; without it the warning is at its line).
void find_hard_words(Document& doc, Diagnostics& diags, const std::string& source = {});

}  // namespace easyread
