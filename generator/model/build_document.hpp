// Markdown (already parsed by the shared front) -> easy read blocks.
#pragma once
#include "base/diagnostics.hpp"
#include "generator/parse/markdown_front.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// One walk over the cmark tree. Never fails: odd input becomes warnings.
Document build_document(const ParsedMarkdown& md, Diagnostics& diags);

}  // namespace easyread
