// The word lists the checker and the drafter read from templates/:
// everyday words, the glossary of health and social care terms, plain
// replacements for wordy phrases, and names that mean the same thing.
#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "generator/lang/swap_fit.hpp"
#include "base/diagnostics.hpp"
#include "base/sentences.hpp"
#include "generator/lang/rule_set.hpp"

namespace easyread::lang {

struct GlossaryEntry {
    std::string term;         // as written in the glossary: "CCG", "commissioning"
    std::string full;         // the full words for an acronym; may be empty
    std::string explanation;  // one easy read sentence
    std::vector<std::string> words;  // lower-case words of the term
    bool acronym = false;     // the term is written in capitals
    int line = 0;             // line in the glossary file
};

struct PlainPair {
    std::string wordy;               // "in order to"
    std::string plain;               // "to"; empty when the word needs explaining instead
    std::vector<std::string> words;  // lower-case words of `wordy`
    WordClass word_class = WordClass::Phrase;  // what both are: the frames the swap fits
    int line = 0;
};

// Finds phrases (lists of lower-case words) in a run of words.
class PhraseIndex {
public:
    void add(const std::vector<std::string>& words, std::size_t id);
    // The longest phrase starting at words[i]: its id and length, or length 0.
    std::pair<std::size_t, std::size_t> match(const std::vector<std::string>& words, std::size_t i) const;

private:
    void match_from(const std::vector<std::pair<std::vector<std::string>, std::size_t>>& phrases,
                    const std::vector<std::string>& words, std::size_t i,
                    std::pair<std::size_t, std::size_t>& best) const;
    std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::size_t>>> by_first_;
};

struct Lexicon {
    std::unordered_set<std::string> common;
    std::vector<GlossaryEntry> glossary;
    std::vector<PlainPair> plain;
    std::vector<std::vector<std::string>> same_things;  // each group: names of one thing
    PhraseIndex glossary_index;  // ids index `glossary`
    PhraseIndex full_index;      // full words of acronyms; ids index `glossary`
    PhraseIndex plain_index;     // ids index `plain`
    PhraseIndex same_index;      // ids are group * 64 + name

    // True for a word in the everyday list, counting simple endings
    // ("cares", "caring", "cared", "carer", "happily").
    bool is_common(const std::string& lower) const;
    const GlossaryEntry* find_term(const std::string& lower_or_acronym) const;
};

// Loads every list the rule set names. Malformed lines are errors naming the
// file and line; the rest of the file still loads. Returns false when a file
// could not be read at all.
bool load_lexicon(const RuleSet& rules, Lexicon& out, Diagnostics& diags);

// Each parser on its own, for tests: `file` is only used in diagnostics.
void parse_common_words(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags);
void parse_glossary(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags);
void parse_plain_words(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags);
void parse_same_things(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags);

// An acronym in the text is written in capitals, maybe with a plural "s"
// ("CCG", "CCGs"); "sends" is not "SEND".
bool written_as_acronym(const std::string& written);

// Long or rare words not in the everyday list (the rule set sets "long").
bool is_hard_word(const Lexicon& lexicon, const RuleSet& rules, const Word& w);

// Lower-case words of a phrase, split the way the checker splits text.
std::vector<std::string> phrase_words(const std::string& phrase);

}  // namespace easyread::lang
