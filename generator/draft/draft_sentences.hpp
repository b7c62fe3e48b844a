// Sentence surgery for the drafter: semicolons, inline lists, long chains.
#pragma once
#include <string>
#include <vector>

namespace easyread::draft {

struct DraftPiece {
    std::string text;                // one sentence, or a list's lead-in ("You can:")
    std::vector<std::string> items;  // bullet items when this piece is a list
};

// Splits one source sentence into easy read pieces: at semicolons, into a
// bullet list when it holds an inline list, and at joining words when it is
// longer than `max_words`. Pieces are trimmed and start with a capital.
std::vector<DraftPiece> split_for_draft(const std::string& sentence, int max_words);

// Upper-cases the first letter and makes sure the text ends with . ! ? or :
std::string tidy_sentence(std::string s);

}  // namespace easyread::draft
