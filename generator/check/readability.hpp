// Flesch Reading Ease and Flesch-Kincaid grade, from counts of words,
// sentences and syllables.
#pragma once
#include <vector>

#include "generator/check/check.hpp"
#include "generator/check/check_context.hpp"

namespace easyread::check {

// Adds the counts of a block's sentences to `r` and recomputes its scores.
void add_block(Readability& r, const BlockWords& block);
// Reading Ease = 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words);
// grade = 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.
void score(Readability& r);

}  // namespace easyread::check
