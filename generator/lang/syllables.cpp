#include "generator/lang/syllables.hpp"

#include <cctype>
#include <cstring>
#include <string_view>

#include "base/text_util.hpp"

namespace easyread::lang {

namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// "y" is a consonant at the start and before a vowel ("yes", "beyond");
// "u" after "q" is part of the consonant ("quality").
bool vowel_at(const std::string& w, std::size_t i) {
    char c = w[i];
    if (!vowel(c)) return false;
    if (c == 'y') return i > 0 && !(i + 1 < w.size() && vowel(w[i + 1]) && w[i + 1] != 'y');
    if (c == 'u' && i > 0 && w[i - 1] == 'q') return false;
    return true;
}

int vowel_groups(const std::string& w) {
    int n = 0;
    bool in = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        bool v = vowel_at(w, i);
        if (v && !in) ++n;
        in = v;
    }
    return n;
}

// Vowel pairs that are two sounds ("radio", "idea", "science").
int split_pairs(const std::string& w) {
    int n = 0;
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        char a = w[i], b = w[i + 1];
        char before = i > 0 ? w[i - 1] : ' ';
        std::string_view rest = std::string_view(w).substr(i);
        if (a == 'i' && (b == 'a' || b == 'o' || b == 'u')) {
            // "-tion", "-sion", "-cial", "-cious", "-gion" are one sound.
            bool joined = (before == 't' || before == 's' || before == 'c' || before == 'x' ||
                           (before == 'g' && b == 'o')) &&
                          rest.substr(0, 4) != "iate";
            if (!joined) ++n;
        } else if (a == 'u' && b == 'a' && before != 'q' && before != 'g') {
            ++n;
        } else if (a == 'e' && b == 'o') {
            bool joined = rest.substr(0, 3) == "eop" || (rest.substr(0, 3) == "eon" && (before == 'g' || before == 'h'));
            if (!joined) ++n;
        } else if (a == 'i' && b == 'e') {
            if (rest.substr(0, 4) == "ient" || rest.substr(0, 3) == "iet" || rest == "ier" || rest == "iers" ||
                rest.substr(0, 5) == "ience")
                ++n;
        } else if (a == 'e' && b == 'a') {
            if (rest == "ea" || rest == "eas" || rest == "eate" || rest == "eated" || rest == "eates" || rest == "eating")
                ++n;
        }
    }
    return n;
}

int count_letters_only(std::string w);

// Endings that carry their own syllable after a silent "e": "safe-ly".
int suffix_split(const std::string& w) {
    static const char* const kSuffixes[] = {"ments", "ment", "ness", "less", "fully", "ful", "ly"};
    for (const char* s : kSuffixes) {
        std::size_t n = std::strlen(s);
        if (w.size() >= n + 3 && w[w.size() - n - 1] == 'e' && ends_with(w, s) && !vowel(w[w.size() - n - 2])) {
            std::string base = w.substr(0, w.size() - n);
            int tail = ends_with(w, "fully") ? 2 : 1;
            return count_letters_only(base) + tail;
        }
    }
    return 0;
}

// First parts of compounds that end in a silent "e": "some-thing", "home-work".
int prefix_split(const std::string& w) {
    static const char* const kPrefixes[] = {"some", "home", "care", "time", "life", "safe", "side", "where",
                                            "there", "here", "whole", "house", "note", "wide", "more"};
    for (const char* p : kPrefixes) {
        std::size_t n = std::strlen(p);
        if (w.size() >= n + 3 && w.compare(0, n, p) == 0) return 1 + count_letters_only(w.substr(n));
    }
    return 0;
}

int count_letters_only(std::string w) {
    if (w.empty()) return 0;
    if (w.size() <= 3) return 1;
    if (int s = suffix_split(w)) return s;
    if (int s = prefix_split(w)) return s;
    int n = vowel_groups(w) + split_pairs(w);
    // "-ing" after a vowel is its own syllable: "be-ing", "go-ing".
    for (std::size_t p = w.find("ing"); p != std::string::npos; p = w.find("ing", p + 1))
        if (p > 0 && vowel(w[p - 1]) && w[p - 1] != 'y') ++n;
    std::size_t len = w.size();
    char last = w[len - 1];
    char before = w[len - 2];
    if (last == 'e') {
        // Silent final "e" ("make"), but not "-le" after a consonant ("table") or a vowel pair ("agree").
        bool le = before == 'l' && !vowel(w[len - 3]);
        if (!le && !vowel(before) && n > 1) --n;
    } else if (ends_with(w, "es") && n > 1) {
        char c = w[len - 3];
        bool sounded = c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' || c == 'h' ||
                       (c == 'l' && !vowel(w[len - 4])) || vowel(c);
        if (!sounded) --n;
    } else if (ends_with(w, "ed") && n > 1) {
        char c = w[len - 3];
        bool sounded = c == 't' || c == 'd' || (vowel(c) && c != 'y') ||
                       ((c == 'l' || c == 'r') && len >= 4 && !vowel(w[len - 4]) && w[len - 4] != c);
        if (!sounded) --n;
    }
    if (ends_with(w, "ism") || ends_with(w, "isms")) ++n;  // "autism": au-ti-sm
    return n < 1 ? 1 : n;
}

}  // namespace

int count_syllables(const std::string& word) {
    std::string letters;
    int digits = 0;
    int total = 0;
    auto flush = [&] {
        total += count_letters_only(letters);
        letters.clear();
    };
    for (char ch : word) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c)) letters += static_cast<char>(std::tolower(c));
        else if (std::isdigit(c)) ++digits;
        else if (c == '-') flush();  // "self-advocate": each part on its own
        else if ((c & 0xC0) == 0xC0) letters += 'e';  // an accented letter, most often a vowel ("café")
    }
    flush();
    if (digits > 0) total += digits > 4 ? 4 : digits;
    return total;
}

}  // namespace easyread::lang
