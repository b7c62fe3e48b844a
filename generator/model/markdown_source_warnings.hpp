// What cmark reads differently from what was written, found in the Markdown
// source itself and said at its line: notes nothing refers to (cmark-gfm
// drops them) and character references to no character.
#pragma once
#include "base/diagnostics.hpp"
#include "generator/parse/markdown_front.hpp"

namespace easyread {

void warn_character_references(const ParsedMarkdown& md, Diagnostics& diags);
void warn_unreferenced_notes(const ParsedMarkdown& md, Diagnostics& diags);

}  // namespace easyread
