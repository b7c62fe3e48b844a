// Named rule sets: the numbers a document is checked against, kept as data
// in templates/rules/<name>.rules so each can cite the guide it comes from.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::lang {

struct RuleSet {
    std::string name;    // "uk-easy-read"
    std::string title;   // one line for people
    std::string source;  // the guides the numbers come from
    std::string file;    // where it was loaded from

    double body_pt = 16;                // body text size the build uses
    int max_sentence_words = 15;        // warn above this
    int max_ideas = 1;                  // clauses a sentence may hold
    int max_paragraph_sentences = 3;    // one point per paragraph
    int max_paragraph_words = 45;
    int max_pages = 24;                 // 0 = no limit
    int max_words = 2500;               // whole document; 0 = no limit
    int hard_word_letters = 9;          // words this long or longer, not in the common list, are hard
    int hard_word_syllables = 3;        // words with this many syllables or more, not in the common list
    double min_reading_ease = 70;       // Flesch Reading Ease; 0 = do not warn
    double max_grade = 7;               // Flesch-Kincaid grade; 0 = do not warn
    bool pictures_required = true;      // every text block needs a picture
    double min_body_pt = 14;            // the smallest body text the standard allows (conformance)
    // The measurable layout rules of the standard (ids of layout_rule_ids()),
    // in the order its conformance report lists them, and their source.
    std::vector<std::string> layout;
    std::string layout_source;
    std::set<std::string> off;          // check ids that are not run
    std::set<std::string> errors;       // check ids reported as errors, not warnings

    // Word lists, relative to the data folder (or absolute).
    std::string common_words = "templates/words/common-words.txt";
    std::string glossary = "templates/glossary/health-and-social-care.txt";
    std::string plain_words = "templates/words/plain-words.txt";
    std::string same_things = "templates/words/same-things.txt";

    bool enabled(const std::string& check_id) const { return off.count(check_id) == 0; }
    bool lists_layout(const std::string& id) const {
        for (const auto& l : layout)
            if (l == id) return true;
        return false;
    }
};

constexpr const char* kDefaultRuleSet = "uk-easy-read";

// Loads a rule set by name (templates/rules/<name>.rules in the data folder)
// or by path (anything with a '/' or ending in ".rules"). A malformed file is
// reported with its file and line; returns false when nothing usable loaded.
bool load_rule_set(const std::string& name_or_path, RuleSet& out, Diagnostics& diags);

// Parses rule-set text; `file` is only used in diagnostics.
bool parse_rule_set(const std::string& file, const std::string& text, RuleSet& out, Diagnostics& diags);

// The layout rules a rule set may list ("left-aligned", "no-italics", ...).
const std::vector<std::string>& layout_rule_ids();

// Names of the bundled rule sets, sorted.
std::vector<std::string> bundled_rule_sets();

}  // namespace easyread::lang
