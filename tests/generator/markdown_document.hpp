// A Markdown text made into the document model, as the pipeline reads it.
#pragma once
#include <string>

#include "generator/model/build_document.hpp"

namespace easyread::test {

inline Document document_of(const std::string& text, Diagnostics& d) {
    SourceText src{"doc.md", text};
    ParsedMarkdown md = parse_markdown(src, d);
    return build_document(src, md, d);
}

}  // namespace easyread::test
