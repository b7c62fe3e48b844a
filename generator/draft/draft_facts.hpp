// The facts of a source document (every number, date and name) and where
// the draft keeps each one, for the writer to tick off: a rule-made draft
// must never lose a figure or a name without saying so.
#pragma once
#include <string>
#include <vector>

#include "generator/lang/lexicon.hpp"
#include "generator/model/text_blocks.hpp"

namespace easyread::draft {

using check::TextView;
using lang::Lexicon;

struct Fact {
    std::string written;  // as in the source: "1,240", "02/02/2026", "Eastmoor Borough Council"
    std::vector<std::string> draft_forms;  // how the draft may write it: "2 February 2026", "4 out of 10"
    int source_line = 0;
};

// Numbers (with their £, %, "million"), dates and names in capitals, once each,
// in order. An everyday word of `lexicon` first in a sentence ("Call Hannah
// Abernethy") is not part of the name.
std::vector<Fact> source_facts(const TextView& view, const Lexicon* lexicon = nullptr);

// The list that ends a draft: each fact with the line of `draft` that keeps
// it, or a line saying it is not in the draft. `missing` counts those.
std::string facts_checklist(const std::vector<Fact>& facts, const std::string& draft, int& missing);

}  // namespace easyread::draft
