// The easy read document model: what the text says, in chunks, before layout.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "generator/parse/attributes.hpp"
#include "generator/parse/front_matter.hpp"

namespace easyread {

// A run of inline text with the only emphasis easy read allows (bold), or a link.
struct Span {
    std::string text;
    bool bold = false;
    std::string link;  // URL when this run is a link
    int line = 0;      // lines after the block's first line where the run starts
};

enum class BlockKind {
    Heading,   // level 1-3
    Text,      // one short paragraph
    ListItem,  // one list item, shown as its own chunk
    Answer,    // one table cell of a row, labelled with its column heading
};

// Where a byte of the source is, as an editor shows it.
struct FilePos {
    int line = 0;    // 1-based line in the file (front matter counted)
    int column = 0;  // 1-based column in characters
};

struct TextRange {
    std::size_t begin = 0;  // byte offsets into WrittenBlock::text
    std::size_t end = 0;
};

struct RawHtml {
    std::string html;
    FilePos at;
};

// A heading, paragraph or table cell as written: plain text with the file
// line and column of every byte, so a diagnostic can point at the exact
// word. The checks and the drafter read these; the chunks come from the
// same walk.
struct WrittenBlock {
    // Heading; Text; ListItem for every paragraph of a list item; Answer for
    // every table cell, the column headings (table_row 0) too.
    BlockKind kind = BlockKind::Text;
    int level = 0;          // heading level
    int table_row = -1;     // Answer: 0 is the header row
    int list_number = 0;    // first paragraph of a numbered list's item: its number; else 0
    FilePos at;             // where the block starts
    std::string text;       // plain text, attributes removed
    std::vector<FilePos> pos;  // one entry per byte of `text`
    std::vector<TextRange> bold;
    std::vector<TextRange> italic;
    std::vector<RawHtml> html;  // inline HTML inside the block
    std::string picture;        // picture as written: a bank id, "none", a file name, or empty
    FilePos picture_at;
    Attributes attributes;
    FilePos attributes_at;

    FilePos where(std::size_t byte) const;  // position of a byte (clamped)
    bool is_bold(std::size_t begin, std::size_t end) const;
    bool is_italic(std::size_t begin) const;
};

struct Block {
    BlockKind kind = BlockKind::Text;
    int level = 0;             // heading level; list depth for ListItem
    int number = 0;            // ListItem of a numbered list: its number ("3." is 3); 0 in a bullet list
    std::vector<Span> spans;   // the words
    std::string label;         // Answer: the column heading ("What we found")
    bool row_start = false;    // Answer: first cell of a table row (the question)
    int line = 0;              // 1-based line in the source file
    int column = 1;
    std::string picture_request;  // explicit: ![x](symbol:ID) or {picture=ID}; "none" = no picture
    std::string picture_id;       // chosen picture (explicit or matched); empty = none
    std::string picture_reason;   // why the matcher chose it
    // The words of ![words](symbol:ID), said instead of the picture's name;
    // ![](symbol:ID) (no words) marks the picture as decorative: no alt text.
    std::string picture_alt;
    bool picture_decorative = false;
    std::string anchor;           // {#id}, for links and the kiosk
    int written = -1;             // its text as written: Document::written[written]; -1 for code and notes

    std::string plain_text() const;  // the spans' text joined
};

struct HardWord {
    std::string word;         // as written in bold
    std::string explanation;  // the sentence that explains it; empty when none does
    int line = 0;
};

struct Document {
    std::string source_path;
    FrontMatter meta;
    std::vector<Block> blocks;
    std::vector<HardWord> hard_words;  // first use of each, in order
    // The text as written, in source order: every heading and paragraph,
    // every table cell with words or a picture (code blocks are not prose),
    // and the block-level HTML. Made by the same walk as `blocks`.
    std::vector<WrittenBlock> written;
    std::vector<RawHtml> html_blocks;

    // Front matter gives contact details for the back page ("contact:").
    bool has_contact() const { return !meta.get("contact").empty(); }
};

}  // namespace easyread
