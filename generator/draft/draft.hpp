// The offline drafting assistant: Markdown (or plain text) in, a first
// easy read draft in Markdown out, by rule only. Every block of the draft
// carries a comment naming the source line it came from, and a TODO comment
// where the rules could not simplify enough, so nothing is silently lost.
#pragma once
#include <string>

#include "generator/parse/markdown_front.hpp"
#include "base/source_text.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"

namespace easyread::draft {

using lang::Lexicon;
using lang::RuleSet;

struct DraftStats {
    int source_blocks = 0;
    int sentences = 0;        // sentences written
    int lists = 0;            // inline lists turned into bullet lists
    int replacements = 0;     // wordy phrases made plain
    int numbers = 0;          // numbers, dates and percentages rewritten
    int terms_explained = 0;  // glossary terms bolded with their explanation
    int todos = 0;            // places a person must look at
    int facts = 0;            // numbers, dates and names in the source (listed at the end)
    int facts_missing = 0;    // of those, the ones no draft line keeps
};

std::string draft_markdown(const SourceText& src, const ParsedMarkdown& md, const RuleSet& rules,
                           const Lexicon& lexicon, DraftStats& stats);

}  // namespace easyread::draft
