// Changing what a hard word means, in the text, so that the generator reads
// the new meaning back: the sentence that explained the word is rewritten
// where it stands (found through the Markdown codes: bold, links, line
// breaks), or, when no sentence in the text explains it (none, or the
// bundled glossary's), a sentence is put right after the word's own one.
// Every candidate edit is compiled and kept only when the document's Hard
// words list then says the new meaning for that word.
#pragma once
#include <string>

#include "symbols/bank.hpp"

namespace easyread::studio {

struct MeaningEdit {
    std::string text;         // the whole new text
    std::string explanation;  // the meaning as the generator now reads it
    std::string error;        // set when no edit gives the word that meaning
};

// `path` is where the document lives (pictures beside it are found);
// `files_root` the studio's folder.
MeaningEdit set_meaning(const std::string& path, const std::string& files_root, const symbols::Bank& bank,
                        const std::string& text, const std::string& word, const std::string& meaning);

}  // namespace easyread::studio
