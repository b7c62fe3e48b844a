// The last look at each drafted sentence before it is written: the broken
// English that word swaps and splits can make. A sentence with any of these
// is written as the source had it, with a TODO, never broken.
#pragma once
#include <string>

namespace easyread::draft {

// What is wrong with `drafted` that `source` (the words it was made from)
// did not have: a doubled word ("about about"), brackets inside brackets,
// "the you ...", "out of 100 them", a "So that" clause without its
// sentence, an unpaired bold mark or bracket. Empty when nothing is.
std::string draft_fault(const std::string& source, const std::string& drafted);

}  // namespace easyread::draft
