// Flesch Reading Ease and Flesch-Kincaid grade, from counts of words,
// sentences and syllables.
#pragma once
#include <vector>

#include "check.hpp"
#include "tokenize.hpp"

namespace easyread::check {

// Adds the counts of some sentences to `r` and recomputes its scores.
void add_sentences(Readability& r, const std::vector<Sentence>& sentences);
// Reading Ease = 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words);
// grade = 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.
void score(Readability& r);

}  // namespace easyread::check
