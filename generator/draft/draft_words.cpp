#include "generator/draft/draft_words.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "generator/lang/lexicon.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/numbers.hpp"
#include "generator/lang/swap_fit.hpp"
#include "base/sentences.hpp"

namespace easyread::draft {

using lang::GlossaryEntry;
using lang::PlainPair;
using lang::is_hard_word;
using lang::number_words_run;
using lang::numeric_date_in_words;
using lang::roman_value;
using lang::written_as_acronym;

namespace {

std::string capitalise(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

Rewritten rewrite_words(const std::string& s, const Lexicon& lex, const RuleSet& rules, DraftState& state,
                        DraftStats& stats) {
    Rewritten out;
    std::vector<Word> words = split_words(s);
    std::vector<std::string> lower;
    for (const auto& w : words) lower.push_back(w.lower);
    std::size_t copied = 0;  // bytes of `s` already written
    std::vector<std::string> hard;
    auto emit = [&](std::size_t begin, std::size_t end, const std::string& with) {
        out.text += s.substr(copied, begin - copied);
        out.text += with;
        copied = end;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        bool first_word = i == 0;
        bool name = w.capitalised && !first_word;
        // Glossary terms: bold on first use, full words for acronyms, explanation after.
        auto [gid, glen] = lex.glossary_index.match(lower, i);
        if (glen > 0 && lex.glossary[gid].acronym && !written_as_acronym(s.substr(w.begin, w.end - w.begin))) glen = 0;
        // Names in capitals stay as they are: "Strategic Assessment Framework".
        if (glen > 0 && !lex.glossary[gid].acronym && inside_capitalised_name(words, i, glen, 0)) {
            i += glen - 1;
            continue;
        }
        if (glen > 0) {
            const GlossaryEntry& e = lex.glossary[gid];
            std::size_t end = words[i + glen - 1].end;
            if (state.terms_used.insert(gid).second) {
                std::string written = s.substr(w.begin, end - w.begin);
                std::string bold = "**" + written + "**";
                // "Integrated Care Board (ICB)": the full words are there already, no brackets in brackets.
                const bool in_brackets = w.begin > 0 && s[w.begin - 1] == '(';
                // Nor inside a name: "NHS Long Term Plan".
                const bool in_name = i + glen < words.size() && words[i + glen].capitalised &&
                                     s.find_first_not_of(' ', end) == words[i + glen].begin;
                if (e.acronym && !e.full.empty() && !in_brackets && !in_name) bold += " (" + e.full + ")";
                emit(w.begin, end, bold);
                out.explanations.push_back(e.explanation);
                ++stats.terms_explained;
            }
            i += glen - 1;
            continue;
        }
        // Wordy phrases: swap for the plain words (names are left alone).
        auto [pid, plen] = lex.plain_index.match(lower, i);
        if (plen > 0 && !name) {
            const PlainPair& p = lex.plain[pid];
            std::size_t end = words[i + plen - 1].end;
            if (easyread::lower(p.plain) == easyread::lower(p.wordy)) {  // a name kept whole
                i += plen - 1;
                continue;
            }
            // "a single point of access": the article already says "one" ("a place to ask").
            std::string swap = p.plain;
            if (i > 0 && (lower[i - 1] == "a" || lower[i - 1] == "an") && swap.rfind("one ", 0) == 0) swap.erase(0, 4);
            if (!swap.empty() && lang::swap_fits(s, words, i, plen, swap, p.word_class)) {
                std::string plain = lang::carry_plural(s.substr(words[i + plen - 1].begin, end - words[i + plen - 1].begin),
                                                 p.words.back(), swap);
                emit(w.begin, end, first_word || w.capitalised ? capitalise(plain) : plain);
                ++stats.replacements;
                i += plen - 1;
                continue;
            }
        }
        // Numbers as digits: "twenty-five" -> 25, "three hundred" -> 300.
        // "2 million" stays: a scale word after digits reads better than "2000000".
        // "million" stays a word everywhere: "two million" -> "2 million", never "2000000".
        // "one thousand" -> 1000 (not "one 1000"); "hundreds" and a scale word alone stay words.
        std::size_t run_end = i;
        if (const long value = number_words_run(lower, i, run_end); value > 0) {
            emit(w.begin, words[run_end].end, std::to_string(value));
            i = run_end;
            ++stats.numbers;
            continue;
        }
        if (w.has_digit) {
            bool per_cent = i + 2 < words.size() && lower[i + 1] == "per" && lower[i + 2] == "cent";
            bool percent_word = i + 1 < words.size() && lower[i + 1] == "percent";
            if (w.lower.back() == '%' || per_cent || percent_word) {
                std::size_t last = i + (per_cent ? 2 : percent_word ? 1 : 0);
                const std::string said = lang::percentage_same_value(std::strtod(w.lower.c_str(), nullptr));
                if (said.empty()) continue;
                // "30% of people" -> "3 out of 10 people"; "14% of them" keeps its "of".
                if (last + 2 < words.size() && lower[last + 1] == "of") {
                    const std::string& n = lower[last + 2];
                    if (!lang::is_determiner(n) && n != "them" && n != "us" && n != "you" && n != "all" && n != "those" &&
                        n != "it" && n != "that")
                        ++last;
                }
                emit(w.begin, words[last].end, said);
                i = last;
                ++stats.numbers;
                continue;
            }
            std::string date = numeric_date_in_words(w.lower);
            if (!date.empty()) {
                emit(w.begin, w.end, date);
                ++stats.numbers;
            }
            continue;
        }
        // Acronyms the glossary does not know: a person must write the full words.
        if (w.all_caps && !w.has_digit && w.lower.size() <= 7 && !lex.is_common(w.lower) &&
            roman_value(s.substr(w.begin, w.end - w.begin)) < 0 && state.hard_noted.insert(w.lower).second) {
            out.todos.push_back("acronym \"" + s.substr(w.begin, w.end - w.begin) +
                                "\" is not in the glossary: write the full words, or add it to the glossary");
            continue;
        }
        if (int r = roman_value(s.substr(w.begin, w.end - w.begin)); r > 0 && w.lower.size() >= 2 && w.all_caps) {
            emit(w.begin, w.end, std::to_string(r));
            ++stats.numbers;
            continue;
        }
        // Hard words with no explanation to hand: leave them for a person.
        if (!name && is_hard_word(lex, rules, w) && state.hard_noted.insert(w.lower).second)
            hard.push_back("\"" + s.substr(w.begin, w.end - w.begin) + "\"");
    }
    out.text += s.substr(copied);
    if (!hard.empty()) {
        std::string list;
        for (std::size_t k = 0; k < hard.size(); ++k) list += (k ? ", " : "") + hard[k];
        out.todos.push_back((hard.size() == 1 ? "hard word " : "hard words ") + list +
                            ": use everyday words, or bold each one and explain it in the next sentence");
    }
    return out;
}

}  // namespace easyread::draft
