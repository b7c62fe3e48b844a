#include "generator/check/readability.hpp"


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

void add_block(Readability& r, const BlockWords& block) {
    r.sentences += static_cast<int>(block.sentences.size());
    r.words += static_cast<int>(block.words.size());
    for (int s : block.syllables) r.syllables += s;
    score(r);
}

}  // namespace easyread::check
