// What every check reads: the file's text blocks split into sentences and
// words, the rule set, the word lists, and where to report.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/parse/front_matter.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/model/text_blocks.hpp"
#include "base/sentences.hpp"

namespace easyread::check {

using lang::Lexicon;
using lang::RuleSet;

struct BlockWords {
    std::vector<Sentence> sentences;
    std::vector<Word> words;          // every word of the block, in order
    std::vector<std::string> lower;   // words[i].lower, for phrase matching
    std::vector<std::size_t> sentence_of;  // words[i] is in sentences[sentence_of[i]]
    // Phrases starting at words[i], matched once for every check to share:
    // {id, length in words}; length 0 when none starts there.
    std::vector<std::pair<std::size_t, std::size_t>> glossary, plain, same;
    std::vector<int> syllables;  // of words[i]
};

class CheckContext {
public:
    CheckContext(const std::string& file, const FrontMatter& meta, const RuleSet& rules, const Lexicon& lexicon,
                 const TextView& view, Diagnostics& diags);

    const std::string& file;
    const FrontMatter& meta;
    const RuleSet& rules;
    const Lexicon& lexicon;
    const TextView& view;
    std::vector<BlockWords> words;  // one per view.blocks entry

    bool on(const char* id) const { return rules.enabled(id); }
    // Reports at a byte of a block; warning or error as the rule set says.
    void report(const TextBlock& block, std::size_t byte, const std::string& id, const std::string& message,
                const std::string& hint) const;
    void report_at(FilePos at, const std::string& id, const std::string& message, const std::string& hint) const;
    void note_at(FilePos at, const std::string& id, const std::string& message, const std::string& hint) const;

    // The text of a word as written.
    std::string text_of(std::size_t block, const Word& w) const;
    // The sentence after sentence `s` of block `b`, looking into the next
    // text block when `s` is the last; null when there is none.
    const Sentence* next_sentence(std::size_t b, std::size_t s, std::size_t* next_block = nullptr) const;

private:
    Diagnostics& diags_;
};

// One function per group of checks; each file holds one group.
void check_sentences(const CheckContext& ctx);  // long-sentence, several-ideas, long-paragraph
void check_words(const CheckContext& ctx);      // hard-word, wordy-phrase
void check_terms(const CheckContext& ctx);      // unexplained-term, acronym, two-names
void check_numbers(const CheckContext& ctx);    // number-as-word, percentage, roman-numeral, numeric-date
void check_emphasis(const CheckContext& ctx);   // italic, underline, all-caps, alignment
void check_front_matter(const CheckContext& ctx);  // front-matter-key, no-contact

// The known front matter key nearest to a misspelt one ("contcat" ->
// "contact"); empty when none is near.
std::string nearest_front_matter_key(const std::string& key);

// Quotes a short piece of text for a message, cutting long text at a word.
std::string quote(const std::string& text, std::size_t max_chars = 40);

}  // namespace easyread::check
