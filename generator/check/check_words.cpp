// Hard words (long or rare, not in the everyday list, not explained) and
// wordy phrases that have a plain replacement.
#include <cctype>
#include <set>
#include <unordered_set>

#include "generator/check/check_context.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/numbers.hpp"
#include "generator/lang/swap_fit.hpp"
#include "generator/lang/syllables.hpp"

namespace easyread::check {

using lang::PlainPair;
using lang::is_hard_word;

namespace {

// A word inside a web address or an email ("www.eastbridge.gov.uk/ascengagement",
// "team@eastbridge.gov.uk") is not a word of the text: its letters are a name.
bool in_web_address(const std::string& text, std::size_t at) {
    std::size_t begin = at, end = at;
    while (begin > 0 && !std::isspace(static_cast<unsigned char>(text[begin - 1])) && text[begin - 1] != '(') --begin;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ')') ++end;
    const std::string token = text.substr(begin, end - begin);
    if (token.find("://") != std::string::npos || token.find("www.") != std::string::npos ||
        token.find('@') != std::string::npos)
        return true;
    // "eastbridge.gov.uk": a dot between letters, then a known ending.
    for (const char* ending : {".gov.uk", ".org.uk", ".nhs.uk", ".co.uk", ".com", ".org", ".uk"})
        if (token.find(ending) != std::string::npos && token.find(ending) > 0) return true;
    return false;
}

// A word in bold followed by another sentence is the easy read way of
// explaining it ("**advocate**. An advocate is someone who...").
bool explained_in_bold(const CheckContext& ctx, std::size_t b, std::size_t word_index) {
    const TextBlock& block = ctx.view.blocks[b];
    const Word& w = ctx.words[b].words[word_index];
    if (!block.is_bold(w.begin, w.end)) return false;
    return ctx.next_sentence(b, ctx.words[b].sentence_of[word_index]) != nullptr;
}

// A capital at the start of a sentence hides whether a word is a name
// ("Millbrook runs the service"). Take it as a name when the document never
// writes it in lower case and it does not end like an ordinary word.
bool looks_like_name(const std::string& lower, const std::unordered_set<std::string>& lower_case_words) {
    if (lower_case_words.count(lower)) return false;
    for (const char* ending : {"ly", "tion", "sion", "ment", "ness", "ity", "ive", "al", "ous", "ing", "ed", "ise", "ize",
                               "able", "ible", "ance", "ence", "ful", "less"}) {
        std::size_t n = std::string(ending).size();
        if (lower.size() > n + 2 && lower.compare(lower.size() - n, n, ending) == 0) return false;
    }
    return true;
}

}  // namespace

void check_words(const CheckContext& ctx) {
    std::unordered_set<std::string> reported;
    std::unordered_set<std::string> explained;
    std::unordered_set<std::string> lower_case_words;  // written in lower case somewhere in the document
    std::unordered_set<std::string> names;             // capitalised inside a sentence: "we live in Kettering"
    for (const auto& bw : ctx.words)
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            const Word& w = bw.words[i];
            if (!w.capitalised) lower_case_words.insert(w.lower);
            else if (i > 0 && bw.sentence_of[i - 1] == bw.sentence_of[i]) names.insert(w.lower);
        }
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            const Word& w = bw.words[i];
            // Glossary terms are checked by check_terms.
            auto [gid, glen] = bw.glossary[i];
            (void)gid;
            if (glen > 0) {
                i += glen - 1;
                continue;
            }
            bool sentence_start = i == 0 || bw.sentence_of[i - 1] != bw.sentence_of[i];
            bool name = w.capitalised && !sentence_start;  // "Joint Improvement Programme"
            auto [pid, plen] = bw.plain[i];
            // A name kept whole ("learning difficulties | learning difficulties") hides the words inside it.
            if (plen > 0 && easyread::lower(ctx.lexicon.plain[pid].plain) == easyread::lower(ctx.lexicon.plain[pid].wordy)) {
                i += plen - 1;
                continue;
            }
            // Only a swap that fits the sentence, by the drafter's own rule:
            // "voluntary" -> "you can choose" fits nowhere, "the request" is no verb.
            if (plen > 0 && !name && !ctx.lexicon.plain[pid].plain.empty() &&
                lang::swap_fits(block.text, bw.words, i, plen, ctx.lexicon.plain[pid].plain,
                                ctx.lexicon.plain[pid].word_class)) {
                const PlainPair& p = ctx.lexicon.plain[pid];
                std::string written = block.text.substr(w.begin, bw.words[i + plen - 1].end - w.begin);
                if (reported.insert("wordy:" + p.wordy).second)
                    ctx.report(block, w.begin, "wordy-phrase", quote(written) + " has a plainer word",
                               "Write \"" + lang::carry_plural(ctx.text_of(b, bw.words[i + plen - 1]), p.words.back(), p.plain) + "\" instead.");
                i += plen - 1;
                continue;
            }
            // A place or a person the document names inside a sentence is a
            // name at the start of one too ("Kettering has a new centre").
            if (name || (sentence_start && w.capitalised &&
                         ((names.count(w.lower) && !lower_case_words.count(w.lower)) ||
                          looks_like_name(w.lower, lower_case_words))))
                continue;
            if (explained.count(w.lower) || !is_hard_word(ctx.lexicon, ctx.rules, w)) continue;
            if (in_web_address(block.text, w.begin)) continue;
            if (explained_in_bold(ctx, b, i)) {
                explained.insert(w.lower);
                continue;
            }
            if (!reported.insert("hard:" + w.lower).second) continue;
            ctx.report(block, w.begin, "hard-word",
                       quote(ctx.text_of(b, w)) + " is not an everyday word",
                       "Use an everyday word, or write it in bold and explain it in the next sentence.");
        }
    }
}

}  // namespace easyread::check
