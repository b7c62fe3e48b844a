// The "nothing left out" map of a first draft: each paragraph of the source
// with the easy read chunks made from it (the draft names its source line
// above every chunk), the paragraphs nothing was made from, and the facts
// (numbers, dates, money, names) and must/can words that differ between a
// paragraph and its chunks.
#pragma once
#include <string>
#include <vector>

#include "base/source_text.hpp"

namespace easyread::studio {

struct SourceParagraph {
    int line = 0;  // first line in the source's text (a Word file's text as Markdown)
    int para = 0;  // a Word or OpenDocument file's paragraph number; 0 for Markdown
    std::string text;
    bool heading = false;
    std::vector<int> chunks;             // lines of the draft made from it
    std::vector<std::string> left_out;   // facts and must/can words not in those chunks
    std::vector<std::string> added;      // must/can words in the chunks but not the source
};

// Compares a source (already read) with the current text of its draft.
std::vector<SourceParagraph> compare_draft(const SourceText& source, const std::string& draft_text);

// The must/can words of a text, lower case, once each, in order.
std::vector<std::string> duty_words(const std::string& text);

}  // namespace easyread::studio
