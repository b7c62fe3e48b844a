// Markdown (already parsed by the shared front) -> easy read blocks.
#pragma once
#include "base/diagnostics.hpp"
#include "base/source_text.hpp"
#include "generator/parse/markdown_front.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// One walk over the cmark tree makes the chunks to lay out and the text as
// written (with the position of every byte) for the checks. `src` is the
// text `md` was parsed from. Never fails: odd input becomes warnings.
Document build_document(const SourceText& src, const ParsedMarkdown& md, Diagnostics& diags);

}  // namespace easyread
