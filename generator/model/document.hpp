// The easy read document model: what the text says, in chunks, before layout.
#pragma once
#include <string>
#include <vector>

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

    // Front matter gives contact details for the back page ("contact:").
    bool has_contact() const { return !meta.get("contact").empty(); }
};

}  // namespace easyread
