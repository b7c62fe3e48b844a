// Word-level rewriting for the drafter: plain words, digits, dates, and
// glossary terms bolded with their explanation on first use.
#pragma once
#include <string>
#include <unordered_set>
#include <vector>

#include "base/sentences.hpp"
#include "generator/draft/draft.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"

namespace easyread::draft {

using lang::Lexicon;
using lang::RuleSet;

// What the drafter remembers across the document.
struct DraftState {
    std::unordered_set<std::size_t> terms_used;   // glossary entries already explained
    std::unordered_set<std::string> hard_noted;   // hard words already given a TODO
};

struct Rewritten {
    std::string text;
    std::vector<std::string> explanations;  // sentences to put right after this one
    std::vector<std::string> todos;         // notes for the person editing
};

Rewritten rewrite_words(const std::string& sentence, const Lexicon& lexicon, const RuleSet& rules, DraftState& state,
                        DraftStats& stats);

}  // namespace easyread::draft
