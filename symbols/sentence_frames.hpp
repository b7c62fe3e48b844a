// What a sentence is about when its facts say so more plainly than its words:
// "Call the Carers Line on 01632 960 555" is about phoning (not carers),
// "We will save £12m" about money (not the council), "open 9am to 5pm" about
// the time, "on 14 March 2025" about a date. Each frame names the picture of
// that thing, with a score the matcher compares with its word scores.
#pragma once
#include <string>
#include <vector>

namespace easyread::symbols {

struct FrameHit {
    std::string picture;  // a bundled picture id
    double score = 0;     // on the matcher's scale (a first word in the block scores about 1)
    int sentence = 0;     // 0 for the block's first sentence
    std::string reason;
};

// How strongly each frame speaks: a call with a number beats an amount of
// money, which beats a clock time, which beats a full date. A month or a day
// of the week alone is weaker than the sentence's first topic word.
constexpr double kCallFrame = 1.3;
constexpr double kMoneyFrame = 1.25;
constexpr double kMoneySpentFrame = 1.1;  // money named as what pays, is spent or shared out, without a sum
constexpr double kTimeFrame = 1.2;
constexpr double kDateFrame = 1.1;
constexpr double kLooseDateFrame = 0.8;

// The frames found in each sentence of `text` (Markdown bold allowed), at
// most one per picture per sentence.
std::vector<FrameHit> sentence_frames(const std::string& text);

}  // namespace easyread::symbols
