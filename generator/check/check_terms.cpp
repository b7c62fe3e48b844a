// Glossary terms and acronyms that are not explained the first time, and
// one thing called by two names.
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "generator/check/check_context.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/naming.hpp"

namespace easyread::check {

using lang::GlossaryEntry;
using lang::is_naming_opening;
using lang::phrase_words;

namespace {

bool starts_with_words(const std::vector<std::string>& lower, std::size_t from,
                       std::initializer_list<std::initializer_list<const char*>> openings) {
    for (const auto& opening : openings) {
        std::size_t k = 0;
        bool ok = true;
        for (const char* w : opening) {
            if (from + k >= lower.size() || lower[from + k] != w) { ok = false; break; }
            ++k;
        }
        if (ok) return true;
    }
    return false;
}

// Index of the first word of a sentence in the block's word list.
std::size_t first_word_index(const BlockWords& bw, const Sentence& s) {
    for (std::size_t i = 0; i < bw.words.size(); ++i)
        if (bw.words[i].begin >= s.begin) return i;
    return bw.words.size();
}

// The next sentence explains the term: "This means ...", "A CCG is ...".
bool next_sentence_explains(const CheckContext& ctx, std::size_t b, std::size_t s,
                            const std::vector<std::string>& term_words) {
    std::size_t nb = b;
    const Sentence* next = ctx.next_sentence(b, s, &nb);
    if (!next) return false;
    const BlockWords& bw = ctx.words[nb];
    std::size_t i = first_word_index(bw, *next);
    if (starts_with_words(bw.lower, i, {{"this", "means"}, {"that", "means"}, {"it", "means"}}))
        return true;
    // "It is a group of ...", "This is when ...": a describing sentence. "It
    // is important." or "They are free." says something about it but does
    // not explain it.
    if (starts_with_words(bw.lower, i, {{"this", "is"}, {"these", "are"}, {"they", "are"}, {"it", "is"},
                                        {"this", "was"}, {"it", "was"}})) {
        static const std::unordered_set<std::string> kDefining = {
            "a",     "an",     "the",     "when",      "where",  "who",   "what",   "how",   "someone",
            "something", "somewhere", "people", "groups", "like",  "about", "for",  "part", "one",
            "our",   "your",   "their",   "money",     "help",   "why",   "some"};
        return i + 2 < bw.lower.size() && bw.words[i + 2].begin < next->end && kDefining.count(bw.lower[i + 2]) > 0;
    }
    // "<term> means / is / are ..." with or without "a"/"an"/"the" first.
    if (i < bw.lower.size() && (bw.lower[i] == "a" || bw.lower[i] == "an" || bw.lower[i] == "the")) ++i;
    if (i >= bw.words.size()) return false;
    auto [id, len] = bw.glossary[i];
    (void)id;
    bool same = len == term_words.size() && len > 0 && bw.lower[i].rfind(term_words[0], 0) == 0;
    if (same && i + len < bw.lower.size()) {
        const std::string& verb = bw.lower[i + len];
        return verb == "means" || verb == "is" || verb == "are" || verb == "mean";
    }
    for (std::size_t k = i; k < bw.lower.size() && bw.words[k].begin < next->end; ++k)
        if (bw.lower[k] == "means" || bw.lower[k] == "mean") return true;
    return false;
}

// The full words appear in this sentence or the one before: "clinical commissioning group (CCG)".
bool full_words_nearby(const CheckContext& ctx, std::size_t b, std::size_t word_index,
                       const std::vector<std::string>& full) {
    if (full.empty()) return false;
    const BlockWords& bw = ctx.words[b];
    std::size_t s = bw.sentence_of[word_index];
    for (std::size_t i = 0; i < bw.words.size(); ++i) {
        std::size_t si = bw.sentence_of[i];
        if (si + 1 < s || si > s) continue;
        std::size_t k = 0;
        while (k < full.size() && i + k < bw.words.size() && bw.lower[i + k].rfind(full[k], 0) == 0) ++k;
        if (k == full.size()) return true;
    }
    return false;
}

// Initials of the words before an acronym spell it: "Joint Improvement Programme (JIP)".
bool initials_before(const BlockWords& bw, std::size_t i, const std::string& acronym) {
    std::string letters = acronym;
    if (letters.size() > 2 && letters.back() == 's') letters.pop_back();  // "ccgs"
    std::size_t n = letters.size();
    if (i < n) return false;
    for (std::size_t skip = 0; skip <= 2 && i >= n + skip; ++skip) {
        std::string initials;
        for (std::size_t k = i - n - skip; k < i; ++k)
            if (bw.lower[k] != "and" && bw.lower[k] != "of" && bw.lower[k] != "the" && bw.lower[k] != "for")
                initials += bw.lower[k][0];
        if (initials == letters) return true;
    }
    // Small words counted too: "Deprivation of Liberty Safeguards (DoLS)".
    if (i >= n) {
        std::string initials;
        for (std::size_t k = i - n; k < i; ++k) initials += bw.lower[k][0];
        if (initials == letters) return true;
    }
    return false;
}

// "Every person will have a plan to leave hospital. This plan is called a
// **discharge plan**.": the sentence before explains the word.
bool named_after_explaining(const CheckContext& ctx, std::size_t b, std::size_t word_index) {
    const BlockWords& bw = ctx.words[b];
    const std::size_t s = bw.sentence_of[word_index];
    const Sentence& sentence = bw.sentences[s];
    const std::string& text = ctx.view.blocks[b].text;
    const std::size_t at = bw.words[word_index].begin;
    if (!is_naming_opening(text.substr(sentence.begin, at > sentence.begin ? at - sentence.begin : 0)))
        return false;
    if (s > 0) return true;
    return b > 0 && ctx.view.blocks[b - 1].kind != BlockKind::Heading && !ctx.words[b - 1].sentences.empty();
}

bool roman_like(const std::string& lower) {
    return lower.find_first_not_of("ivx") == std::string::npos;
}

void check_glossary_terms(const CheckContext& ctx) {
    std::unordered_set<std::size_t> seen;
    std::unordered_set<std::string> seen_full;  // full words already used in the text
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            auto [id, len] = bw.glossary[i];
            if (len == 0) continue;
            const GlossaryEntry& e = ctx.lexicon.glossary[id];
            const Word& w = bw.words[i];
            std::size_t sentence_first = first_word_index(bw, bw.sentences[bw.sentence_of[i]]);
            if (!e.acronym && inside_capitalised_name(bw.words, i, len, sentence_first)) {
                i += len - 1;  // part of a name, like "Joint Strategy for Autistic People"
                continue;
            }
            std::size_t first = i;
            i += len - 1;
            if (!seen.insert(id).second) continue;
            std::vector<std::string> full = phrase_words(e.full);
            bool bold = block.is_bold(w.begin, bw.words[i].end) && ctx.next_sentence(b, bw.sentence_of[i]);
            bool ok = bold || named_after_explaining(ctx, b, first) ||
                      next_sentence_explains(ctx, b, bw.sentence_of[i], e.words) ||
                      (e.acronym && (full_words_nearby(ctx, b, first, full) || seen_full.count(e.full)));
            if (ok) continue;
            std::string written = block.text.substr(w.begin, bw.words[i].end - w.begin);
            if (e.acronym) {
                ctx.report(block, w.begin, "unexplained-term",
                           quote(written) + " is an acronym that is not explained the first time it is used",
                           "Write the full words, \"" + e.full + "\", then explain: \"" + e.explanation + "\"");
            } else {
                ctx.report(block, w.begin, "unexplained-term",
                           quote(written) + " is jargon that is not explained the first time it is used",
                           "Write it in bold and explain it in the next sentence, for example: \"" + e.explanation + "\"");
            }
        }
        // Remember full names used here so a later acronym counts as introduced.
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            auto [id, len] = ctx.lexicon.full_index.match(bw.lower, i);
            if (len > 0) seen_full.insert(ctx.lexicon.glossary[id].full);
        }
    }
}

// Capitals ("CCG"), capitals mixed with small letters ("DoLS", "LeDeR"; not
// "McDonald" or "YouTube") or a capital letter with a number ("S75", "S117").
bool acronym_shaped(const Word& w, const std::string& written) {
    if (w.has_digit) {
        std::size_t letters = 0;
        while (letters < written.size() && written[letters] >= 'A' && written[letters] <= 'Z') ++letters;
        std::size_t digits = written.size() - letters;
        return letters >= 1 && letters <= 3 && digits >= 2 &&
               written.find_first_not_of("0123456789", letters) == std::string::npos;
    }
    if (w.all_caps) return true;
    int capitals = 0;
    for (char c : written) capitals += c >= 'A' && c <= 'Z';
    return capitals >= 3;
}

void check_unknown_acronyms(const CheckContext& ctx) {
    std::unordered_set<std::string> seen;
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            const Word& w = bw.words[i];
            const std::string written = ctx.text_of(b, w);
            if (!acronym_shaped(w, written) || w.lower.size() > 7) continue;
            bool caps_run = (i > 0 && bw.words[i - 1].all_caps) || (i + 1 < bw.words.size() && bw.words[i + 1].all_caps);
            // "CARE" in capitals is an everyday word shouted; "LeDeR" is never "leader".
            const bool mixed = !w.all_caps;
            if (caps_run || (!mixed && ctx.lexicon.is_common(w.lower)) || roman_like(w.lower)) continue;
            if (bw.glossary[i].second > 0) continue;
            if (!seen.insert(w.lower).second) continue;
            if (initials_before(bw, i, w.lower) || named_after_explaining(ctx, b, i) ||
                next_sentence_explains(ctx, b, bw.sentence_of[i], {w.lower}))
                continue;
            // In the glossary but written another way ("DoLS", "LeDeR"): its full words.
            if (const GlossaryEntry* e = ctx.lexicon.find_term(w.lower); e && e->acronym && ctx.on("unexplained-term")) {
                ctx.report(block, w.begin, "unexplained-term",
                           quote(written) + " is an acronym that is not explained the first time it is used",
                           "Write the full words, \"" + e->full + "\", then explain: \"" + e->explanation + "\"");
                continue;
            }
            ctx.report(block, w.begin, "acronym", quote(ctx.text_of(b, w)) + " is an acronym with no full words",
                       "Write the full words instead, or add it to the glossary so it is explained.");
        }
    }
}

void check_two_names(const CheckContext& ctx) {
    struct FirstUse {
        std::size_t name;
        FilePos at;
    };
    std::map<std::size_t, FirstUse> first;  // group -> first name used
    std::unordered_set<std::size_t> reported;
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            auto [id, len] = bw.same[i];
            if (len == 0) continue;
            std::size_t group = id / 64, name = id % 64;
            FilePos at = block.where(bw.words[i].begin);
            auto it = first.find(group);
            if (it == first.end()) {
                first[group] = {name, at};
            } else if (it->second.name != name && reported.insert(id).second) {
                const auto& names = ctx.lexicon.same_things[group];
                std::string written = block.text.substr(bw.words[i].begin, bw.words[i + len - 1].end - bw.words[i].begin);
                ctx.report(block, bw.words[i].begin, "two-names",
                           quote(written) + " and \"" + names[it->second.name] + "\" (line " +
                               std::to_string(it->second.at.line) + ") are two names for one thing",
                           "Use one name all through the document: \"" + names[it->second.name] + "\".");
            }
            i += len - 1;
        }
    }
}

}  // namespace

void check_terms(const CheckContext& ctx) {
    if (ctx.on("unexplained-term")) check_glossary_terms(ctx);
    if (ctx.on("acronym")) check_unknown_acronyms(ctx);
    if (ctx.on("two-names")) check_two_names(ctx);
}

}  // namespace easyread::check
