// The checker's view of a document: each chunk of text (heading, paragraph,
// list item, table cell) as it was written, with the file line and column of
// every byte, so a diagnostic can point at the exact word. A view over the
// document model (Document::written): build_document's one walk over the
// Markdown makes both what is laid out and what is checked.
#pragma once
#include <memory>
#include <vector>

#include "base/source_text.hpp"
#include "generator/model/document.hpp"
#include "generator/parse/markdown_front.hpp"

namespace easyread::check {

using easyread::BlockKind;
using easyread::FilePos;
using easyread::RawHtml;
using Range = easyread::TextRange;
using TextBlock = easyread::WrittenBlock;

class TextView {
    std::shared_ptr<const Document> owned_;  // first: the references below may point into it

public:
    // Borrows the document's text, which must outlive the view.
    explicit TextView(const Document& doc) : blocks(doc.written), html_blocks(doc.html_blocks) {}
    explicit TextView(std::shared_ptr<const Document> doc)
        : owned_(std::move(doc)), blocks(owned_->written), html_blocks(owned_->html_blocks) {}

    const std::vector<TextBlock>& blocks;
    const std::vector<RawHtml>& html_blocks;  // block-level HTML, e.g. <center>
};

// The view of a source not built yet: builds its document (the build's
// problems are the build's to report, so they are not kept). Code blocks are
// left out: they are not prose.
TextView collect_text(const SourceText& src, const ParsedMarkdown& md);

}  // namespace easyread::check
