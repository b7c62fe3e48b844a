#include "generator/check/naming.hpp"

#include <vector>

#include "base/sentences.hpp"

namespace easyread::check {

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

}  // namespace easyread::check
