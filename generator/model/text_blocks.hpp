// The checker's view of a Markdown file: each chunk of text (heading,
// paragraph, list item, table cell) as plain text with the file line and
// column of every byte, so a diagnostic can point at the exact word.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "generator/parse/attributes.hpp"
#include "generator/parse/markdown_front.hpp"
#include "base/source_text.hpp"

namespace easyread::check {

struct FilePos {
    int line = 0;    // 1-based line in the file (front matter counted)
    int column = 0;  // 1-based column in characters
};

struct Range {
    std::size_t begin = 0;  // byte offsets into TextBlock::text
    std::size_t end = 0;
};

struct RawHtml {
    std::string html;
    FilePos at;
};

enum class BlockKind { Heading, Paragraph, ListItem, TableCell };

struct TextBlock {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;          // heading level
    int table_row = -1;     // TableCell: 0 is the header row
    int list_number = 0;    // ListItem of a numbered list: its number; 0 for bullets
    FilePos at;             // where the block starts
    std::string text;       // plain text, attributes removed
    std::vector<FilePos> pos;  // one entry per byte of `text`
    std::vector<Range> bold;
    std::vector<Range> italic;
    std::vector<RawHtml> html;  // inline HTML inside the block
    std::string picture;        // explicit picture id, "none", or empty
    FilePos picture_at;
    Attributes attributes;
    FilePos attributes_at;

    FilePos where(std::size_t byte) const;  // position of a byte (clamped)
    bool is_bold(std::size_t begin, std::size_t end) const;
    bool is_italic(std::size_t begin) const;
};

struct TextView {
    std::vector<TextBlock> blocks;
    std::vector<RawHtml> html_blocks;  // block-level HTML, e.g. <center>
};

// Walks the parsed tree once. Code blocks are left out: they are not prose.
TextView collect_text(const SourceText& src, const ParsedMarkdown& md);

}  // namespace easyread::check
