#include "generator/lang/swap_fit.hpp"

#include "base/text_util.hpp"

namespace easyread::lang {

namespace {

bool function_word(const std::string& w) {
    return one_of(w, {"a",     "an",   "the",   "to",   "of",    "and",    "or",     "but",   "in",   "on",
                      "at",    "for",  "with",  "by",   "from",  "is",     "are",    "was",   "were", "be",
                      "will",  "can",  "that",  "this", "it",    "we",     "you",    "they",  "if",   "so",
                      "as",    "when", "which", "who",  "our",   "your",   "their",  "has",   "have", "not",
                      "into",  "about", "than", "then", "because", "where", "all",   "us",    "them", "he",
                      "she",   "i",    "do",    "does", "did",   "would",  "should", "could", "may",  "must"});
}

bool determiner(const std::string& w) {
    return one_of(w, {"a", "an", "the", "our", "your", "their", "this", "these", "those", "its", "my", "his", "her",
                      "every", "each", "some", "any", "no"});
}

bool modal(const std::string& w) {
    return one_of(w, {"will", "can", "could", "would", "should", "must", "may", "might", "shall", "cannot", "won't",
                      "can't", "don't", "doesn't", "didn't"});
}

bool subject_pronoun(const std::string& w) { return one_of(w, {"we", "they", "i", "he", "she"}); }

bool be_form(const std::string& w) {
    return one_of(w, {"is", "are", "was", "were", "be", "been", "being", "am", "seem", "seems", "feel", "feels", "felt",
                      "become", "becomes", "became", "very", "more", "most", "so", "too", "not", "quite", "really"});
}

bool starts_with_vowel_sound(const std::string& w) {
    return !w.empty() && std::string("aeiou").find(w[0]) != std::string::npos && w.rfind("use", 0) != 0 &&
           w.rfind("one", 0) != 0;
}

}  // namespace

bool is_determiner(const std::string& word) { return determiner(word); }

bool parse_word_class(const std::string& name, WordClass& out) {
    static const std::pair<const char*, WordClass> kNames[] = {
        {"phrase", WordClass::Phrase}, {"noun", WordClass::Noun},   {"verb", WordClass::Verb},
        {"adj", WordClass::Adjective}, {"adv", WordClass::Adverb}, {"clause", WordClass::Clause}};
    for (const auto& [n, c] : kNames)
        if (name == n) {
            out = c;
            return true;
        }
    return false;
}

const char* word_class_name(WordClass c) {
    switch (c) {
        case WordClass::Noun: return "noun";
        case WordClass::Verb: return "verb";
        case WordClass::Adjective: return "adj";
        case WordClass::Adverb: return "adv";
        case WordClass::Clause: return "clause";
        case WordClass::Phrase: break;
    }
    return "phrase";
}

bool swap_fits(const std::string& s, const std::vector<Word>& words, std::size_t i, std::size_t len,
               const std::string& plain, WordClass cls) {
    if (cls == WordClass::Clause || len == 0 || i + len > words.size()) return false;
    std::vector<Word> plain_words = split_words(plain);
    if (plain_words.empty()) return false;
    const std::size_t after = i + len;
    const bool end_of_clause =
        after >= words.size() || s.find_first_of(",;:.!?()", words[after - 1].end) < words[after].begin;
    // The word before, when it is in the same clause.
    const bool has_before = i > 0 && s.find_first_of(",;:.!?()", words[i - 1].end) >= words[i].begin;
    const std::string before = has_before ? words[i - 1].lower : std::string();
    const std::string next = end_of_clause ? std::string() : words[after].lower;

    // A clause ("you can choose") never fits where one word stood ("the
    // voluntary sector", "this is voluntary"): only a clause may replace a clause.
    auto pronoun = [](const std::string& w) {
        return w == "you" || w == "we" || w == "they" || w == "it" || w == "i" || w == "he" || w == "she";
    };
    if (plain_words.size() > 1 && pronoun(plain_words.front().lower) && !pronoun(words[i].lower)) return false;

    // The frame each class fits.
    switch (cls) {
        case WordClass::Verb:
            // "the request", "our monitor", "of support": a noun stands there.
            if (determiner(before) || before == "of") return false;
            break;
        case WordClass::Noun:
            // "we query", "will request", "to request the form": a verb stands there.
            if (modal(before) || subject_pronoun(before) || before == "please" ||
                (before == "to" && determiner(next)))
                return false;
            // Several plain words after a describing word read as two things:
            // "regeneration colleagues" must not become "regeneration people we work with".
            if (plain_words.size() > 1 && !before.empty() && !function_word(before) && !determiner(before))
                return false;
            break;
        case WordClass::Adjective:
            // Before a noun only one word fits ("sufficient staff" -> "enough
            // staff", never "something you have to do training"), or a
            // modifier and its adjective ("not enough", "very small").
            if (!end_of_clause && !be_form(before) && !function_word(next) && plain_words.size() > 1 &&
                !(plain_words.size() == 2 && be_form(plain_words.front().lower)))
                return false;
            break;
        case WordClass::Adverb:
        case WordClass::Phrase:
        case WordClass::Clause:
            break;
    }

    // The words on both sides must not repeat the swap's own words.
    if (!before.empty() && before == plain_words.front().lower) return false;
    if (!next.empty() && next == plain_words.back().lower) return false;
    for (std::size_t k = after; k < words.size() && k < after + 3; ++k)
        for (const auto& pw : plain_words)
            if (pw.lower.size() >= 4 && words[k].lower == pw.lower) return false;
    // A longer plain phrase ending in a noun, where the wordy word described
    // the next word: "priority areas" must not become "most important thing areas".
    if (plain_words.size() > len && !end_of_clause && !function_word(next) && cls != WordClass::Adjective &&
        cls != WordClass::Verb)
        return false;
    // Determiners: "the" + "the most important thing", "a" + "other".
    if (i > 0 && determiner(words[i - 1].lower) && determiner(plain_words.front().lower)) return false;
    if (i > 0 && (words[i - 1].lower == "a" || words[i - 1].lower == "an")) {
        bool an = words[i - 1].lower == "an";
        if (an != starts_with_vowel_sound(plain_words.front().lower)) return false;
        // "a priority" is never "a most important thing".
        if (plain_words.front().lower == "most") return false;
    }
    return true;
}

std::string carry_plural(const std::string& written, const std::string& wordy_last, const std::string& plain) {
    std::string w = easyread::lower(written);
    bool plural = w.size() > wordy_last.size() && w.back() == 's' && wordy_last.back() != 's';
    if (!plural || plain.find(' ') != std::string::npos) return plain;
    // "policy" -> "policies", but "way" -> "ways".
    if (plain.back() == 'y' && plain.size() > 1 && std::string("aeiou").find(plain[plain.size() - 2]) == std::string::npos)
        return plain.substr(0, plain.size() - 1) + "ies";
    if (plain.back() == 's' || plain.back() == 'h') return plain + "es";
    return plain + "s";
}

}  // namespace easyread::lang
