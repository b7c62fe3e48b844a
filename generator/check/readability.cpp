#include "readability.hpp"

#include "syllables.hpp"

namespace easyread::check {

void score(Readability& r) {
    if (r.words == 0 || r.sentences == 0) {
        r.reading_ease = 0;
        r.grade = 0;
        return;
    }
    double wps = static_cast<double>(r.words) / r.sentences;
    double spw = static_cast<double>(r.syllables) / r.words;
    r.reading_ease = 206.835 - 1.015 * wps - 84.6 * spw;
    r.grade = 0.39 * wps + 11.8 * spw - 15.59;
}

void add_sentences(Readability& r, const std::vector<Sentence>& sentences) {
    for (const auto& s : sentences) {
        ++r.sentences;
        for (const auto& w : s.words) {
            ++r.words;
            r.syllables += count_syllables(w.lower);
        }
    }
    score(r);
}

}  // namespace easyread::check
