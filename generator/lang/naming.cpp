#include "generator/lang/naming.hpp"

#include <vector>

#include "base/sentences.hpp"

namespace easyread::lang {

namespace {

std::vector<std::string> lower_words(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& w : split_words(text)) out.push_back(w.lower);
    return out;
}

// "plans" and "plan", "carers" and "carer": the same word for naming.
std::string stem(std::string w) {
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "ies") == 0) return w.substr(0, w.size() - 3) + "y";
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    return w;
}

// "autism", "autistic" and "autist" are one family: their root, for
// words of five letters or more.
std::string family(const std::string& w) {
    if (w.size() < 5) return w;
    for (const char* end : {"istic", "ism", "ist", "ic"}) {
        const std::size_t n = std::string(end).size();
        if (w.size() > n + 2 && w.compare(w.size() - n, n, end) == 0) return w.substr(0, w.size() - n);
    }
    return w;
}

}  // namespace

bool is_naming_opening(const std::string& before_word) {
    std::vector<std::string> w = lower_words(before_word);
    if (w.empty()) return false;
    auto has = [&w](const char* word) {
        for (const auto& x : w)
            if (x == word) return true;
        return false;
    };
    const std::string& first = w[0];
    bool pointing = first == "this" || first == "these" || first == "that" || first == "those" || first == "it" ||
                    first == "they";
    // "This is called", "This plan is called a", "These are known as", "It is named".
    if (pointing && w.size() <= 7 && (has("called") || has("named") || (has("known") && has("as"))))
        return true;
    // "This means", "That means you have".
    if (pointing && w.size() >= 2 && (w[1] == "means" || w[1] == "mean")) return true;
    // "We call this", "People call this a", "Some people call it".
    for (std::size_t i = 0; i + 1 < w.size() && i < 3; ++i)
        if (w[i] == "call" && (w[i + 1] == "this" || w[i + 1] == "these" || w[i + 1] == "that" ||
                               w[i + 1] == "it" || w[i + 1] == "them"))
            return true;
    return false;
}

bool sentence_about(const std::string& sentence, const std::string& word, bool pointing) {
    static const char* const kDeterminers[] = {"a", "an", "the", "your", "our", "their", "his", "her", "my", "each",
                                               "every", "any", "some", "all"};
    static const char* const kVerbs[] = {
        "is", "are", "was", "were", "means", "mean", "can", "could", "will", "would", "should", "may", "might", "must",
        "helps", "help", "gives", "give", "does", "do", "has", "have", "checks", "check", "looks", "look", "keeps",
        "keep", "makes", "make", "tells", "tell", "says", "say", "lets", "let", "works", "work", "supports", "support",
        "provides", "describes", "covers", "happens", "comes", "goes", "sees", "visits", "pays", "pay", "finds",
        "shows", "show", "lists", "needs", "takes", "explains", "gets", "stands", "refers", "plans", "includes",
        "include", "decides", "decide", "uses", "use", "runs", "run", "cares", "care", "stops", "stop"};
    auto in = [](const std::string& w, const auto& list) {
        for (const char* x : list)
            if (w == x) return true;
        return false;
    };
    static const char* const kMainVerbs[] = {"is", "are", "was", "were", "can", "could", "will", "would", "should",
                                             "may", "might", "must", "means", "does", "has", "have", "had", "did"};
    std::vector<std::string> s = lower_words(sentence), t = lower_words(word);
    if (s.empty() || t.empty()) return false;
    if (pointing && (s[0] == "this" || s[0] == "it" || s[0] == "they" || s[0] == "these")) {
        // "This means a short break" says what the word is; "This means we
        // can plan together" says what follows from the sentence before.
        if (s.size() > 2 && (s[1] == "means" || s[1] == "mean") &&
            (s[2] == "we" || s[2] == "you" || s[2] == "they" || s[2] == "i" || s[2] == "he" || s[2] == "she" ||
             s[2] == "people" || s[2] == "there" || s[2] == "it" || s[2] == "that" || s[2] == "our" || s[2] == "your"))
            return false;
        return s.size() > 1;
    }
    std::size_t i = 0;
    while (i < s.size() && in(s[i], kDeterminers)) ++i;
    // "Autism changes ..." is about "autistic people": the people a word
    // names are left out, and words of one family ("autism", "autistic") match.
    while (t.size() > 1 && (t.back() == "people" || t.back() == "person" || t.back() == "adults" ||
                            t.back() == "children"))
        t.pop_back();
    if (t.size() == 1) t[0] = family(t[0]);
    // The word in the subject: among the first words, before the main verb,
    // and a verb soon after it ("Advice and guidance tell ...").
    for (auto& x : t) x = stem(x);
    for (std::size_t a = i; a < i + 6 && a + t.size() <= s.size(); ++a) {
        if (in(s[a], kMainVerbs)) return false;
        std::size_t k = 0;
        while (k < t.size() && (t.size() == 1 ? stem(family(s[a])) : stem(s[a + k])) == t[k]) ++k;
        if (k < t.size()) continue;
        // A verb soon after: a listed one, or one that ends in -s ("Autism changes how ...") unless
        // that is a plural noun before the verb ("Autism services are ...").
        for (std::size_t v = a + t.size(); v < s.size() && v < a + t.size() + 4; ++v) {
            if (in(s[v], kVerbs) || in(s[v], kMainVerbs)) return true;
            if (v == a + t.size() && s[v].size() > 3 && s[v].back() == 's' && s[v][s[v].size() - 2] != 's' &&
                !(v + 1 < s.size() && in(s[v + 1], kMainVerbs)))
                return true;
        }
        return false;
    }
    return false;
}

bool sentence_names(const std::string& sentence, const std::string& word) {
    std::vector<std::string> s = lower_words(sentence), t = lower_words(word);
    if (t.empty()) return false;
    for (auto& x : s) x = stem(x);
    for (auto& x : t) x = stem(x);
    for (std::size_t i = 0; i + t.size() <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < t.size() && s[i + k] == t[k]) ++k;
        if (k == t.size()) return true;
    }
    return false;
}

bool sentence_defines(const std::string& sentence, const std::string& word) {
    if (!sentence_about(sentence, word, false)) return false;
    std::vector<std::string> s = lower_words(sentence), t = lower_words(word);
    for (std::size_t a = 0; a + t.size() < s.size() && a < 8; ++a) {
        std::size_t k = 0;
        while (k < t.size() && stem(s[a + k]) == stem(t[k])) ++k;
        if (k < t.size()) continue;
        const std::string& verb = s[a + t.size()];
        if (verb == "means" || verb == "mean") return true;
        if (verb != "is" && verb != "are") return false;
        // "is a ...", "are people who ...": a thing named; "is free" says only how it is.
        static const char* const kNamed[] = {"a", "an", "the", "someone", "somebody", "something", "somewhere", "when",
                                             "where", "how", "what", "people", "money", "help", "support", "care",
                                             "short-term", "long-term", "one", "two", "groups", "services", "places"};
        const std::string next = a + t.size() + 1 < s.size() ? s[a + t.size() + 1] : "";
        for (const char* n : kNamed)
            if (next == n) return true;
        return false;
    }
    return false;
}

}  // namespace easyread::lang
